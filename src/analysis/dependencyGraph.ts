/**
 * dependencyGraph.ts - the module dependency graph of a scenario in one kernel variant: the
 * symbol dependencies depmod sees, classified by the seed patch's types A-D, plus the implicit
 * "loading M makes klp_module_coming() load P__M" edges that depmod cannot see.
 */
import type { Scenario } from '../model/scenario';
import type { VariantId } from '../model/variant';
import { makeEnv } from '../engine/run';

export type NodeKind = 'vmlinux' | 'module' | 'livepatch' | 'livepatch-object';

/**
 * A: livepatch -> vmlinux; B: livepatch -> the module it patches; C: per-object livepatch ->
 * its main livepatch module; D: livepatch -> any other module; plain: ordinary module deps;
 * implicit: split POC auto-load; patches: a livepatch object targets a module.
 */
export type DepType = 'A' | 'B' | 'C' | 'D' | 'plain' | 'implicit' | 'patches';

export interface DepNode {
  id: string;
  kind: NodeKind;
  /** For livepatch modules: the patch; for per-object modules also the patched object. */
  patch?: string;
  object?: string;
  exports: string[];
}

export interface DepEdge {
  id: string;
  from: string;
  to: string;
  type: DepType;
  symbols: string[];
}

export interface DependencyGraph {
  nodes: DepNode[];
  edges: DepEdge[];
  depmodErrors: string[];
}

export function dependencyGraph(scenario: Scenario, variant: VariantId): DependencyGraph {
  const env = makeEnv(scenario, { variant });
  const nodes: DepNode[] = [{ id: 'vmlinux', kind: 'vmlinux', exports: [] }];
  const edges = new Map<string, DepEdge>();
  const addEdge = (from: string, to: string, type: DepType, sym?: string): void => {
    const id = `${from}->${to}:${type}`;
    const e = edges.get(id) ?? { id, from, to, type, symbols: [] };
    if (sym && !e.symbols.includes(sym)) e.symbols.push(sym);
    edges.set(id, e);
  };
  for (const f of Object.values(env.files)) {
    const lp = f.livepatch;
    nodes.push({
      id: f.name,
      kind: !lp ? 'module' : lp.object === 'vmlinux' ? 'livepatch' : 'livepatch-object',
      patch: lp?.patch,
      object: lp && lp.object !== 'vmlinux' ? lp.object : undefined,
      exports: f.exports,
    });
    const spec = lp ? env.patches[lp.patch] : undefined;
    const targets = !lp ? [] : lp.object !== 'vmlinux' ? [lp.object] : env.variant.split ? [] : (spec?.objects.slice(1).map((o) => o.name) ?? []);
    for (const sym of f.imports) {
      const provider = env.exporters[sym]?.[0];
      if (!lp) {
        addEdge(f.name, provider ?? 'vmlinux', 'plain', sym);
        continue;
      }
      if (!provider) addEdge(f.name, 'vmlinux', 'A', sym);
      else if (targets.includes(provider)) addEdge(f.name, provider, 'B', sym);
      else if (provider === lp.patch) addEdge(f.name, provider, 'C', sym);
      else addEdge(f.name, provider, 'D', sym);
    }
    if (spec && lp && lp.object === 'vmlinux') {
      for (const o of spec.objects.slice(1)) {
        if (env.variant.split) addEdge(o.name, `${lp.patch}__${o.name}`, 'implicit');
        else addEdge(f.name, o.name, 'patches');
      }
    }
  }
  return { nodes, edges: [...edges.values()], depmodErrors: env.depmodErrors };
}
