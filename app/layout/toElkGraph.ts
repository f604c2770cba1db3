/**
 * toElkGraph.ts - converts a layout request into ELK's JSON graph and ELK's answer back into
 * positions and routes. Pure, so the worker stays a thin message pump and this is unit tested.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { LayoutRequest, LayoutResult, Point } from './types';

/**
 * Layered (Sugiyama) layout with a fixed seed and model-order tie breaking: the same topology
 * always gets the same picture, and the order nodes are given in (vmlinux first) is respected.
 */
export const LAYERED_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.randomSeed': '1',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'false',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.edgeLabels.inline': 'false',
  'elk.layered.edgeLabels.sideSelection': 'SMART_DOWN',
  'elk.spacing.nodeNode': '40',
  'elk.spacing.edgeLabel': '4',
  'elk.spacing.edgeNode': '18',
  'elk.layered.spacing.nodeNodeBetweenLayers': '40',
  'elk.layered.spacing.edgeNodeBetweenLayers': '14',
  'elk.separateConnectedComponents': 'true',
  'elk.spacing.componentComponent': '48',
};

export function toElkGraph(req: LayoutRequest): ElkNode {
  return {
    id: 'root',
    layoutOptions: req.options,
    children: req.nodes.map((n) => ({ id: n.id, width: n.width, height: n.height })),
    edges: req.edges.map(
      (e): ElkExtendedEdge => ({
        id: e.id,
        sources: [e.source],
        targets: [e.target],
        ...(e.label ? { labels: [{ id: `${e.id}:label`, text: e.label.text, width: e.label.width, height: e.label.height }] } : {}),
      }),
    ),
  };
}

export function fromElkGraph(g: ElkNode, ms: number): LayoutResult {
  const positions: Record<string, Point> = {};
  for (const c of g.children ?? []) positions[c.id] = { x: c.x ?? 0, y: c.y ?? 0 };
  const edges: LayoutResult['edges'] = {};
  for (const e of g.edges ?? []) {
    const s = e.sections?.[0];
    const points = s ? [s.startPoint, ...(s.bendPoints ?? []), s.endPoint] : [];
    const l = e.labels?.[0];
    edges[e.id] = {
      points,
      ...(l && l.x !== undefined && l.y !== undefined ? { label: { x: l.x + (l.width ?? 0) / 2, y: l.y + (l.height ?? 0) / 2 } } : {}),
    };
  }
  return { positions, edges, width: g.width ?? 0, height: g.height ?? 0, ms };
}
