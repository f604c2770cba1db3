import { describe, expect, it } from 'vitest';
import { createStepStore } from './stepStore';

describe('createStepStore', () => {
  it('notifies only the entries that changed, keeping the old value of the others', () => {
    const s = createStepStore<{ v: number }>((a, b) => a.v === b.v);
    const a = { v: 1 };
    s.set(new Map([['a', a], ['b', { v: 1 }]]));
    const calls: string[] = [];
    s.subscribe('a', () => calls.push('a'));
    s.subscribe('b', () => calls.push('b'));
    s.set(new Map([['a', { v: 1 }], ['b', { v: 2 }]]));
    expect(calls).toEqual(['b']);
    expect(s.get('a')).toBe(a);
    expect(s.get('b')).toEqual({ v: 2 });
    s.set(new Map([['a', { v: 1 }]]));
    expect(calls).toEqual(['b', 'b']);
    expect(s.get('b')).toBeUndefined();
  });
});
