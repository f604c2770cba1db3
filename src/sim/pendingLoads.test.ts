import { describe, expect, it } from 'vitest';
import { getPreset } from '../presets/index';
import { run } from '../test/run';
import { worldAt } from '../engine/replay';
import { pendingLoadFate, pendingLoads, type PendingLoad } from './pendingLoads';

const callStep = (t: ReturnType<typeof run>, label: string, fn: string, arg: string) =>
  t.steps.findIndex((s) => s.label === label && s.kind === 'call' && s.fn === fn && s.arg === arg);

describe('copies of a module loaded outside the module list', () => {
  it('P08 split: H1 loads M again while M#1 is COMING; its copy M#2 waits for M#1 (location i)', () => {
    const t = run(getPreset('P08')!.scenario, { variant: 'split' });
    const from = callStep(t, 'H1', 'load_module', 'M');
    expect(from).toBeGreaterThan(0);
    expect(pendingLoads(worldAt(t, from - 1))).toEqual([]);
    expect(pendingLoads(worldAt(t, from))).toEqual([{ key: 'M#2', name: 'M', task: 'H1', pid: expect.any(Number), phase: 'allocated', state: null, blockedBy: 'M#1' }]);
    // add_unformed_module() set the copy's state before it looked for the name.
    expect(pendingLoads(t.final)).toMatchObject([{ key: 'M#2', task: 'H1', phase: 'waiting', state: 'MODULE_STATE_UNFORMED', blockedBy: 'M#1' }]);
  });

  it('P10 split + 19/23: H1 loads lp again; klp_break_recursion() makes the copy give up with -EEXIST', () => {
    const t = run(getPreset('P10')!.scenario, { variant: 'split-poc19' });
    const mark = t.steps.findIndex((s) => s.marks?.includes('klp_break_recursion'));
    expect(pendingLoads(worldAt(t, mark - 1))).toMatchObject([{ key: 'lp#2', task: 'H1', phase: 'allocated', blockedBy: 'lp#1' }]);
    expect(pendingLoads(worldAt(t, mark))).toMatchObject([{ key: 'lp#2', task: 'H1', phase: 'refused', state: 'MODULE_STATE_UNFORMED', blockedBy: 'lp#1' }]);
    // Once load_module() has returned, the copy is gone.
    expect(pendingLoads(worldAt(t, mark + 3))).toEqual([]);
  });

  it('a load that inserted its instance is not pending', () => {
    const t = run(getPreset('P01')!.scenario, { variant: 'split' });
    for (let i = 0; i < t.steps.length; i += 7) expect(pendingLoads(worldAt(t, i))).toEqual([]);
  });

  it('v7.1: a load waiting in early_mod_check() has no copy yet (it waits before layout_and_allocate())', () => {
    const t = run(getPreset('P03')!.scenario, { variant: 'v7.1' });
    const waits = t.steps.findIndex((s) => s.label === 'T2' && s.kind === 'block' && s.fn === 'module_patient_check_exists');
    expect(waits).toBeGreaterThan(0);
    const w = worldAt(t, waits);
    expect(w.tasks.find((x) => x.label === 'T2')!.frames.map((f) => f.fn)).toContain('early_mod_check');
    expect(pendingLoads(w)).toEqual([]);
  });

  it('says what becomes of each copy in the loader\'s words', () => {
    const c = (phase: PendingLoad['phase']): PendingLoad => ({ key: 'M#2', name: 'M', task: 'H1', pid: 3, phase, state: null, blockedBy: 'M#1' });
    expect(pendingLoadFate(c('waiting'))).toBe('not in the module list: add_unformed_module() waits for M#1');
    expect(pendingLoadFate(c('refused'))).toBe('-EEXIST: klp_break_recursion() (19/23) stops the wait for M#1');
    expect(pendingLoadFate(c('allocated'))).toBe('not in the module list: M#1 holds the name');
  });
});
