import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { useStore } from './index';
import { installViewStep, SETTLE_MS } from './viewStep';
import { recordHeavy } from './heavyCost';

const s = () => useStore.getState();

describe('viewStep', () => {
  let uninstall: () => void;
  beforeAll(() => {
    vi.useFakeTimers();
    uninstall = installViewStep();
    s().openPreset('P10', 0);
  });
  afterAll(() => {
    uninstall();
    vi.useRealTimers();
  });

  it('follows the step at once while following is cheap', () => {
    s().setStep(5);
    expect(s().viewStep).toBe(5);
  });

  it('on a heavy trace, waits until the step has been still for a moment', () => {
    recordHeavy(s().trace, 'world', 50);
    s().setStep(6);
    s().setStep(7);
    expect(s().viewStep).toBe(5);
    vi.advanceTimersByTime(SETTLE_MS - 1);
    s().setStep(8);
    vi.advanceTimersByTime(SETTLE_MS - 1);
    expect(s().viewStep).toBe(5);
    vi.advanceTimersByTime(1);
    expect(s().viewStep).toBe(8);
  });

  it('a new trace is shown at once', () => {
    s().openPreset('P08', 3);
    expect(s().viewStep).toBe(3);
  });
});
