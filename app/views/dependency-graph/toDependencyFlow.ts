/**
 * toDependencyFlow.ts - the dependency graph at one step as React Flow nodes and edges. The
 * layout (positions, routes) is fixed per topology; only the per-step data changes: which
 * instances of each module exist and in which state, and who waits for them.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { moduleInstances, moduleWaiters, type DependencyGraph, type DepType, type NodeKind, type WaitForGraph, type World, type InstanceView } from '@engine';
import type { LayoutRequest, LayoutResult } from '../../layout/types';
import { LAYERED_OPTIONS } from '../../layout/toElkGraph';
import { DEP_STYLE, edgeLabel, labelSize } from './depStyle';

export const MODULE_NODE_WIDTH = 240;
export const MODULE_NODE_HEIGHT = 88;

export type ModuleNodeData = {
  name: string;
  kind: NodeKind;
  patch?: string;
  object?: string;
  exports: string[];
  instances: InstanceView[];
  /** Tasks sleeping on this module name (add_unformed_module, resolve_symbol_wait). */
  waiters: { task: string; fn: string }[];
  inCycle: boolean;
  selected: boolean;
};

export type ModuleFlowNode = Node<ModuleNodeData, 'module'>;

export type DepEdgeData = {
  depType: DepType;
  symbols: string[];
  label: string;
  points: { x: number; y: number }[];
  labelAt?: { x: number; y: number };
  active: boolean;
};

export type DepFlowEdge = Edge<DepEdgeData, 'dep'>;

/** Same topology and variant, same key: the layout is reused while scrubbing. */
export function dependencyLayoutKey(g: DependencyGraph): string {
  return `dep|${g.nodes.map((n) => `${n.id}:${n.kind}`).join(',')}|${g.edges.map((e) => `${e.id}:${edgeLabel(e.type, e.symbols)}`).join(',')}`;
}

export function dependencyLayoutRequest(g: DependencyGraph): LayoutRequest {
  return {
    nodes: g.nodes.map((n) => ({ id: n.id, width: MODULE_NODE_WIDTH, height: MODULE_NODE_HEIGHT })),
    edges: g.edges.map((e) => ({ id: e.id, source: e.from, target: e.to, label: { text: edgeLabel(e.type, e.symbols), ...labelSize(edgeLabel(e.type, e.symbols)) } })),
    options: LAYERED_OPTIONS,
  };
}

export function toDependencyFlow(
  g: DependencyGraph,
  layout: LayoutResult,
  world: World,
  wfg: WaitForGraph,
  selected: string | null,
): { nodes: ModuleFlowNode[]; edges: DepFlowEdge[] } {
  const cyclePids = new Set(wfg.cycles.flatMap((c) => c.pids));
  const nodes = g.nodes.map((n): ModuleFlowNode => {
    const instances = moduleInstances(world, n.id);
    const waiting = moduleWaiters(world, n.id);
    return {
      id: n.id,
      type: 'module',
      position: layout.positions[n.id] ?? { x: 0, y: 0 },
      width: MODULE_NODE_WIDTH,
      height: MODULE_NODE_HEIGHT,
      draggable: false,
      data: {
        name: n.id,
        kind: n.kind,
        patch: n.patch,
        object: n.object,
        exports: n.exports,
        instances,
        waiters: waiting.map(({ task, fn }) => ({ task, fn })),
        inCycle: waiting.some((t) => cyclePids.has(t.pid)),
        selected: selected === n.id,
      },
    };
  });
  const present = new Set(world.modules.map((m) => m.name));
  present.add('vmlinux');
  const edges = g.edges.map((e): DepFlowEdge => {
    const route = layout.edges[e.id];
    return {
      id: e.id,
      type: 'dep',
      source: e.from,
      target: e.to,
      focusable: false,
      markerEnd: { type: MarkerType.ArrowClosed, color: DEP_STYLE[e.type].color, width: 16, height: 16 },
      data: {
        depType: e.type,
        symbols: e.symbols,
        label: edgeLabel(e.type, e.symbols),
        points: route?.points ?? [],
        labelAt: route?.label,
        // An edge is live once its dependent exists: then the dependency is being, or was, used.
        active: present.has(e.from),
      },
    };
  });
  return { nodes, edges };
}
