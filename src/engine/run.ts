/**
 * run.ts - run(scenario, options) -> trace: the single pure entry point of the engine.
 */
import type { Scenario } from '../model/scenario';
import { validateScenario } from '../scenario/validate';
import { VARIANTS, type VariantId } from '../model/variant';
import type { World } from '../model/world';
import { APPEND_ONLY_LOGS, type Checkpoint, type Granularity, type Outcome, type Trace, type TraceStep } from '../model/trace';
import { buildExporters, buildModuleFiles, depmod, type Env } from '../sim/env';
import { initialWorld } from './world';
import { CHOICE, markSettle, nextTimer, scheduleDecide, step, stepWith, type Decide } from './step';
import { Ctx } from '../sim/context';
import { cycleLocation, waitForGraph } from '../sim/waitFor';
import { fingerprint } from '../rules/fingerprint';
import { danglingImports, orphanedPatches } from '../sim/dangling';
import { newCtx } from './ctx';
import { kernelName } from './procs';
import { dict } from '../model/dict';
import { DEFAULT_MAX_STEPS } from '../rules/limits';

export interface RunOptions {
  variant?: VariantId;
  /** Task labels to pick at successive scheduling choices (default: FIFO). */
  schedule?: string[];
  /** Where running tasks may be preempted (default: 'default'). */
  granularity?: Granularity;
  /** With 'fine': a choice after every step, not only after those that touch shared state (tests). */
  preemptEveryStep?: boolean;
  maxSteps?: number;
  /** Checkpoint interval for worldAt(); 0 disables checkpoints (benchmarks). */
  checkpointEvery?: number;
  /** Keep per-step records (default true). */
  recordSteps?: boolean;
}

export { DEFAULT_MAX_STEPS };

/**
 * How far past the step limit the livelock probe looks for a repeated state: 5000 steps in a small
 * world, fewer in a big one (each step of the probe hashes the whole world), never fewer than 200.
 */
const LIVELOCK_PROBE_STEPS = 5000;
const LIVELOCK_PROBE_WORK = 5000 * 50;
export const livelockProbeSteps = (w: World): number => Math.max(200, Math.min(LIVELOCK_PROBE_STEPS, Math.floor(LIVELOCK_PROBE_WORK / Math.max(1, worldWeight(w)))));

export function makeEnv(scenario: Scenario, opts: RunOptions = {}): Env {
  const variant = VARIANTS[opts.variant ?? 'split-poc19'];
  const files = buildModuleFiles(scenario, variant);
  const exporters = buildExporters(files);
  const { deps, errors } = depmod(files, exporters);
  const patches = dict(scenario.livepatches.map((p) => [p.name, p] as const));
  return {
    scenario,
    variant,
    files,
    patches,
    exporters,
    deps,
    depmodErrors: errors,
    dyndbg: scenario.kernel?.dyndbg ?? true,
    schedule: opts.schedule ?? [],
    granularity: opts.granularity ?? 'default',
    preemptEveryStep: opts.preemptEveryStep ?? false,
    patchedFuncs: new Set(scenario.livepatches.flatMap((p) => p.objects.flatMap((o) => o.funcs ?? []))),
    maxSteps: opts.maxSteps ?? DEFAULT_MAX_STEPS,
    checkpointEvery: opts.checkpointEvery ?? 256,
  };
}

export type Stop = 'end' | 'limit' | 'choice';

/** A copy of `w` without its logs, and how long each log was (see Checkpoint). */
export function checkpointOf(w: World): Checkpoint {
  const lean = { ...w, dmesg: [], userspace: [], failures: [], stalls: [] };
  return {
    world: structuredClone(lean),
    logs: { dmesg: w.dmesg.length, userspace: w.userspace.length, failures: w.failures.length, stalls: w.stalls.length },
  };
}

/** The world of a checkpoint with its logs as they were, read from the final world's. */
export function worldOfCheckpoint(c: Checkpoint, final: World): World {
  const w = structuredClone(c.world);
  for (const log of APPEND_ONLY_LOGS) (w[log] as unknown[]) = final[log].slice(0, c.logs[log]);
  return w;
}

/**
 * How big a world is, in the things a checkpoint copies: module instances, tasks and their frames,
 * patches and their objects, queued work.
 */
export function worldWeight(w: World): number {
  let n = w.modules.length + w.work.length;
  for (const t of w.tasks) n += 1 + t.frames.length;
  for (const p of w.klp.patches) n += 1 + p.objects.length;
  return n;
}

/**
 * Steps until the next checkpoint: `every`, or as many steps as the world weighs if that is more.
 * Copying the world then costs about one unit per step however big the world grows, and the
 * checkpoints of a run weigh about as much as its steps, never steps x world size.
 */
export function checkpointSpacing(w: World, every: number): number {
  return Math.max(every, worldWeight(w));
}

/** How often (in steps) advance() looks for a deadlock that kernel threads would hide. */
const DEADLOCK_CHECK_EVERY = 512;

/**
 * Every user task and modprobe helper that has not exited sits in a cycle of untimed waits: none
 * of them can ever run again, whatever kernel threads still do (a worker polling in msleep() would
 * otherwise keep the run going to the step limit, hiding the deadlock).
 */
export function stuckInDeadlock(w: World): boolean {
  const live = w.tasks.filter((t) => t.kind !== 'kthread' && t.status !== 'exited');
  if (!live.length) return false;
  // Stryker disable next-line ConditionalExpression,MethodExpression,ArrowFunction: speed only, it saves building the graph (a task that is not blocked waits for nobody: it is in no cycle)
  if (live.some((t) => t.status !== 'blocked')) return false;
  const inCycle = new Set(waitForGraph(w).cycles.filter((c) => !c.timed).flatMap((c) => c.pids));
  return live.every((t) => inCycle.has(t.pid));
}

/**
 * Run until the end (every task done, or nothing can run again), the step limit, or a
 * scheduling choice that `decide` declines. Once every user command is done, kernel work may go on
 * for a little while (a transition retried each second, an async free), but not forever (a worker
 * polling a flag).
 */
export function advance(
  w: World,
  env: Env,
  k: Ctx,
  decide: Decide,
  onStep?: (rec: TraceStep) => void,
  checkpoints?: Checkpoint[],
  /** Stop with 'limit' when the world's step counter reaches this (the explorer bounds each stretch between choices). */
  stopAt = env.maxSteps,
): Stop {
  let next = 0;
  for (;;) {
    if (checkpoints && env.checkpointEvery && w.step >= next) {
      const last = checkpoints[checkpoints.length - 1];
      if (!last || w.step >= last.world.step + checkpointSpacing(last.world, env.checkpointEvery)) checkpoints.push(checkpointOf(w));
      const newest = checkpoints[checkpoints.length - 1];
      next = newest.world.step + checkpointSpacing(newest.world, env.checkpointEvery);
    }
    markSettle(w);
    if (w.settleUntil !== null && w.runq.length === 0 && w.current === null) {
      const t = nextTimer(w);
      if ((t ?? Infinity) > w.settleUntil) return 'end';
    }
    if (w.step >= stopAt) return 'limit';
    // (At step 0, and once the users are done, no task is stuck: stuckInDeadlock() says so at once.)
    if (w.step % DEADLOCK_CHECK_EVERY === 0 && stuckInDeadlock(w)) return 'end';
    const rec = stepWith(w, env, k, decide);
    if (rec === CHOICE) return 'choice';
    if (!rec) return 'end';
    onStep?.(rec);
  }
}


/**
 * Run a scenario to its end: every task exited, or nothing can ever run again (deadlock), or
 * the step limit (livelock or runaway).
 */
export function run(input: unknown, opts: RunOptions = {}): Trace {
  const scenario = validateScenario(input);
  const env = makeEnv(scenario, opts);
  const w = initialWorld(env);
  const k = newCtx(env);
  const steps: TraceStep[] = [];
  const checkpoints: Checkpoint[] = [];
  const record = opts.recordSteps !== false;
  const stop = advance(w, env, k, scheduleDecide(env), (rec) => {
    if (record) steps.push(rec);
  }, checkpoints);
  const limited = stop === 'limit';
  const outcome = classify(w, env, k, limited, steps);
  return {
    scenario,
    variant: env.variant.id,
    schedule: env.schedule,
    granularity: env.granularity,
    steps,
    outcome,
    checkpoints,
    checkpointEvery: env.checkpointEvery,
    final: w,
    depmodErrors: env.depmodErrors,
  };
}

function labels(w: World, pids: number[]): string[] {
  // Stryker disable next-line OptionalChaining: tasks stay in the world after they exit, so every pid a cycle or loop names is found
  return pids.map((p) => w.tasks.find((t) => t.pid === p)?.label ?? String(p));
}

/**
 * A run that hit the step limit is a livelock if its state repeats: the engine is
 * deterministic, so a repeated state with no scheduling choice in between loops forever.
 * Returns the tasks that ran in the loop and where: the outermost frame any step of the loop ran
 * in (the function that loops; its callers never run again), in the kernel's name. Null when no
 * state repeats.
 */
function detectLivelock(w: World, env: Env, k: Ctx): { pids: number[]; fn: string } | null {
  const probe = structuredClone(w);
  const seen = new Map<string, number>();
  /** Per step of the probe: the task that ran, its depth before the step and the function there. */
  const ran: { pid: number; depth: number; fn: string }[] = [];
  const steps = livelockProbeSteps(w);
  for (let i = 0; i < steps; i++) {
    const fp = fingerprint(probe);
    const first = seen.get(fp);
    if (first !== undefined) {
      // No loop holds a step of pid 0 (time passes: the clock moves on, so no state after it
      // repeats one before), nor a step of a task with no frame: the fallbacks below never apply.
      const loop = ran.slice(first);
      // Stryker disable next-line MethodExpression,ConditionalExpression: no pid 0 in a loop (above)
      const pids = [...new Set(loop.map((r) => r.pid).filter((p) => p !== 0))];
      // Stryker disable next-line MethodExpression,ConditionalExpression: no pid 0 in a loop (above)
      const busy = loop.filter((r) => r.pid !== 0);
      const outer = busy.reduce((a, b) => (b.depth < a.depth ? b : a), busy[0]);
      // Stryker disable next-line OptionalChaining,StringLiteral: a loop has a step of some task (above)
      return { pids, fn: kernelName(outer?.fn ?? 'unknown') };
    }
    seen.set(fp, i);
    // The step runs in the top frame of whichever task it picks: note every task's top first.
    // Stryker disable next-line StringLiteral: only a task with a frame runs, so a frameless task's entry is never read
    const tops = new Map(probe.tasks.map((t) => [t.pid, { depth: t.frames.length, fn: t.frames[t.frames.length - 1]?.fn ?? '' }]));
    const rec = step(probe, env, k);
    if (!rec) return null;
    // Stryker disable next-line ObjectLiteral,StringLiteral: only for pid 0, never part of a loop (above)
    ran.push({ pid: rec.pid, ...(tops.get(rec.pid) ?? { depth: 0, fn: '' }) });
  }
  return null;
}

/** The verdict on a finished (or step-limited) world. */
export function classify(w: World, env: Env, k: Ctx, limited: boolean, steps: TraceStep[] = []): Outcome {
  const failures = [...w.failures];
  const base = { failures, step: w.step, warnings: [...danglingImports(w, env), ...orphanedPatches(w)] };
  if (limited) {
    const loop = detectLivelock(w, env, k);
    if (loop) {
      const who = labels(w, loop.pids);
      // The timeline's outcome marker goes on the last step, as for a deadlock.
      const last = steps[steps.length - 1];
      if (last) (last.marks ??= []).push('livelock');
      return {
        ...base,
        kind: 'livelock',
        location: loop.fn,
        cycle: who,
        summary: `livelock: ${who.join(', ')} loops forever in ${loop.fn}() without progress`,
      };
    }
    return {
      ...base,
      kind: 'limit',
      summary: `stopped after ${env.maxSteps} steps without finishing: the simulator's step limit (the scenario is too big to finish, or it keeps changing without end)`,
    };
  }
  const g = waitForGraph(w);
  const dead = g.cycles.find((c) => !c.timed);
  if (dead) {
    const loc = cycleLocation(dead.edges);
    const cyc = labels(w, dead.pids);
    const last = steps[steps.length - 1];
    if (last) (last.marks ??= []).push('deadlock');
    return {
      ...base,
      kind: 'deadlock',
      location: loc.fn,
      seedLocation: loc.seed,
      cycle: cyc,
      summary: `deadlock in ${loc.fn}()${loc.seed ? ` (location ${loc.seed})` : ''}: ${cyc.join(' -> ')} -> ${cyc[0]}`,
    };
  }
  const blocked = w.tasks.filter((t) => t.status === 'blocked' && t.kind !== 'kthread');
  if (blocked.length) {
    return {
      ...base,
      kind: 'deadlock',
      // Stryker disable next-line OptionalChaining: a blocked task always has its wait (step.ts sets both, wake clears both)
      location: blocked[0].wait?.fn,
      cycle: labels(w, blocked.map((t) => t.pid)),
      // Stryker disable next-line OptionalChaining: as above
      summary: `${labels(w, blocked.map((t) => t.pid)).join(', ')} blocked forever in ${blocked[0].wait?.fn}()`,
    };
  }
  if (w.stalls.length) {
    const s = w.stalls[0];
    const seed = s.location === 'resolve_symbol_wait' ? 'ii' : undefined;
    return {
      ...base,
      kind: 'stall',
      location: s.location,
      seedLocation: seed,
      cycle: labels(w, s.cycle),
      summary: `stall in ${s.location}()${seed ? ` (location ${seed})` : ''}: ${labels(w, s.cycle).join(' -> ')} until a timeout broke it`,
    };
  }
  if (failures.length) {
    const f = failures[0];
    return { ...base, kind: 'error', summary: `'${f.command}' (${f.task}) failed with exit status ${f.exit}` };
  }
  return { ...base, kind: 'ok', summary: 'every command finished successfully' };
}
