/**
 * toDependencyFlow.ts - the dependency graph at one step as React Flow nodes and edges. The
 * layout (positions, routes) is fixed per topology; only the per-step data changes: which
 * instances of each module exist and in which state, the second copy a nested load brings
 * (M#2, outside the module list), who waits for them, where 19/23 breaks a recursion, and the
 * state of each livepatch.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import {
  instancesByName,
  waitersByName,
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

/** What the layout fixes about a module node (and the selection). */
export type ModuleStaticData = {
  name: string;
  kind: NodeKind;
  patch?: string;
  object?: string;
  exports: string[];
  selected: boolean;
};

/** What a step changes on a module node. */
export type ModuleStepData = {
  instances: InstanceView[];
  /** Second copies being loaded outside the module list (the recursion: M#2 by H1). */
  pending: PendingLoad[];
  /**
   * Tasks sleeping on this module name (add_unformed_module, module_patient_check_exists,
   * resolve_symbol_wait) or on a finit_module() of one of its files (idempotent_wait_for_completion),
   * other than the second copies above.
   */
  waiters: { task: string; fn: string }[];
  /** 19/23 at work on this module: a nested load told -EEXIST by klp_break_recursion(). */
  broken: RecursionBreak[];
  /** The livepatch's own state, on a livepatch's nodes. */
  patchState: PatchView | null;
  inCycle: boolean;
};

export type ModuleNodeData = ModuleStaticData & ModuleStepData;

/** A node as React Flow holds it: the step part may be missing (then it comes from the step store). */
export type ModuleFlowNode = Node<ModuleStaticData & Partial<ModuleStepData>, 'module'>;

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

/** The nodes as the layout places them; they change with the topology and the selection only. */
export function dependencyNodes(g: DependencyGraph, layout: LayoutResult, selected: string | null): ModuleFlowNode[] {
  return g.nodes.map((n) => ({
    id: n.id,
    type: 'module',
    position: layout.positions[n.id] ?? { x: 0, y: 0 },
    width: MODULE_NODE_WIDTH,
    height: MODULE_NODE_HEIGHT,
    draggable: false,
    data: { name: n.id, kind: n.kind, patch: n.patch, object: n.object, exports: n.exports, selected: selected === n.id },
  }));
}

const NONE: PendingLoad[] = [];

/** A short string that changes whenever what a module node shows changes (cheaper than JSON). */
export function stepSignature(d: ModuleStepData): string {
  let s = d.inCycle ? 'C' : '';
  for (const i of d.instances) s += `|${i.key}:${i.state}:${i.owner}:${i.refcnt}`;
  for (const c of d.pending) s += `|p${c.key}:${c.task}:${c.phase}:${c.blockedBy}`;
  for (const w of d.waiters) s += `|w${w.task}:${w.fn}`;
  for (const b of d.broken) s += `|b${b.task}:${b.step}`;
  if (d.patchState) s += `|P${JSON.stringify(d.patchState)}`;
  return s;
}

/** What each module node shows at this step, by node id. */
export function moduleSteps(g: DependencyGraph, world: World, wfg: WaitForGraph, breaks: RecursionBreak[] = []): Map<string, ModuleStepData> {
  const cyclePids = new Set(wfg.cycles.flatMap((c) => c.pids));
  const copies = pendingLoads(world);
  const instances = instancesByName(world);
  const waiters = waitersByName(world);
  const out = new Map<string, ModuleStepData>();
  for (const n of g.nodes) {
    const pending = copies.length ? copies.filter((c) => c.name === n.id) : NONE;
    const waiting = waiters.get(n.id) ?? [];
    out.set(n.id, {
      instances: instances.get(n.id) ?? [],
      pending,
      waiters: waiting.filter((t) => !pending.some((c) => c.pid === t.pid)).map(({ task, fn }) => ({ task, fn })),
      broken: breaks.length ? breaks.filter((b) => b.module === n.id && !pending.some((c) => c.task === b.task)) : [],
      patchState: n.patch ? patchView(world, n.patch) : null,
      inCycle: waiting.some((t) => cyclePids.has(t.pid)),
    });
  }
  return out;
}

/** The edges along ELK's routes; `active` (the dependent exists) comes per step from activeEdges(). */
export function dependencyEdges(g: DependencyGraph, layout: LayoutResult): DepFlowEdge[] {
  return g.edges.map((e): DepFlowEdge => {
    const route = layout.edges[e.id];
    return {
      id: e.id,
      type: 'dep',
      source: e.from,
      target: e.to,
      focusable: false,
      markerEnd: { type: MarkerType.ArrowClosed, color: DEP_STYLE[e.type].color, width: 16, height: 16 },
      data: { depType: e.type, symbols: e.symbols, label: edgeLabel(e.type, e.symbols), points: route?.points ?? [], labelAt: route?.label, active: false },
    };
  });
}

/** Per edge: is it live, i.e. does its dependent exist (then the dependency is being, or was, used)? */
export function activeEdges(g: DependencyGraph, world: World): Map<string, boolean> {
  const present = new Set(world.modules.map((m) => m.name));
  present.add('vmlinux');
  return new Map(g.edges.map((e) => [e.id, present.has(e.from)]));
}

/** The whole graph at one step, step data included (for tests and one-off renders). */
export function toDependencyFlow(
  g: DependencyGraph,
  layout: LayoutResult,
  world: World,
  wfg: WaitForGraph,
  selected: string | null,
  /** Recursion breaks (19/23) in effect at this step. */
  breaks: RecursionBreak[] = [],
): { nodes: (ModuleFlowNode & { data: ModuleNodeData })[]; edges: DepFlowEdge[] } {
  const steps = moduleSteps(g, world, wfg, breaks);
  const active = activeEdges(g, world);
  return {
    nodes: dependencyNodes(g, layout, selected).map((n) => ({ ...n, data: { ...n.data, ...steps.get(n.id)! } })),
    edges: dependencyEdges(g, layout).map((e) => ({ ...e, data: { ...e.data!, active: active.get(e.id)! } })),
  };
}
