/**
 * hazards.ts - which imports of a split livepatch's per-object module recurse through the hidden
 * edge "loading M loads P__M".
 *
 * In the split POC, klp_module_coming(M) runs while M is COMING and calls
 * request_module("P__M") (POC 08), which waits for `modprobe -q -- P__M`. That modprobe loads
 * P__M's modules.dep closure first, last to first, skipping only modules whose
 * /sys/module/NAME/initstate reads "live" (kmod's "already in kernel?" test). If that closure
 * holds M, modprobe calls finit_module(M) while M is COMING: add_unformed_module() finds the
 * COMING instance and sleeps until it is LIVE or gone (location i), and M can only become LIVE
 * once klp_module_coming() returns, which waits for that modprobe. klp_break_recursion() (POC
 * 19/23) only breaks the wait for the patch's own main module, so M, an ordinary module, still
 * deadlocks with the patch. M is in P__M's closure exactly when P__M imports a symbol
 *
 * - of M itself (type B), or
 * - of a module X whose closure holds M, i.e. X is one of M's dependents (type D).
 *
 * Every other import is safe when M loads after the patch: vmlinux's (A); the main patch P's
 * (C: P is LIVE by then; type C only recurses while P's own init runs, which 19/23 fixes); and
 * any other module's (D: M's own dependencies are LIVE before M loads, unrelated modules load
 * normally). When M is loaded before the patch, klp_enable_patch() loads P__M with M LIVE, and
 * nothing recurses either; the hazard is M loading (or reloading) while the patch is enabled.
 *
 * [S] One patched object at a time: a patch with several objects adds one hidden edge per
 * object, and their chains are not followed here (the simulator follows them when it runs).
 */
import type { KernelGraph, KernelModule } from './graph';
import { VMLINUX } from './format';

export type ImportType = 'A' | 'B' | 'D';

/** How an import of P__M relates to M. */
export type Relation = 'vmlinux' | 'self' | 'dependency' | 'dependent' | 'unrelated';

export interface ImportVerdict {
  symbol: string;
  /** The module exporting it, or vmlinux. */
  provider: string;
  type: ImportType;
  relation: Relation;
  /** True when this import makes loading M deadlock once the patch is enabled. */
  hazard: boolean;
  why: string;
}

export function relationOf(g: KernelGraph, m: KernelModule, provider: string): Relation {
  if (provider === VMLINUX) return 'vmlinux';
  if (provider === m.name) return 'self';
  if (m.depends.includes(provider)) return 'dependency';
  if (g.byName.get(provider)?.depends.includes(m.name)) return 'dependent';
  return 'unrelated';
}

const WHY: Record<Relation, (m: string, p: string) => string> = {
  vmlinux: () => 'type A: vmlinux is always there',
  self: (m) => `type B: lp__${m} depends on ${m}; loading ${m} runs modprobe lp__${m}, which loads ${m} again while it is COMING: deadlock in add_unformed_module (location i)`,
  dependent: (m, p) => `type D: ${p} depends on ${m}, so lp__${m}'s modprobe loads ${m} again while it is COMING: deadlock in add_unformed_module (location i)`,
  dependency: (m, p) => `type D, safe: ${m} depends on ${p}, so ${p} is live before ${m} loads`,
  unrelated: (m, p) => `type D, safe: ${p} does not need ${m}; lp__${m}'s modprobe loads it normally`,
};

/** The verdict on one symbol that the per-object module of `module` would import. */
export function classifyImport(g: KernelGraph, module: string, symbol: string): ImportVerdict {
  const m = g.byName.get(module);
  if (!m) throw new Error(`no module '${module}' in ${g.kernel}`);
  const provider = g.exporter.get(symbol) ?? VMLINUX;
  const relation = relationOf(g, m, provider);
  const type: ImportType = relation === 'vmlinux' ? 'A' : relation === 'self' ? 'B' : 'D';
  return { symbol, provider, type, relation, hazard: relation === 'self' || relation === 'dependent', why: WHY[relation](module, provider) };
}

export interface HazardRow {
  module: string;
  dir: string;
  /** Its own exports: each a type B import that deadlocks. */
  exports: number;
  usedBy: number;
  dependents: number;
  /** Dependents that export something: providers a type D import must avoid. */
  exportingDependents: number;
  /** Providers P__M must not import from: M (if it exports) and its exporting dependents. */
  blockedProviders: number;
  /** Symbols P__M must not import: M's exports and its dependents' exports. */
  blockedSymbols: number;
  /** One hazardous import that demonstrates it (a direct user's export first), or null. */
  example: { symbol: string; provider: string; type: 'B' | 'D' } | null;
}

export interface HazardSummary {
  kernel: string;
  modules: number;
  /** Modules with at least one blocked import. */
  withHazards: number;
  /** Modules with an exporting dependent: they cannot import from any of their users. */
  cannotImportFromUsers: number;
  /** Modules that export something: their own livepatch cannot import it (type B). */
  typeB: number;
  /** (module, blocked provider) pairs. */
  blockedPairs: number;
}

export interface HazardMap {
  summary: HazardSummary;
  /** One row per module, in name order. */
  rows: HazardRow[];
}

function exampleOf(g: KernelGraph, m: KernelModule): HazardRow['example'] {
  // A direct user's export reads best ("importing from a user"); then any dependent; then B.
  for (const list of [m.usedBy, m.dependents]) {
    for (const u of list) {
      const s = g.byName.get(u)!.exports[0];
      if (s) return { symbol: s, provider: u, type: 'D' };
    }
  }
  return m.exports[0] ? { symbol: m.exports[0], provider: m.name, type: 'B' } : null;
}

export function hazardRow(g: KernelGraph, m: KernelModule): HazardRow {
  let exportingDependents = 0;
  let dependentSymbols = 0;
  for (const d of m.dependents) {
    const n = g.byName.get(d)!.exports.length;
    if (n > 0) exportingDependents++;
    dependentSymbols += n;
  }
  return {
    module: m.name,
    dir: m.dir,
    exports: m.exports.length,
    usedBy: m.usedBy.length,
    dependents: m.dependents.length,
    exportingDependents,
    blockedProviders: exportingDependents + (m.exports.length > 0 ? 1 : 0),
    blockedSymbols: dependentSymbols + m.exports.length,
    example: exampleOf(g, m),
  };
}

/** The hazard map of a whole kernel: linear in the total size of the closures. */
export function hazardMap(g: KernelGraph): HazardMap {
  const rows = g.modules.map((m) => hazardRow(g, m));
  return {
    summary: {
      kernel: g.kernel,
      modules: rows.length,
      withHazards: rows.filter((r) => r.blockedProviders > 0).length,
      cannotImportFromUsers: rows.filter((r) => r.exportingDependents > 0).length,
      typeB: rows.filter((r) => r.exports > 0).length,
      blockedPairs: rows.reduce((a, r) => a + r.blockedProviders, 0),
    },
    rows,
  };
}
