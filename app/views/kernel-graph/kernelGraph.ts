/**
 * kernelGraph.ts - a real kernel's module graph (modules.json made with depmod and nm) as nodes
 * and edges: an edge from a module to each module it imports symbols from directly. vmlinux is
 * left out: every module uses it, so it says nothing.
 */
import type { LayoutRequest } from '../../layout/types';
import { LAYERED_OPTIONS } from '../../layout/toElkGraph';

export interface ModulesJson {
  kernel?: string;
  source?: string;
  modules: Record<string, { path?: string; depends?: string[]; exports?: string[]; imports?: Record<string, string[]> }>;
}

export interface KernelNode {
  id: string;
  path: string;
  exports: number;
  /** Modules it imports from (direct providers). */
  uses: string[];
  /** Modules that import from it. */
  usedBy: string[];
}

export interface KernelEdge {
  id: string;
  source: string;
  target: string;
  symbols: string[];
}

export interface KernelGraph {
  kernel: string;
  nodes: KernelNode[];
  edges: KernelEdge[];
}

export function kernelGraph(json: ModulesJson): KernelGraph {
  const names = Object.keys(json.modules).sort();
  const byName = new Map<string, KernelNode>();
  for (const n of names) {
    const m = json.modules[n];
    byName.set(n, { id: n, path: m.path ?? '', exports: m.exports?.length ?? 0, uses: [], usedBy: [] });
  }
  const edges: KernelEdge[] = [];
  for (const n of names) {
    for (const [provider, symbols] of Object.entries(json.modules[n].imports ?? {})) {
      const p = byName.get(provider);
      if (provider === 'vmlinux' || !p) continue;
      edges.push({ id: `${n}>${provider}`, source: n, target: provider, symbols });
      byName.get(n)!.uses.push(provider);
      p.usedBy.push(n);
    }
  }
  return { kernel: json.kernel ?? 'unknown kernel', nodes: [...byName.values()], edges };
}

export const KMOD_HEIGHT = 26;
export const kmodWidth = (name: string): number => Math.max(56, Math.ceil(name.length * 7.2) + 18);

/** Cheaper ELK settings than the playground's: a thousand nodes, no edge labels or routes. */
export function kernelLayoutRequest(g: KernelGraph): LayoutRequest {
  return {
    nodes: g.nodes.map((n) => ({ id: n.id, width: kmodWidth(n.id), height: KMOD_HEIGHT })),
    edges: g.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
    options: {
      ...LAYERED_OPTIONS,
      'elk.edgeRouting': 'POLYLINE',
      'elk.layered.thoroughness': '1',
      'elk.layered.nodePlacement.strategy': 'SIMPLE',
      'elk.spacing.nodeNode': '14',
      'elk.layered.spacing.nodeNodeBetweenLayers': '48',
      'elk.spacing.componentComponent': '24',
      'elk.aspectRatio': '1.6',
    },
  };
}
