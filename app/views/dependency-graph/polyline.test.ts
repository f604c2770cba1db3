import { describe, expect, it } from 'vitest';
import { midpoint, roundedPath } from './polyline';

describe('polyline', () => {
  it('draws straight segments and rounds the corners', () => {
    expect(roundedPath([{ x: 0, y: 0 }, { x: 0, y: 10 }])).toBe('M 0 0 L 0 10');
    expect(roundedPath([{ x: 0, y: 0 }, { x: 0, y: 20 }, { x: 20, y: 20 }])).toBe('M 0 0 L 0 14 Q 0 20 6 20 L 20 20');
    expect(roundedPath([])).toBe('');
  });

  it('finds the middle by length', () => {
    expect(midpoint([{ x: 0, y: 0 }, { x: 0, y: 10 }, { x: 30, y: 10 }])).toEqual({ x: 10, y: 10 });
  });
});
