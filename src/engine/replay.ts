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
  if (!env) {
    env = makeEnv(trace.scenario, { variant: trace.variant, schedule: trace.schedule, checkpointEvery: trace.checkpointEvery });
    envs.set(trace, env);
  }
  return env;
}

/**
 * The world right after step `i` (i = -1: before the first step). The result is a fresh copy
 * the caller may keep.
 */
export function worldAt(trace: Trace, i: number): World {
  const target = Math.max(-1, Math.min(i, trace.steps.length - 1)) + 1; // number of steps taken
  if (target >= trace.steps.length) return structuredClone(trace.final);
  if (!trace.checkpointEvery || trace.checkpoints.length === 0) throw new Error('this trace was run without checkpoints');
  // The last checkpoint at or before the target (their steps increase).
  const cps = trace.checkpoints;
  let lo = 0;
  let hi = cps.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (cps[mid].world.step <= target) lo = mid;
    else hi = mid - 1;
  }
  const w = worldOfCheckpoint(cps[lo], trace.final);
  const env = envOf(trace);
  const k = newCtx(env);
  while (w.step < target) {
    if (!step(w, env, k)) break;
  }
  return w;
}
