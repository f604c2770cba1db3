import { beforeEach, describe, expect, it } from 'vitest';
import { getPreset } from '@engine';
import { useStore } from './index';
import { interestingStep } from './traceCache';
import { applyHash } from '../url/applyHash';

const s = () => useStore.getState();

describe('store', () => {
  beforeEach(() => {
    s().setCompareVariant(null);
    if (s().variant !== 'split') s().setVariant('split');
    s().openPreset('P10');
  });

  it('opens on the verdict of P10 in the split POC', () => {
    expect(s().presetId).toBe('P10');
    expect(s().trace.outcome.kind).toBe('deadlock');
    expect(s().step).toBe(interestingStep(s().trace));
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

describe('applyHash', () => {
  it('applies a shared link', () => {
    applyHash('#preset=P13&variant=upstream&step=3&compare=split');
    expect(s()).toMatchObject({ presetId: 'P13', variant: 'upstream', step: 3, compareVariant: 'split', urlErrors: [] });
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
