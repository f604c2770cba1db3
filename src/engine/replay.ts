/**
 * replay.ts - the world at any step of a trace, rebuilt from the nearest checkpoint by running
 * the deterministic engine forward. This is what lets the timeline scrub back and forth.
 */
import type { World } from '../model/world';
import type { Trace } from '../model/trace';
import { makeEnv, worldOfCheckpoint } from './run';
import { step } from './step';
import type { Env } from '../sim/env';
import { newCtx } from './ctx';

const envs = new WeakMap<Trace, Env>();

function envOf(trace: Trace): Env {
  let env = envs.get(trace);
  // Stryker disable next-line ConditionalExpression: a cache only; the env is a pure function of the trace's inputs
  if (!env) {
    env = makeEnv(trace.scenario, { variant: trace.variant, schedule: trace.schedule, granularity: trace.granularity, checkpointEvery: trace.checkpointEvery });
    envs.set(trace, env);
  }
  return env;
}

/**
 * The world right after step `i` (i = -1: before the first step). The result is a fresh copy
 * the caller may keep. `near`, a world of the same trace the caller holds (e.g. the step shown
 * a moment ago), is stepped forward instead of the checkpoint when it is closer: scrubbing
 * forward replays a few steps, not up to a checkpoint interval.
 */
export function worldAt(trace: Trace, i: number, near?: World): World {
  const target = Math.max(-1, i) + 1; // number of steps taken
  if (target >= trace.steps.length) return structuredClone(trace.final);
  if (trace.checkpoints.length === 0) throw new Error('this trace was run without checkpoints');
  // The last checkpoint at or before the target (their steps increase). Which one it is, and
  // whether `near` is used, changes only how many steps are replayed: the engine is deterministic,
  // so any earlier world of the trace stepped forward to the target gives the same world.
  const cps = trace.checkpoints;
  let lo = 0;
  let hi = cps.length - 1;
  // Stryker disable next-line ConditionalExpression: speed only (lo = 0, the boot world, is a valid start)
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: speed only (an earlier checkpoint is a valid start)
    if (cps[mid].world.step <= target) lo = mid;
    else hi = mid - 1;
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: speed only (near or the checkpoint, whichever is used, is at or before the target)
  const w = near && near.step <= target && near.step > cps[lo].world.step ? structuredClone(near) : worldOfCheckpoint(cps[lo], trace.final);
  const env = envOf(trace);
  const k = newCtx(env);
  while (w.step < target) {
    if (!step(w, env, k)) break;
  }
  return w;
}

/**
 * Calls `visit(i, world)` with the world right after each step i of the trace, in order,
 * stepping one world forward (no copies: `world` changes after `visit` returns). `visit`
 * returns false to stop.
 */
export function replaySteps(trace: Trace, visit: (i: number, world: World) => boolean | void): void {
  if (!trace.checkpoints.length) throw new Error('this trace was run without checkpoints');
  const w = worldOfCheckpoint(trace.checkpoints[0], trace.final);
  const env = envOf(trace);
  const k = newCtx(env);
  for (let i = 0; i < trace.steps.length; i++) {
    if (!step(w, env, k)) break;
    if (visit(i, w) === false) return;
  }
}
