import { beforeEach, describe, expect, it } from 'vitest';
import { getPreset, type Scenario } from '@engine';
import { useStore } from './index';
import { interestingStep } from './traceCache';
import { applyHash } from '../url/applyHash';

const s = () => useStore.getState();

describe('store', () => {
  beforeEach(() => {
    s().setCompareVariant(null);
    s().setSchedule([]);
    if (s().variant !== 'split') s().setVariant('split');
    s().openPreset('P10');
  });

  it('opens on the verdict of P10 in the split POC', () => {
    expect(s().presetId).toBe('P10');
    expect(s().trace.outcome.kind).toBe('deadlock');
    expect(s().step).toBe(interestingStep(s().trace));
  });

  it('opens a preset in its own kernel, unless the URL names the kernel', () => {
    s().openPreset('ST7-syscall-01');
    expect(s().variant).toBe('v7.1');
    expect(s().trace.outcome.kind).toBe('ok');
    s().setVariant('split');
    s().openPreset('ST7-syscall-01', undefined, undefined, 'split');
    expect(s().variant).toBe('split');
    // Even when the current kernel has something to say about it: P11 is about hunk (i) alone.
    s().openPreset('P11');
    expect(s().variant).toBe(getPreset('P11')!.variant);
  });

  it('keeps "at the end" when the variant changes, and otherwise the step', () => {
    s().setVariant('split-poc19');
    expect(s().trace.outcome.kind).toBe('ok');
    expect(s().step).toBe(interestingStep(s().trace));
    s().setStep(10);
    s().setVariant('split');
    expect(s().step).toBe(10);
  });

  it('clamps steps to the trace', () => {
    s().setStep(-5);
    expect(s().step).toBe(0);
    s().stepBy(1_000_000);
    expect(s().step).toBe(s().trace.steps.length - 1);
  });

  it('plays from the start when asked to play at the end', () => {
    s().setStep(s().trace.steps.length - 1);
    s().setPlaying(true);
    expect(s().step).toBe(0);
    expect(s().playing).toBe(true);
    s().setPlaying(false);
  });

  it('runs the compared variant on the same scenario', () => {
    s().setCompareVariant('split-poc19');
    expect(s().compareTrace?.variant).toBe('split-poc19');
    expect(s().compareTrace?.scenario).toBe(getPreset('P10')!.scenario);
    s().openPreset('P13');
    expect(s().compareTrace?.scenario).toBe(getPreset('P13')!.scenario);
  });
});

describe('schedule', () => {
  // P16 (split): the default schedule ends in an error; the explorer's schedule below ends ok.
  const OK = ['T1', 'U1', 'U1', 'U1', 'U1', 'T1'];

  beforeEach(() => {
    s().setCompareVariant(null);
    if (s().variant !== 'split') s().setVariant('split');
    s().openPreset('P16');
  });

  it('replays the scenario with the schedule and opens its outcome', () => {
    expect(s().schedule).toEqual([]);
    expect(s().trace.outcome.kind).toBe('error');
    s().setSchedule(OK);
    expect(s().schedule).toEqual(OK);
    expect(s().trace.schedule).toEqual(OK);
    expect(s().trace.outcome.kind).toBe('ok');
    expect(s().step).toBe(interestingStep(s().trace));
    s().setSchedule([]);
    expect(s().trace.outcome.kind).toBe('error');
  });

  it('keeps the schedule across variants, and the compared trace uses it too', () => {
    s().setSchedule(OK);
    s().setCompareVariant('upstream');
    expect(s().compareTrace?.schedule).toEqual(OK);
    s().setVariant('split-poc19');
    expect(s().schedule).toEqual(OK);
    expect(s().trace.schedule).toEqual(OK);
    s().setVariant('split');
    expect(s().trace.outcome.kind).toBe('ok');
  });

  it('resets the schedule when another preset or scenario opens', () => {
    s().setSchedule(OK);
    s().openPreset('P16');
    expect(s().schedule).toEqual([]);
    s().setSchedule(OK);
    s().openScenario(getPreset('P16')!.scenario, 'custom:p16');
    expect(s().schedule).toEqual([]);
  });

  it('replays a schedule at its granularity, and the default schedule forgets it', () => {
    s().setSchedule(['U1', 'T1'], 'fine');
    expect(s()).toMatchObject({ granularity: 'fine', trace: { granularity: 'fine', schedule: ['U1', 'T1'] } });
    s().setSchedule([], 'fine');
    expect(s().granularity).toBe('default');
  });

  it('opens an interleaving of another kernel: variant, schedule and granularity at once', () => {
    s().openInterleaving('split-poc19', OK, 'default');
    expect(s()).toMatchObject({ variant: 'split-poc19', schedule: OK, granularity: 'default' });
    expect(s().trace.variant).toBe('split-poc19');
    expect(s().step).toBe(interestingStep(s().trace));
  });

  it('caches one trace per schedule', () => {
    s().setSchedule(OK);
    const withOk = s().trace;
    s().setSchedule([]);
    s().setSchedule(OK);
    expect(s().trace).toBe(withOk);
  });
});

describe('applyHash', () => {
  it('applies a shared link', () => {
    applyHash('#preset=P13&variant=upstream&step=3&compare=split');
    expect(s()).toMatchObject({ presetId: 'P13', variant: 'upstream', step: 3, compareVariant: 'split', urlErrors: [] });
  });

  it('applies a schedule, and drops it with the next link that has none', () => {
    applyHash('#preset=P16&variant=split&sched=T1,U1,U1,U1,U1,T1');
    expect(s()).toMatchObject({ presetId: 'P16', schedule: ['T1', 'U1', 'U1', 'U1', 'U1', 'T1'], urlErrors: [] });
    expect(s().trace.outcome.kind).toBe('ok');
    applyHash('#preset=P16&variant=split');
    expect(s().schedule).toEqual([]);
    applyHash('#preset=P16&variant=split&sched=T1,%3F');
    expect(s().schedule).toEqual([]);
    expect(s().urlErrors.join(' ')).toMatch(/"sched"/);
  });

  it('clamps and reports a step past the end, and falls back on a bad preset', () => {
    applyHash('#preset=P99&step=99999');
    expect(s().presetId).toBe('P10');
    expect(s().step).toBe(s().trace.steps.length - 1);
    expect(s().urlErrors.join(' ')).toMatch(/"preset".*"step"/s);
  });
});

describe('interestingStep', () => {
  it('opens a stall on the cycle, before the timeout breaks it', async () => {
    const { waitForGraph, worldAt } = await import('@engine');
    applyHash('#preset=P11&variant=split-break-only');
    const t = s().trace;
    expect(t.outcome.kind).toBe('stall');
    expect(s().step).toBe(interestingStep(t));
    expect(waitForGraph(worldAt(t, s().step)).cycles).toHaveLength(1);
  });
});

describe('a scenario the simulator fails on (issue 8)', () => {
  // run() validates first: an input that skipped validation fails inside it, like an engine bug.
  const broken = { type: 'klp-playground/scenario', version: 1, title: 'broken', modules: [{ name: 'M', model: 'no_such' }], livepatches: [], tasks: [] } as unknown as Scenario;

  it('records the error and keeps the input asked for, instead of the old trace silently', () => {
    s().setVariant('split');
    s().openPreset('P10');
    const before = s().trace;
    s().openScenario(broken, 'custom:broken');
    expect(s().runError).toMatchObject({ scenario: broken, variant: 'split' });
    expect(s().runError!.message).toMatch(/modules\[0\]\.model: no modelled module 'no_such'/);
    expect(s().scenario).toBe(broken);
    expect(s().presetId).toBeNull();
    expect(s().trace).toBe(before);
  });

  it('another kernel tries again; opening a preset clears the error', () => {
    s().openScenario(broken, 'custom:broken');
    s().setVariant('upstream');
    expect(s().runError).toMatchObject({ variant: 'upstream' });
    s().openPreset('P10');
    expect(s().runError).toBeNull();
    s().setVariant('split');
  });
});

describe('compare', () => {
  it('swaps the sides when the compared kernel is picked, never comparing a kernel with itself', () => {
    applyHash('#preset=P10&variant=split&compare=split-poc19');
    s().setVariant('split-poc19');
    expect(s().variant).toBe('split-poc19');
    expect(s().compareVariant).toBe('split');
    expect(s().compareTrace?.variant).toBe('split');
  });

  it('refuses compare= equal to the variant shown, naming the parameter', () => {
    applyHash('#preset=P10&variant=split&compare=split');
    expect(s().compareVariant).toBeNull();
    expect(s().urlErrors.join(' ')).toMatch(/"compare".*already shown/);
  });
});

describe('a preset opens in its own kernel', () => {
  it('switches to Preset.variant unless the link names a variant', () => {
    s().setVariant('upstream');
    s().openPreset('P11');
    expect(s().variant).toBe(getPreset('P11')!.variant);
    expect(s().trace.variant).toBe(s().variant);
    applyHash('#preset=P11&variant=split');
    expect(s().variant).toBe('split');
    applyHash('#preset=P11');
    expect(s().variant).toBe(getPreset('P11')!.variant);
  });
});

describe('comparing', () => {
  it('the timeline spans the longer run; the shorter one stays on its end', async () => {
    const { stepCount } = await import('./playbackSlice');
    applyHash('#preset=P10&variant=split&compare=split-poc19');
    expect(stepCount(s())).toBe(s().compareTrace!.steps.length);
    s().setStep(1_000_000);
    expect(s().step).toBe(s().compareTrace!.steps.length - 1);
    expect(s().step).toBeGreaterThan(s().trace.steps.length - 1);
    s().setCompareVariant(null);
    expect(stepCount(s())).toBe(s().trace.steps.length);
  });
});
