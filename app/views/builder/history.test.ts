import { describe, expect, it } from 'vitest';
import { amend, historyOf, push, redo, undo } from './history';

describe('history', () => {
  it('undoes and redoes, and a new edit drops the redo branch', () => {
    let h = push(push(historyOf('a'), 'b'), 'c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe('b');
    h = push(h, 'd');
    expect(h).toEqual({ past: ['a', 'b'], present: 'd', future: [] });
    expect(redo(h)).toBe(h);
  });

  it('ignores no-op edits and keeps at most `limit` past states', () => {
    const h0 = historyOf(0);
    expect(push(h0, 0)).toBe(h0);
    let h = h0;
    for (let i = 1; i <= 10; i++) h = push(h, i, 3);
    expect(h.past).toEqual([7, 8, 9]);
    expect(h.present).toBe(10);
  });
});

describe('amend', () => {
  it('replaces the present in the same undo step and drops the redo branch', () => {
    const h = amend(undo(push(push(historyOf('a'), 'b'), 'c')), 'b2');
    expect(h).toEqual({ past: ['a'], present: 'b2', future: [] });
    expect(undo(h).present).toBe('a');
  });
});
