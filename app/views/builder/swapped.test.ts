import { describe, expect, it } from 'vitest';
import { moved, swapped } from './TaskInspector';

describe('swapped', () => {
  it('moves a command up or down', () => {
    expect(swapped(['a', 'b', 'c'], 1, 0)).toEqual(['b', 'a', 'c']);
    expect(swapped(['a', 'b', 'c'], 1, 2)).toEqual(['a', 'c', 'b']);
  });
  it('leaves the list alone past its ends', () => {
    expect(swapped(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(swapped(['a', 'b'], 1, 2)).toEqual(['a', 'b']);
  });
});

describe('moved (a command dragged onto another)', () => {
  it('takes the command out and puts it where it was dropped', () => {
    expect(moved(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moved(['a', 'b', 'c', 'd'], 3, 1)).toEqual(['a', 'd', 'b', 'c']);
  });
  it('leaves the list alone for a drop on itself or past its ends', () => {
    expect(moved(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
    expect(moved(['a', 'b'], 0, 2)).toEqual(['a', 'b']);
    expect(moved(['a', 'b'], -1, 0)).toEqual(['a', 'b']);
  });
});
