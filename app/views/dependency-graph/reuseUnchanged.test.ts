import { describe, expect, it } from 'vitest';
import { reuseUnchanged } from './reuseUnchanged';

describe('reuseUnchanged', () => {
  it('keeps the old object when nothing changed and takes the new one otherwise', () => {
    const a = { id: 'a', type: 'module', position: { x: 1, y: 2 }, data: { s: 'LIVE', list: [1] } };
    const b = { id: 'b', type: 'module', position: { x: 3, y: 4 }, data: { s: 'COMING', list: [] } };
    const prev = new Map([a, b].map((n) => [n.id, n]));
    const next = reuseUnchanged(prev, [
      { id: 'a', type: 'module', position: { x: 1, y: 2 }, data: { s: 'LIVE', list: [1] } },
      { id: 'b', type: 'module', position: { x: 3, y: 4 }, data: { s: 'LIVE', list: [] } },
      { id: 'c', type: 'module', position: { x: 0, y: 0 }, data: { s: 'LIVE', list: [] } },
    ]);
    expect(next[0]).toBe(a);
    expect(next[1]).not.toBe(b);
    expect(next[1].data.s).toBe('LIVE');
    expect(next[2].id).toBe('c');
  });

  it('treats a different set of keys as a change', () => {
    const a = { id: 'a', data: {} };
    expect(reuseUnchanged(new Map([['a', a]]), [{ id: 'a', data: {}, hidden: true } as typeof a])[0]).not.toBe(a);
  });
});
