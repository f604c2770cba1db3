/**
 * A run stopped by the step limit is a livelock when its state repeats (engine/run.ts
 * classify()): how far past the limit the probe looks, and how the loop is named.
 */
import { describe, expect, it } from 'vitest';
import { classify, livelockProbeSteps, makeEnv, worldWeight } from './run';
import { run } from '../test/run';
import { initialWorld } from './world';
import { newCtx } from './ctx';
import { step } from './step';
import { fingerprint } from '../rules/fingerprint';
import { getPreset } from '../presets/index';
import { scn, sh } from '../test/helpers';
import type { Scenario } from '../model/scenario';
import type { World } from '../model/world';
import type { Env } from '../sim/env';

/**
 * P20 (empty modprobe path: the POC's klp_module_coming() restarts after every request_module()
 * that returns 0) behind 25 lsmod, so that U1 enters the loop a couple of hundred steps in.
 */
function lateP20(): Scenario {
  const p20 = getPreset('P20')!.scenario;
  const [empty, ...rest] = p20.tasks[0].commands;
  return { ...p20, tasks: [{ commands: [empty, ...Array<string>(25).fill('lsmod'), ...rest] }] };
}

/** Steps from `w` until the world is in a state it was in before (Infinity if the run ends). */
function firstRepeat(from: World, env: Env): number {
  const w = structuredClone(from);
  const k = newCtx(env);
  const seen = new Set<string>();
  for (let i = 0; ; i++) {
    const fp = fingerprint(w);
    if (seen.has(fp)) return i;
    seen.add(fp);
    if (!step(w, env, k)) return Infinity;
  }
}

describe('the livelock probe', () => {
  it('looks 5000 steps past the limit in a small world, fewer in a big one (5000 x 50 / weight)', () => {
    const boot = (n: number): World => initialWorld(makeEnv(scn({ tasks: Array.from({ length: n }, () => sh('lsmod')) })));
    expect(worldWeight(boot(1))).toBe(2);
    expect(livelockProbeSteps(boot(1))).toBe(5000);
    // 100 shells of one frame each.
    expect(worldWeight(boot(100))).toBe(200);
    expect(livelockProbeSteps(boot(100))).toBe(1250);
  });

  it('looks exactly that far, and never fewer than 200 steps: a state that first repeats 200 steps on is past it, 199 is not', () => {
    const env = makeEnv(lateP20(), { variant: 'split' });
    const w = initialWorld(env);
    const k = newCtx(env);
    // The same world made big: padded with an exited task of 1300 frames (they weigh, never run).
    const big = (x: World): World => ({
      ...x,
      tasks: [...x.tasks, { ...x.tasks[0], pid: 999, label: 'pad', status: 'exited', frames: Array.from({ length: 1300 }, () => ({ fn: 'sh', pc: 'start', l: {} })) }],
    });
    expect(livelockProbeSteps(big(w))).toBe(200);
    for (let n = firstRepeat(w, env) - 200; n > 0; n--) step(w, env, k);
    expect(firstRepeat(w, env)).toBe(200);
    expect(livelockProbeSteps(big(w))).toBe(200);
    expect(classify(big(w), env, newCtx(env), true).kind).toBe('limit');
    step(w, env, k);
    expect(firstRepeat(w, env)).toBe(199);
    expect(classify(big(w), env, newCtx(env), true)).toMatchObject({ kind: 'livelock', location: 'klp_module_coming', cycle: ['U1'] });
  });

  it('gives up at its horizon when the state keeps changing: a worker polling in msleep() is a step limit, not a livelock', () => {
    // test_klp_callbacks_busy.c with block_transition=Y: busymod_work_func() loops in msleep(20); time moves on.
    const t = run(
      scn({
        modules: [{ name: 'busy', model: 'test_klp_callbacks_busy', params: { block_transition: { type: 'bool', default: 'N' } } }],
        tasks: [sh('modprobe busy block_transition=Y')],
      }),
      { variant: 'upstream', maxSteps: 100 },
    );
    expect(t.outcome.kind).toBe('limit');
  });
});

describe('the loop a livelock is named by', () => {
  it('is the loop, not the steps leading to it: P20 stopped before U1 even loads lp', () => {
    const t = run(getPreset('P20')!.scenario, { variant: 'split', maxSteps: 10 });
    expect(t.outcome).toMatchObject({ kind: 'livelock', location: 'klp_module_coming', cycle: ['U1'] });
    expect(t.outcome.summary).toBe('livelock: U1 loops forever in klp_module_coming() without progress');
  });

  it('is its outermost function, wherever in the loop the run stopped (not the mutex or request_module() it calls)', () => {
    // klp_module_coming() takes klp_mutex and calls request_module() on every round.
    const at = [100, 101, 102, 103, 104].map((m) => run(getPreset('P20')!.scenario, { variant: 'split', maxSteps: m }).outcome.location);
    expect(at).toEqual(Array(5).fill('klp_module_coming'));
  });
});
