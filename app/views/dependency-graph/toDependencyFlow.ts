/**
 * toDependencyFlow.ts - the dependency graph at one step as React Flow nodes and edges. The
 * layout (positions, routes) is fixed per topology; only the per-step data changes: which
 * instances of each module exist and in which state, the second copy a nested load brings
 * (M#2, outside the module list), who waits for them, where 19/23 breaks a recursion, and the
 * state of each livepatch.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import {
  moduleInstances,
  moduleWaiters,
  patchView,
  pendingLoads,
  type DependencyGraph,
  type DepType,
  type NodeKind,
  type WaitForGraph,
  type World,
  type InstanceView,
  type PendingLoad,
  type PatchView,
  type RecursionBreak,
} from '@engine';
import type { LayoutRequest, LayoutResult } from '../../layout/types';
import { LAYERED_OPTIONS } from '../../layout/toElkGraph';
import { DEP_STYLE, edgeLabel, labelSize } from './depStyle';

export const MODULE_NODE_WIDTH = 240;
export const MODULE_NODE_HEIGHT = 104;

export type ModuleNodeData = {
  name: string;
  kind: NodeKind;
  patch?: string;
  object?: string;
  exports: string[];
  instances: InstanceView[];
  /** Second copies being loaded outside the module list (the recursion: M#2 by H1). */
  pending: PendingLoad[];
  /** Tasks sleeping on this module name (add_unformed_module, resolve_symbol_wait), other than those copies. */
  waiters: { task: string; fn: string }[];
  /** 19/23 at work on this module: a nested load told -EEXIST by klp_break_recursion(). */
  broken: RecursionBreak[];
  /** The livepatch's own state, on a livepatch's nodes. */
  patchState: PatchView | null;
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
  /** Recursion breaks (19/23) in effect at this step. */
  breaks: RecursionBreak[] = [],
): { nodes: ModuleFlowNode[]; edges: DepFlowEdge[] } {
  const cyclePids = new Set(wfg.cycles.flatMap((c) => c.pids));
  const copies = pendingLoads(world);
  const nodes = g.nodes.map((n): ModuleFlowNode => {
    const instances = moduleInstances(world, n.id);
    const pending = copies.filter((c) => c.name === n.id);
    const waiting = moduleWaiters(world, n.id);
    const broken = breaks.filter((b) => b.module === n.id && !pending.some((c) => c.task === b.task));
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
        pending,
        waiters: waiting.filter((t) => !pending.some((c) => c.pid === t.pid)).map(({ task, fn }) => ({ task, fn })),
        broken,
        patchState: n.patch ? patchView(world, n.patch) : null,
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
