/**
 * The checkpoints a run keeps for worldAt() (engine/run.ts): how far apart they are, and what a
 * world weighs.
 */
import { describe, expect, it } from 'vitest';
import { advance, checkpointSpacing, makeEnv, worldWeight } from './run';
import { run } from '../test/run';
import { initialWorld } from './world';
import { newCtx } from './ctx';
import { scheduleDecide } from './step';
import { getPreset } from '../presets/index';
import type { Checkpoint } from '../model/trace';

describe('checkpoint spacing', () => {
  // P16 upstream: lp1 patches cmdline_proc_show() while T1 sits in it; the world grows past 8.
  const scenario = getPreset('P16')!.scenario;

  it('the next checkpoint comes checkpointEvery steps after one, or as many steps as that world weighs when that is more', () => {
    const t = run(scenario, { variant: 'upstream', checkpointEvery: 8 });
    const cps = t.checkpoints;
    expect(cps[0].world.step).toBe(0);
    const gaps = cps.slice(1).map((c, i) => c.world.step - cps[i].world.step);
    expect(gaps).toEqual(cps.slice(0, -1).map((c) => Math.max(8, worldWeight(c.world))));
    // Both cases occur in this run.
    expect(gaps).toContain(8);
    expect(Math.max(...gaps)).toBeGreaterThan(8);
    expect(cps[cps.length - 1].world.step + checkpointSpacing(cps[cps.length - 1].world, 8)).toBeGreaterThan(t.steps.length);
  });

  it('a run stopped and resumed (as the explorer does in stretches) keeps the same checkpoints as one run', () => {
    const whole = run(scenario, { variant: 'upstream', checkpointEvery: 8 });
    const env = makeEnv(scenario, { variant: 'upstream', checkpointEvery: 8 });
    const w = initialWorld(env);
    const k = newCtx(env);
    const cps: Checkpoint[] = [];
    // Stop one step after a checkpoint, well before the next one is due.
    const stopAt = whole.checkpoints[2].world.step + 1;
    expect(advance(w, env, k, scheduleDecide(env), undefined, cps, stopAt)).toBe('limit');
    expect(advance(w, env, k, scheduleDecide(env), undefined, cps)).toBe('end');
    expect(cps.map((c) => c.world.step)).toEqual(whole.checkpoints.map((c) => c.world.step));
  });
});

describe('worldWeight(): what a checkpoint copies', () => {
  it('each module instance, queued work item, task and its frames, patch and its objects weighs one', () => {
    const t = run(getPreset('P16')!.scenario, { variant: 'upstream' });
    const w = t.final;
    const patch = w.klp.patches[0];
    expect(patch.objects.length).toBeGreaterThan(0);
    const bare = { ...w, klp: { ...w.klp, patches: [] } };
    expect(worldWeight(w) - worldWeight(bare)).toBe(1 + patch.objects.length);
    const noTasks = { ...bare, tasks: [] };
    expect(worldWeight(bare) - worldWeight(noTasks)).toBe(w.tasks.reduce((n, x) => n + 1 + x.frames.length, 0));
    expect(worldWeight({ ...noTasks, work: [] })).toBe(w.modules.length);
  });
});
