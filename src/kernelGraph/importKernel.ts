/**
 * importKernel.ts - builds the module-graph JSON (format.ts) from what an installed kernel's
 * /lib/modules/VERSION holds: each .ko's exported and undefined symbols (read by the CLI, which
 * owns the files) and, when present, modules.dep.
 *
 * depmod's rule (kmod's tools/depmod.c): module X depends on Y when X has an undefined symbol
 * that Y exports; modules.dep lists X's whole closure. With modules.dep present, `depends` is
 * its line for the module, verbatim. Without it (a kernel package unpacked but never installed:
 * Debian's linux-image packages do not ship modules.dep, their postinst runs depmod) the
 * closure is computed here by the same rule; its order is then this function's (users before
 * their providers, as in modules.dep), not necessarily depmod's.
 */
import { VMLINUX, type ModuleEntry, type ModuleGraphJson } from './format';

export interface KoSymbols {
  /** Path below /lib/modules/VERSION, e.g. kernel/net/netfilter/nf_tables.ko.xz. */
  path: string;
  /** .modinfo name=, if the module has one. */
  name?: string;
  exports: string[];
  /** Undefined symbols (SHN_UNDEF), weak ones included. */
  undefined: string[];
}

/** The module name of a .ko path as depmod and modprobe use it: basename, no suffix, '-' -> '_'. */
export function moduleNameOfPath(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base.replace(/\.ko(\.(xz|zst|gz))?$/, '').replace(/-/g, '_');
}

/** The graph keeps .ko paths uncompressed, as the shipped Debian graph does. */
export function plainKoPath(path: string): string {
  return path.replace(/\.ko\.(xz|zst|gz)$/, '.ko');
}

/** modules.dep: `kernel/a/x.ko: kernel/b/y.ko kernel/c/z.ko` -> x -> [y, z] (names). */
export function parseModulesDep(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  text.split('\n').forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const colon = line.indexOf(':');
    if (colon < 0) throw new Error(`modules.dep line ${i + 1}: no ':' in ${JSON.stringify(line.slice(0, 80))}`);
    const deps = line
      .slice(colon + 1)
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(moduleNameOfPath);
    out.set(moduleNameOfPath(line.slice(0, colon)), deps);
  });
  return out;
}

const uniqSorted = (xs: string[]): string[] => [...new Set(xs)].sort();

/**
 * The graph of a set of modules. Throws on two files with one module name or on a modules.dep
 * that disagrees with the files (a module missing from it, or listed but not on disk).
 */
export function buildModuleGraph(kos: KoSymbols[], opts: { kernel: string; source: string; modulesDep?: string }): ModuleGraphJson {
  const byName = new Map<string, KoSymbols>();
  for (const k of kos) {
    const name = moduleNameOfPath(k.path);
    const had = byName.get(name);
    if (had) throw new Error(`two files for module ${name}: ${had.path} and ${k.path}`);
    byName.set(name, k);
  }
  const names = [...byName.keys()].sort();
  const exporter = new Map<string, string>();
  for (const n of names) for (const s of byName.get(n)!.exports) if (!exporter.has(s)) exporter.set(s, n);
  const direct = new Map<string, string[]>();
  const imports = new Map<string, Record<string, string[]>>();
  for (const n of names) {
    const grouped: Record<string, string[]> = {};
    for (const s of uniqSorted(byName.get(n)!.undefined)) {
      const p = exporter.get(s);
      const key = p && p !== n ? p : VMLINUX;
      (grouped[key] ??= []).push(s);
    }
    const sorted: Record<string, string[]> = {};
    for (const k of Object.keys(grouped).sort()) sorted[k] = grouped[k];
    imports.set(n, sorted);
    direct.set(
      n,
      Object.keys(sorted).filter((k) => k !== VMLINUX),
    );
  }
  let depends: Map<string, string[]>;
  if (opts.modulesDep !== undefined) {
    depends = parseModulesDep(opts.modulesDep);
    for (const n of names) if (!depends.has(n)) throw new Error(`modules.dep has no line for ${n} (${byName.get(n)!.path}): is it older than the modules?`);
    for (const n of depends.keys()) if (!byName.has(n)) throw new Error(`modules.dep lists ${n}, which has no .ko file`);
  } else {
    depends = closures(names, direct);
  }
  const modules: Record<string, ModuleEntry> = {};
  for (const n of names) {
    const k = byName.get(n)!;
    modules[n] = { path: plainKoPath(k.path), depends: depends.get(n)!, exports: uniqSorted(k.exports), imports: imports.get(n)! };
  }
  return { kernel: opts.kernel, source: opts.source, modules };
}

/**
 * Each module's closure, users before their providers (a reverse topological order of the
 * closure, as modules.dep writes it). A symbol cycle has no order: depmod refuses it, so do we.
 */
export function closures(names: string[], direct: Map<string, string[]>): Map<string, string[]> {
  // Global order: providers before users (depth-first post-order), cycles reported.
  const rank = new Map<string, number>();
  const state = new Map<string, 'open' | 'done'>();
  const visit = (n: string, path: string[]): void => {
    const s = state.get(n);
    if (s === 'done') return;
    if (s === 'open') throw new Error(`dependency cycle: ${[...path.slice(path.indexOf(n)), n].join(' -> ')}`);
    state.set(n, 'open');
    for (const d of direct.get(n) ?? []) visit(d, [...path, n]);
    state.set(n, 'done');
    rank.set(n, rank.size);
  };
  for (const n of names) visit(n, []);
  const out = new Map<string, string[]>();
  for (const n of [...names].sort((a, b) => rank.get(a)! - rank.get(b)!)) {
    const all = new Set<string>();
    for (const d of direct.get(n) ?? []) {
      all.add(d);
      for (const x of out.get(d)!) all.add(x);
    }
    out.set(n, [...all].sort((a, b) => rank.get(b)! - rank.get(a)!));
  }
  return out;
}
