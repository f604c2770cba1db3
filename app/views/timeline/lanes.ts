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
