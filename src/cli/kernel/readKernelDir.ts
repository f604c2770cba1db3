/**
 * readKernelDir.ts - `klp import-kernel DIR`: an installed kernel's modules as the module-graph
 * JSON. DIR is /lib/modules/VERSION, or a root holding lib/modules/VERSION (an unpacked kernel
 * package: `dpkg-deb -x linux-image-*.deb ROOT`). Every *.ko, *.ko.xz, *.ko.zst and *.ko.gz below
 * it is read; modules.dep is used when present (see src/kernelGraph/importKernel.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { buildModuleGraph, type KoSymbols, type ModuleGraphJson } from '../../kernelGraph/index';
import { decompressModule } from './decompress';
import { ElfError, readElfModule } from './elf';

export class KernelDirError extends Error {}

const KO = /\.ko(\.(xz|zst|gz))?$/;

/** The /lib/modules/VERSION directory DIR names. */
export function modulesDirOf(dir: string): string {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new KernelDirError(`${dir}: not a directory`);
  if (existsSync(join(dir, 'kernel')) || existsSync(join(dir, 'modules.dep')) || existsSync(join(dir, 'modules.order'))) return dir;
  const lib = join(dir, 'lib', 'modules');
  if (existsSync(lib)) {
    const versions = readdirSync(lib).filter((v) => statSync(join(lib, v)).isDirectory());
    if (versions.length === 1) return join(lib, versions[0]);
    throw new KernelDirError(`${lib} holds ${versions.length} kernels (${versions.join(', ') || 'none'}): name one of them, e.g. ${join(lib, versions[0] ?? 'VERSION')}`);
  }
  throw new KernelDirError(`${dir}: no kernel/ or modules.dep here, and no lib/modules/VERSION below: give /lib/modules/VERSION`);
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return walk(p);
    return e.isFile() && KO.test(e.name) ? [p] : [];
  });
}

export interface ImportedKernel {
  graph: ModuleGraphJson;
  modulesDir: string;
  usedModulesDep: boolean;
  /** .modinfo depends= of each module (the build's own list of direct dependencies). */
  modinfoDepends: Map<string, string[]>;
}

/** `ignoreModulesDep`: compute the closures from the symbols even if modules.dep is there (tests). */
export async function importKernelDir(dir: string, opts: { kernel?: string; source?: string; ignoreModulesDep?: boolean } = {}): Promise<ImportedKernel> {
  const root = modulesDirOf(dir);
  const files = walk(root).sort();
  if (files.length === 0) throw new KernelDirError(`${root}: no .ko files`);
  const kos: KoSymbols[] = [];
  const modinfoDepends = new Map<string, string[]>();
  for (const f of files) {
    const path = relative(root, f).split(sep).join('/');
    let info;
    try {
      info = readElfModule(await decompressModule(new Uint8Array(readFileSync(f))));
    } catch (e) {
      if (e instanceof ElfError) throw new KernelDirError(`${path}: ${e.message}`);
      throw new KernelDirError(`${path}: cannot read: ${(e as Error).message}`);
    }
    kos.push({ path, name: info.modinfo.name?.[0], exports: info.exports, undefined: info.undefined });
    const dep = info.modinfo.depends?.[0];
    modinfoDepends.set(info.modinfo.name?.[0] ?? path, dep ? dep.split(',').map((d) => d.replace(/-/g, '_')) : []);
  }
  const depFile = join(root, 'modules.dep');
  const usedModulesDep = !opts.ignoreModulesDep && existsSync(depFile);
  const kernel = opts.kernel ?? basename(root);
  const source =
    opts.source ??
    `${kernel}: ${files.length} modules; ${usedModulesDep ? 'modules.dep by depmod' : 'dependencies computed from the symbols (no modules.dep)'}, symbols from the .ko symbol tables (klp import-kernel)`;
  try {
    const graph = buildModuleGraph(kos, { kernel, source, modulesDep: usedModulesDep ? readFileSync(depFile, 'utf8') : undefined });
    return { graph, modulesDir: root, usedModulesDep, modinfoDepends };
  } catch (e) {
    throw new KernelDirError(`${root}: ${(e as Error).message}`);
  }
}
