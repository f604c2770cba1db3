import { describe, expect, it } from 'vitest';
import { dmesgTime, linesUpTo } from './linesUpTo';

describe('linesUpTo', () => {
  const lines = [{ step: 2 }, { step: 5 }, { step: 5 }, { step: 9 }];
  it('counts lines emitted up to and including a step', () => {
    expect(linesUpTo(lines, 0)).toBe(0);
    expect(linesUpTo(lines, 2)).toBe(1);
    expect(linesUpTo(lines, 5)).toBe(3);
    expect(linesUpTo(lines, 8)).toBe(3);
    expect(linesUpTo(lines, 100)).toBe(4);
    expect(linesUpTo([], 3)).toBe(0);
  });
  it('formats timestamps like dmesg', () => {
    expect(dmesgTime(0)).toBe('[    0.000000]');
    expect(dmesgTime(30_500)).toBe('[   30.500000]');
  });
});
