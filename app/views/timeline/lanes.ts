/**
 * lanes.ts - one swimlane per task: its call depth and what it was doing at every step, as typed
 * arrays that a canvas can draw for a 10,000-step trace without allocating per frame.
 */
import type { Task, Trace } from '@engine';

type TaskKind = Task['kind'];

/** What a task does at a step: not there yet, runs this step, waits to run, sleeps, gone. */
export const LaneState = { Absent: 0, Ran: 1, Idle: 2, Blocked: 3, Exited: 4 } as const;
export type LaneState = (typeof LaneState)[keyof typeof LaneState];

export interface LaneLabel {
  step: number;
  text: string;
}

export interface Lane {
  pid: number;
  label: string;
  argv: string;
  kind: TaskKind;
  depth: Int16Array;
  state: Uint8Array;
  /** Where the task starts loading a module or asks for one: "load lp", "request lp__M". */
  notes: LaneLabel[];
}

const NOTE_FNS: Record<string, string> = { load_module: 'load', request_module: 'request' };

/** ("load_module", "load_module(lp, {})") -> "lp": the first argument of that call in a step's text. */
export function callArg(fn: string, text: string): string | null {
  const at = text.indexOf(`${fn}(`);
  if (at < 0) return null;
  const m = /^([^,)]+)/.exec(text.slice(at + fn.length + 1));
  return m ? m[1].trim() : null;
}

export function buildLanes(trace: Trace): { lanes: Lane[]; maxDepth: number } {
  const n = trace.steps.length;
  const tasks = [...trace.final.tasks].sort((a, b) => a.pid - b.pid);
  const index = new Map<number, number>();
  const lanes: Lane[] = tasks.map((t, k) => {
    index.set(t.pid, k);
    return { pid: t.pid, label: t.label, argv: t.argv, kind: t.kind, depth: new Int16Array(n).fill(-1), state: new Uint8Array(n), notes: [] };
  });
  const curDepth = new Int16Array(lanes.length).fill(-1);
  const curState = new Uint8Array(lanes.length);
  // Lanes carry the last known depth and state forward across steps other tasks take.
  let maxDepth = 1;
  for (let i = 0; i < n; i++) {
    const s = trace.steps[i];
    const k = index.get(s.pid);
    if (k !== undefined) {
      curDepth[k] = s.depth;
      if (s.depth > maxDepth) maxDepth = s.depth;
      const note = s.kind === 'call' ? NOTE_FNS[s.fn] : undefined;
      if (note) {
        const arg = s.arg ?? callArg(s.fn, s.text);
        if (arg) lanes[k].notes.push({ step: i, text: `${note} ${arg}` });
      }
    }
    for (let j = 0; j < lanes.length; j++) {
      lanes[j].depth[i] = curDepth[j];
      lanes[j].state[i] = j === k ? LaneState.Ran : curState[j];
    }
    if (k !== undefined) {
      curState[k] = s.kind === 'block' ? LaneState.Blocked : s.kind === 'exit' ? LaneState.Exited : LaneState.Idle;
      if (s.kind === 'exit') curDepth[k] = -1;
    }
  }
  return { lanes, maxDepth };
}

/** The strongest state and deepest call in steps [from, to): what one pixel column shows. */
export function bucket(lane: Lane, from: number, to: number): { depth: number; state: LaneState } {
  let depth = -1;
  let state: LaneState = LaneState.Absent;
  const rank = [0, 4, 2, 3, 1];
  for (let i = from; i < to; i++) {
    if (lane.depth[i] > depth) depth = lane.depth[i];
    if (rank[lane.state[i]] > rank[state]) state = lane.state[i] as LaneState;
  }
  return { depth, state };
}

/** A timeline row: one task's lane, or a fold of several (kernel workers) drawn as one lane. */
export type LaneRow = { kind: 'lane'; lane: Lane } | { kind: 'fold'; lanes: Lane[]; merged: Lane };

const RANK = [0, 4, 2, 3, 1];

/** Several lanes drawn as one: per step the deepest call and the strongest state among them. */
export function mergeLanes(lanes: Lane[], label: string): Lane {
  const n = lanes[0]?.depth.length ?? 0;
  const depth = new Int16Array(n).fill(-1);
  const state = new Uint8Array(n);
  for (const l of lanes) {
    for (let i = 0; i < n; i++) {
      if (l.depth[i] > depth[i]) depth[i] = l.depth[i];
      if (RANK[l.state[i]] > RANK[state[i]]) state[i] = l.state[i];
    }
  }
  return { pid: -1, label, argv: '', kind: 'kthread', depth, state, notes: [] };
}

/**
 * The rows of the timeline: a lane per user task and modprobe helper, and the kernel workers
 * (one short-lived kworker per work item: P16 has 21) folded into a single row unless unfolded.
 */
export function laneRows(lanes: Lane[], unfold: boolean): LaneRow[] {
  const workers = lanes.filter((l) => l.kind === 'kthread');
  if (unfold || workers.length < 2) return lanes.map((lane) => ({ kind: 'lane', lane }));
  const rows: LaneRow[] = [];
  let folded = false;
  for (const lane of lanes) {
    if (lane.kind !== 'kthread') rows.push({ kind: 'lane', lane });
    else if (!folded) {
      folded = true;
      rows.push({ kind: 'fold', lanes: workers, merged: mergeLanes(workers, 'kworker') });
    }
  }
  return rows;
}
