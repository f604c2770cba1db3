import { describe, expect, it } from 'vitest';
import { swapped } from './TaskInspector';

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
