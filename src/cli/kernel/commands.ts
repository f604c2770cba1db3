/**
 * commands.ts - the CLI's real-kernel commands:
 *
 *   import-kernel DIR [--out FILE] [--kernel NAME] [--source TEXT]   module-graph JSON of /lib/modules/VERSION
 *   kernel-graph FILE [--module NAME] [--json]            overview, or one module: closure, users, hazards
 *   scenario-from FILE NAME [--import S1,S2] [--out FILE] the split-livepatch scenario of a module
 */
import { writeFileSync } from 'node:fs';
import { readSmallFile } from '../readSmallFile';
import {
  classifyImport,
  groupByDirectory,
  hazardMap,
  hazardRow,
  indexGraph,
  ModuleGraphError,
  parseModuleGraph,
  scenarioFromModule,
  defaultImports,
  KernelGraphError,
  type KernelGraph,
} from '../../kernelGraph/index';
import { importKernelDir } from './readKernelDir';

export interface KernelIo {
  log(line: string): void;
  error(line: string): void;
}

export class KernelUsageError extends Error {}

/** A module graph file may be this large (a distribution kernel's is about 5 MB). */
const MAX_GRAPH_BYTES = 64_000_000;

export function loadGraph(file: string): KernelGraph {
  let text: string;
  try {
    text = readSmallFile(file, MAX_GRAPH_BYTES, 'a module graph');
  } catch (e) {
    throw new KernelUsageError((e as Error).message);
  }
  try {
    return indexGraph(parseModuleGraph(text));
  } catch (e) {
    if (e instanceof ModuleGraphError) throw new KernelUsageError(`${file}: ${e.message}`);
    throw e;
  }
}

function moduleOf(g: KernelGraph, name: string | undefined, file: string): string {
  if (!name) throw new KernelUsageError('give a module NAME');
  const n = name.replace(/-/g, '_');
  if (!g.byName.has(n)) throw new KernelUsageError(`${file}: no module '${name}' in ${g.kernel}`);
  return n;
}

function output(text: string, out: string | undefined, io: KernelIo): void {
  if (out) writeFileSync(out, text);
  else io.log(text);
}

export async function importKernel(dir: string | undefined, opts: { out?: string; kernel?: string; source?: string }, io: KernelIo): Promise<number> {
  if (!dir) throw new KernelUsageError('import-kernel: give a kernel directory (/lib/modules/VERSION)');
  const r = await importKernelDir(dir, { kernel: opts.kernel, source: opts.source });
  const n = Object.keys(r.graph.modules).length;
  output(JSON.stringify(r.graph), opts.out, io);
  io.error(`klp: ${r.graph.kernel}: ${n} modules from ${r.modulesDir}${r.usedModulesDep ? ', with modules.dep' : ', no modules.dep: dependencies computed from the symbols'}${opts.out ? ` -> ${opts.out}` : ''}`);
  return 0;
}

export function kernelGraphCommand(file: string | undefined, opts: { module?: string; json: boolean }, io: KernelIo): number {
  if (!file) throw new KernelUsageError('kernel-graph: give a module-graph FILE.json');
  const g = loadGraph(file);
  if (!opts.module) {
    const h = hazardMap(g);
    const o = groupByDirectory(g);
    if (opts.json) {
      io.log(JSON.stringify({ kernel: g.kernel, modules: g.modules.length, hazards: h.summary, groups: o.groups.map((x) => ({ dir: x.id, modules: x.modules.length })), links: o.links.slice(0, 20) }));
      return 0;
    }
    io.log(`# ${g.kernel}: ${g.modules.length} modules in ${o.groups.length} directory groups`);
    io.log('');
    io.log('largest groups:');
    for (const x of o.groups.slice(0, 10)) io.log(`  ${x.id.padEnd(32)} ${x.modules.length}`);
    io.log('heaviest links (module pairs):');
    for (const l of o.links.slice(0, 10)) io.log(`  ${`${l.source} -> ${l.target}`.padEnd(48)} ${l.count}`);
    io.log('');
    io.log(`split livepatch hazards: ${h.summary.cannotImportFromUsers} modules cannot import from any of their users (type D),`);
    io.log(`${h.summary.typeB} cannot import their own exports (type B); ${h.summary.withHazards} have a blocked import.`);
    return 0;
  }
  const name = moduleOf(g, opts.module, file);
  const m = g.byName.get(name)!;
  const row = hazardRow(g, m);
  const verdicts = defaultImports(g, name).map((s) => classifyImport(g, name, s));
  const blocked = [...(m.exports.length ? [m.name] : []), ...m.dependents.filter((d) => g.byName.get(d)!.exports.length > 0)];
  if (opts.json) {
    io.log(JSON.stringify({ kernel: g.kernel, module: name, path: m.path, exports: m.exports, uses: m.uses, depends: m.depends, usedBy: m.usedBy, dependents: m.dependents, hazards: { ...row, blocked }, defaultImports: verdicts }));
    return 0;
  }
  io.log(`# ${name} (${m.path}) in ${g.kernel}`);
  io.log(`exports ${m.exports.length}${m.exports.length ? `: ${m.exports.slice(0, 12).join(', ')}${m.exports.length > 12 ? ', ...' : ''}` : ''}`);
  io.log(`uses (direct providers): ${m.uses.join(', ') || '(only vmlinux)'}`);
  io.log(`closure (modules.dep, loaded last to first): ${m.depends.join(' ') || '(none)'}`);
  io.log(`used by: ${m.usedBy.join(', ') || 'nobody'}`);
  io.log(`all users (dependents): ${m.dependents.length}`);
  io.log('');
  io.log(`split livepatch lp__${name}: importing from any of these ${blocked.length} module(s) deadlocks \`modprobe ${name}\` once lp is enabled:`);
  io.log(`  ${blocked.join(' ') || '(none)'}`);
  io.log(`default imports (what ${name} itself calls):`);
  for (const v of verdicts) io.log(`  ${v.symbol.padEnd(32)} ${v.provider.padEnd(20)} ${v.why}`);
  return 0;
}

export function scenarioFromCommand(file: string | undefined, name: string | undefined, opts: { imports?: string; out?: string }, io: KernelIo): number {
  if (!file) throw new KernelUsageError('scenario-from: give a module-graph FILE.json and a module NAME');
  const g = loadGraph(file);
  const module = moduleOf(g, name, file);
  try {
    const r = scenarioFromModule(g, module, { imports: opts.imports?.split(',').filter(Boolean) });
    output(JSON.stringify(r.scenario, null, 2), opts.out, io);
    for (const v of r.verdicts) io.error(`klp: lp__${module} imports ${v.symbol} from ${v.provider}: ${v.why}`);
    return 0;
  } catch (e) {
    if (e instanceof KernelGraphError) throw new KernelUsageError(e.message);
    throw e;
  }
}
