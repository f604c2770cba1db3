/**
 * toWaitForFlow.ts - the wait-for graph at one step as React Flow elements. Every task of the
 * run gets a fixed seat on a circle (not started, running, blocked or exited), so scrubbing only
 * changes colours and arrows, and a cycle reads as a loop.
 */
import { MarkerType, type Edge, type Node } from '@xyflow/react';
import { shellStatus, stackOf, type Task, type WaitEdge, type WaitForGraph, type World, killEffect, killableTasks } from '@engine';
import { canKillAt } from '../kill/killScenario';

type TaskKind = Task['kind'];

export const TASK_NODE_WIDTH = 210;
export const TASK_NODE_HEIGHT = 84;

export type TaskStatusView = 'not started' | 'runnable' | 'running' | 'blocked' | 'exited';

export type TaskNodeData = {
  label: string;
  argv: string;
  kind: TaskKind;
  status: TaskStatusView;
  /** Innermost kernel function at this step. */
  where: string;
  /** How a shell reports it, once exited ('exit status 1', 'Killed'). */
  exit: { text: string; detail: string } | null;
  inCycle: boolean;
  selected: boolean;
  /** What `kill -9` would do to this blocked task, when a signal ends its wait; else null. */
  kill: string | null;
};

export type TaskFlowNode = Node<TaskNodeData, 'task'>;

export type WaitEdgeData = {
  wid: WaitEdge['wid'];
  fn: string;
  what: string;
  since: number;
  timed: boolean;
  inCycle: boolean;
  /** Centres of the two task boxes; the edge bends to one side so A->B and B->A stay apart. */
  from: { x: number; y: number };
  to: { x: number; y: number };
};

export type WaitFlowEdge = Edge<WaitEdgeData, 'wait'>;

export interface TaskSeat {
  pid: number;
  label: string;
  argv: string;
  kind: TaskKind;
}

/** Seats on a circle, the first task on the left, going clockwise. */
export function seatPositions(n: number): { x: number; y: number }[] {
  if (n === 1) return [{ x: 0, y: 0 }];
  // Two tasks sit side by side with a small gap: their edges bend above and below them, and the
  // pair fits a half-width panel at a readable zoom (readableZoom.ts).
  if (n === 2) return [{ x: -(TASK_NODE_WIDTH / 2 + 12), y: 0 }, { x: TASK_NODE_WIDTH / 2 + 12, y: 0 }];
  const r = Math.max(180, (n * (TASK_NODE_WIDTH + 40)) / (2 * Math.PI));
  return Array.from({ length: n }, (_, i) => {
    const a = Math.PI + (i * 2 * Math.PI) / n;
    return { x: Math.round(r * Math.cos(a)), y: Math.round(r * Math.sin(a) * 0.75) };
  });
}

/** Up to this many tasks, every one keeps its seat; beyond, idle and finished ones fold away. */
export const FOLD_ABOVE = 4;

export interface SeatFold {
  shown: TaskSeat[];
  /** Tasks that have exited, with how a shell reports them. */
  finished: (TaskSeat & { exit: string })[];
  /** Tasks not started (or not spawned) yet. */
  notStarted: TaskSeat[];
}

/**
 * Which tasks get a seat at this step: with many tasks (P16 has 23), only those alive or in a
 * wait (and the selected one); the finished and the not yet started are listed instead.
 */
export function foldSeats(seats: TaskSeat[], world: World, wfg: WaitForGraph, selected: string | null, showAll: boolean): SeatFold {
  const byPid = new Map(world.tasks.map((t) => [t.pid, t]));
  const inEdge = new Set(wfg.edges.flatMap((e) => [e.from, e.to]));
  const finished: SeatFold['finished'] = [];
  const notStarted: TaskSeat[] = [];
  if (showAll || seats.length <= FOLD_ABOVE) return { shown: seats, finished, notStarted };
  const shown = seats.filter((seat) => {
    const t = byPid.get(seat.pid);
    if (inEdge.has(seat.pid) || seat.label === selected) return true;
    if (!t || t.status === 'new') {
      notStarted.push(seat);
      return false;
    }
    if (t.status === 'exited') {
      finished.push({ ...seat, exit: shellStatus(t).text });
      return false;
    }
    return true;
  });
  return { shown, finished, notStarted };
}

function statusOf(t: Task | undefined, w: World): TaskStatusView {
  if (!t || t.status === 'new') return 'not started';
  if (t.status === 'exited') return 'exited';
  if (t.status === 'blocked') return 'blocked';
  return w.current === t.pid ? 'running' : 'runnable';
}

export function toWaitForFlow(
  seats: TaskSeat[],
  world: World,
  wfg: WaitForGraph,
  selected: string | null,
): { nodes: TaskFlowNode[]; edges: WaitFlowEdge[] } {
  const pos = seatPositions(seats.length);
  const centre = new Map<number, { x: number; y: number }>();
  const inCycle = new Set(wfg.cycles.flatMap((c) => c.pids));
  const cycleEdges = new Set(wfg.cycles.flatMap((c) => c.edges.map((e) => `${e.from}->${e.to}`)));
  const killable = new Set(canKillAt(world.time) ? killableTasks(world).map((t) => t.pid) : []);
  const nodes = seats.map((seat, i): TaskFlowNode => {
    const t = world.tasks.find((x) => x.pid === seat.pid);
    const stack = t ? stackOf(t, world) : [];
    const p = pos[i];
    centre.set(seat.pid, p);
    return {
      id: String(seat.pid),
      type: 'task',
      position: { x: p.x - TASK_NODE_WIDTH / 2, y: p.y - TASK_NODE_HEIGHT / 2 },
      width: TASK_NODE_WIDTH,
      height: TASK_NODE_HEIGHT,
      draggable: false,
      data: {
        label: seat.label,
        argv: t?.argv ?? seat.argv,
        kind: seat.kind,
        status: statusOf(t, world),
        where: stack.length ? stack[stack.length - 1].fn : '',
        exit: t?.status === 'exited' ? shellStatus(t) : null,
        inCycle: inCycle.has(seat.pid),
        selected: selected === seat.label,
        kill: t && killable.has(t.pid) ? killEffect(t, world) : null,
      },
    };
  });
  const edges = wfg.edges
    .filter((e) => centre.has(e.from) && centre.has(e.to))
    .map((e): WaitFlowEdge => {
      const hot = cycleEdges.has(`${e.from}->${e.to}`);
      const color = hot ? '#dc2626' : e.timed ? '#d97706' : '#64748b';
      return {
        id: `${e.from}->${e.to}`,
        type: 'wait',
        source: String(e.from),
        target: String(e.to),
        focusable: false,
        animated: hot,
        markerEnd: { type: MarkerType.ArrowClosed, color, width: 18, height: 18 },
        data: { wid: e.wid, fn: e.fn, what: e.what, since: e.since, timed: e.timed, inCycle: hot, from: centre.get(e.from)!, to: centre.get(e.to)! },
      };
    });
  return { nodes, edges };
}
