import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE, ownSchedule, sameSchedule } from './schedule';

describe('schedule', () => {
  it('compares label by label', () => {
    expect(sameSchedule([], DEFAULT_SCHEDULE)).toBe(true);
    expect(sameSchedule(['T1', 'U1'], ['T1', 'U1'])).toBe(true);
    expect(sameSchedule(['T1', 'U1'], ['U1', 'T1'])).toBe(false);
    expect(sameSchedule(['T1'], ['T1', 'T1'])).toBe(false);
  });

  it('stores the empty schedule as the shared default and copies any other', () => {
    expect(ownSchedule([])).toBe(DEFAULT_SCHEDULE);
    const s = ['T1'];
    expect(ownSchedule(s)).not.toBe(s);
    expect(ownSchedule(s)).toEqual(s);
  });
});
