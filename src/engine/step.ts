/**
 * step.ts - the scheduler and interpreter: one call runs one step of one task, or advances
 * logical time when every task sleeps.
 *
 * Default policy: the running task keeps the CPU until it blocks, yields or exits (the kernel
 * code simulated here does not spin); then the first runnable task in FIFO order runs. Whenever
 * more than one task could run, that is a scheduling choice; the schedule (a list of task labels)
 * overrides the default, so any interleaving can be reproduced.
 */
import type { Env } from '../sim/env';
import type { Task, World } from '../model/world';
import type { TraceStep } from '../model/trace';
import { Ctx } from '../sim/context';
import { infoOf, kernelName, procByName } from './procs';
import { evalCond } from '../sim/conditions';
import { waitForGraph, cycleLocation } from '../sim/waitFor';
import { exitTask } from '../sim/exit';
import type { Op } from '../sim/ops';
import { instanceName, workerTaskLabel } from '../rules/names';
import { errnoName } from '../model/errno';
import { newCtx } from './ctx';

/** Arguments as a reader wants them: module instances by name, flags and empty maps left out. */
function describeArgs(w: World, args: Record<string, unknown>): string {
  const out: string[] = [];
  for (const [k, v] of Object.entries(args)) {
    if (k === 'mod' && typeof v === 'number') {
      const m = w.modules.find((x) => x.id === v);
      out.push(m ? instanceName(m) : `#${v}`);
    } else if (typeof v === 'string' || typeof v === 'number') out.push(String(v));
    else if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length) {
      out.push(Object.entries(v).map(([a, b]) => `${a}=${String(b)}`).join(' '));
    }
  }
  return out.join(', ');
}

/** Start tasks whose time came, run due work, wake satisfied harness polls. */
function admit(k: Ctx, w: World): void {
  for (const t of w.tasks) {
    if (t.status === 'new' && t.startAt <= w.time) {
      t.status = 'runnable';
      w.runq.push(t.pid);
    // Stryker disable next-line OptionalChaining: a blocked task always has its wait
    } else if (t.status === 'blocked' && t.wait?.kind === 'cond' && evalCond(w, t.wait.cond ?? '')) {
      k.wake(t);
    }
  }
  const due = w.work.filter((x) => x.at <= w.time);
  if (due.length) {
    w.work = w.work.filter((x) => x.at > w.time);
    for (const item of due) {
      const n = ++w.workerSeq;
      // Work runs on a kworker that is woken at once: it goes ahead of user tasks by default.
      const t = k.spawn({
        label: workerTaskLabel(n),
        comm: `kworker/0:${n}`,
        argv: item.fn,
        kind: 'kthread',
        parent: null,
        fn: item.fn,
        args: item.args,
      });
      // Stryker disable next-line ConditionalExpression: spawn() without startAt starts the task at once, runnable: this only guards
      if (t.status === 'runnable') {
        w.runq = [t.pid, ...w.runq.filter((p) => p !== t.pid)];
      }
    }
  }
}

export function nextTimer(w: World): number | null {
  let t: number | null = null;
  const consider = (x: number | undefined): void => {
    if (x !== undefined && (t === null || x < t)) t = x;
  };
  for (const task of w.tasks) {
    if (task.status === 'new') consider(task.startAt);
    // Stryker disable next-line ConditionalExpression,OptionalChaining: only a blocked task has a wait (spawn(), wake() and exitTask() clear it), and a blocked one always has one
    if (task.status === 'blocked') consider(task.wait?.until);
  }
  for (const x of w.work) consider(x.at);
  return t;
}

function newRecord(w: World, task: Task | null, kind: TraceStep['kind']): TraceStep {
  return {
    i: w.step,
    t: w.time,
    pid: task?.pid ?? 0,
    label: task?.label ?? 'scheduler',
    kind,
    fn: task?.frames[task.frames.length - 1]?.fn ?? '',
    depth: task?.frames.length ?? 0,
    text: '',
  };
}

/** What a step did when the function said nothing itself, in the words its procedure declares. */
function defaultText(op: Op, fn: string): string {
  const name = kernelName(fn);
  switch (op.op) {
    case 'block':
      return `sleeps in ${op.wait.fn}()${op.wait.name ? ` on ${op.wait.name}` : ''}${op.wait.until !== undefined ? ` until t=${(op.wait.until / 1000).toFixed(3)} s` : ''}`;
    case 'yield':
      return `${name}(): preemption point, another task may run`;
    case 'next':
      return `${name}(): ${infoOf(fn).labels?.[op.pc] ?? op.pc.replace(/_/g, ' ')}`;
    default:
      return name;
  }
}

/** How long kernel work may go on after the last user command (logical ms). */
const SETTLE_MS = 2000;

/** No user command or modprobe helper is left: only kernel housekeeping could still run. */
function usersDone(w: World): boolean {
  return w.tasks.every((t) => t.kind === 'kthread' || t.status === 'exited');
}

/** Note when the last user task finished; the run then ends once kernel work is idle or later. */
export function markSettle(w: World): void {
  if (w.settleUntil === null && usersDone(w)) w.settleUntil = w.time + SETTLE_MS;
}

/** Picks the index of the task to run among `options` (labels), or null to stop before choosing. */
export type Decide = (options: string[], w: World) => number | null;

/** The schedule's choice, or the first runnable task (FIFO) when the schedule says nothing. */
export function scheduleDecide(env: Env): Decide {
  return (options, w) => {
    const want = env.schedule[w.choices];
    // Stryker disable next-line ConditionalExpression: indexOf(undefined) is -1 as well (labels are strings)
    const j = want === undefined ? -1 : options.indexOf(want);
    // Stryker disable next-line EqualityOperator: j = 0 gives 0 either way
    return j >= 0 ? j : 0;
  };
}

/** The task with this pid (a loop: this runs at every step). */
function taskOf(w: World, pid: number): Task | undefined {
  const ts = w.tasks;
  for (let i = 0; i < ts.length; i++) if (ts[i].pid === pid) return ts[i];
  return undefined;
}

/** Returned by stepWith() when `decide` declined to choose: nothing was consumed. */
export const CHOICE = Symbol('choice');

/**
 * Take one step. Returns the step's record, or null when nothing can ever run again.
 */
export function step(w: World, env: Env, k: Ctx = newCtx(env)): TraceStep | null {
  const r = stepWith(w, env, k, scheduleDecide(env));
  // Stryker disable next-line ConditionalExpression: scheduleDecide() always picks, so stepWith() never returns CHOICE here
  return r === CHOICE ? null : r;
}

/** step() with an explicit decision at scheduling choices (the explorer's entry point). */
export function stepWith(w: World, env: Env, k: Ctx, decide: Decide): TraceStep | null | typeof CHOICE {
  k.w = w;
  markSettle(w);
  let choice: TraceStep['choice'];
  let cur = w.current === null ? undefined : taskOf(w, w.current);
  if (!cur || cur.status !== 'runnable') {
    w.current = null;
    // The admission pass may spawn workers; give them a record of their own.
    const rec = newRecord(w, null, 'time');
    k.rec = rec;
    admit(k, w);
    if (w.runq.length === 0) {
      const t = nextTimer(w);
      if (t === null) return null;
      const g = waitForGraph(w);
      for (const c of g.cycles.filter((c) => c.timed)) {
        if (!w.stalls.some((s) => s.cycle.join() === c.pids.join())) {
          w.stalls.push({ step: w.step, cycle: c.pids, location: cycleLocation(c.edges).fn });
          k.mark('stall');
        }
      }
      const from = w.time;
      w.time = t;
      rec.t = t;
      k.note(`time passes: ${(from / 1000).toFixed(3)} s -> ${(t / 1000).toFixed(3)} s`);
      for (const task of w.tasks) {
        // Stryker disable next-line OptionalChaining: a blocked task always has its wait
        if (task.status === 'blocked' && task.wait?.until !== undefined && task.wait.until <= t) {
          k.wake(task, { timedOut: true });
        }
      }
      admit(k, w);
      w.step++;
      return rec;
    }
    const options = w.runq.map((pid) => w.tasks.find((t) => t.pid === pid)!.label);
    let idx = 0;
    if (options.length > 1) {
      const d = decide(options, w);
      if (d === null) return CHOICE;
      w.choices++;
      idx = d;
      choice = { options, picked: options[idx] };
    }
    const pid = w.runq.splice(idx, 1)[0];
    w.current = pid;
    cur = w.tasks.find((t) => t.pid === pid)!;
  }
  const task = cur;
  k.task = task;
  const frame = task.frames[task.frames.length - 1];
  const rec = newRecord(w, task, 'step');
  if (choice) rec.choice = choice;
  k.rec = rec;
  const proc = procByName(frame.fn);
  // Stryker disable next-line ConditionalExpression,StringLiteral: internal invariant: every frame names a procedure (no valid input reaches this)
  if (!proc) throw new Error(`internal: no simulated function '${frame.fn}'`);
  const fnStep = proc[frame.pc];
  // Stryker disable next-line ConditionalExpression,StringLiteral: internal invariant: every label a step returns is a step of its procedure
  if (!fnStep) throw new Error(`internal: ${frame.fn} has no step '${frame.pc}'`);
  k.touched = false;
  const op = fnStep(k, frame.l);
  switch (op.op) {
    case 'next':
      frame.pc = op.pc;
      break;
    case 'call':
      frame.pc = op.pc;
      task.frames.push({ fn: op.fn, pc: 'start', l: { ...op.args } });
      rec.kind = 'call';
      rec.fn = op.fn;
      // Stryker disable next-line ConditionalExpression: speed only: quiet steps are the explorer's, which reads no step text
      if (!k.quiet) {
        const info = infoOf(op.fn);
        const args = describeArgs(w, op.args) || info.args || '';
        if (args) rec.arg = args.split(', ')[0];
        const shown = `${kernelName(op.fn)}(${args})${info.versionOf && info.version ? ` [${info.version} version]` : ''}`;
        rec.text = rec.text ? `${rec.text}; ${shown}` : shown;
        if (info.mark) k.mark(info.mark);
      }
      break;
    case 'ret': {
      task.frames.pop();
      rec.kind = 'ret';
      // Stryker disable next-line ConditionalExpression: speed only: quiet steps are the explorer's, which reads no step text
      if (!k.quiet) {
        // As a kernel developer reads it: a bool as a bool, an error by its name (-EEXIST).
        // Stryker disable next-line UnaryOperator: errnoName() takes the errno with either sign (Math.abs)
        const shown = infoOf(frame.fn).returns === 'bool' ? String(op.value !== 0) : op.value < 0 && errnoName(-op.value) ? `-${errnoName(-op.value)}` : String(op.value);
        rec.text = rec.text ? `${rec.text}; ${kernelName(frame.fn)}() = ${shown}` : `${kernelName(frame.fn)}() = ${shown}`;
      }
      const caller = task.frames[task.frames.length - 1];
      if (caller) caller.l.ret = op.value;
      else exitTask(k, task, op.value);
      break;
    }
    case 'block': {
      frame.pc = op.pc;
      task.status = 'blocked';
      task.wait = { ...op.wait, since: w.step };
      w.current = null;
      rec.kind = 'block';
      k.mark('wait');
      if (task.sigpending !== null && op.wait.killable) k.wake(task, { signal: task.sigpending });
      break;
    }
    case 'yield':
      frame.pc = op.pc;
      w.runq.push(task.pid);
      w.current = null;
      rec.kind = 'yield';
      break;
  }
  rec.depth = task.frames.length;
  if (!rec.text && !k.quiet) rec.text = defaultText(op, frame.fn);
  if (env.granularity === 'fine' && w.current === task.pid && task.status === 'runnable' && w.runq.length > 0) {
    // Entering or leaving a patched function changes what the transition sees on the stack.
    const visible = k.touched || env.preemptEveryStep || ((op.op === 'call' || op.op === 'ret') && env.patchedFuncs.has(op.op === 'call' ? op.fn : frame.fn));
    if (visible) {
      // Fine granularity: after a step others can see, another task may run first. It goes to
      // the head of the run queue, so that the default (FIFO) pick lets it go on as before.
      w.runq.unshift(task.pid);
      w.current = null;
    }
  }
  w.step++;
  return rec;
}
