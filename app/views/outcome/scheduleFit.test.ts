import { describe, expect, it } from 'vitest';
import { getPreset, run } from '@engine';
import { scheduleFit, shortSchedule } from './scheduleFit';

const p16 = getPreset('P16')!.scenario;
const OK = ['T1', 'U1', 'U1', 'U1', 'U1', 'T1'];

describe('scheduleFit', () => {
  it('counts every pick as honoured in the kernel the schedule was found in', () => {
    const fit = scheduleFit(run(p16, { variant: 'split', schedule: OK }));
    expect(fit).toMatchObject({ asked: 6, honoured: 6 });
    expect(fit.choices).toBeGreaterThanOrEqual(6);
  });

  it('counts the picks another kernel could not make', () => {
    const fit = scheduleFit(run(p16, { variant: 'split', schedule: ['T1', 'nobody', 'U1'] }));
    expect(fit.asked).toBe(3);
    expect(fit.honoured).toBe(2);
  });

  it('is empty for the default schedule', () => {
    expect(scheduleFit(run(p16, { variant: 'split' }))).toMatchObject({ asked: 0, honoured: 0 });
  });
});

describe('shortSchedule', () => {
  it('shows the first labels and counts the rest', () => {
    expect(shortSchedule(['T1', 'U1'])).toBe('T1 → U1');
    expect(shortSchedule(['a', 'b', 'c', 'd'], 2)).toBe('a → b … (+2)');
  });
});
