import { describe, expect, it } from 'vitest';
import { closestName, editDistance, suggestion } from './closest';

describe('closestName', () => {
  it('finds slips: transpositions, missing or extra letters, prefixes', () => {
    expect(closestName('exprots', ['name', 'exports', 'imports'])).toBe('exports');
    expect(closestName('callback', ['name', 'callbacks'])).toBe('callbacks');
    expect(closestName('ver', ['id', 'version'])).toBe('version');
    expect(closestName('modprobe', ['modprobePath', 'ftraceEnabled', 'dyndbg'])).toBe('modprobePath');
    expect(closestName('FtraceEnabled', ['modprobePath', 'ftraceEnabled'])).toBe('ftraceEnabled');
  });

  it('suggests nothing for a name unlike every known one', () => {
    expect(closestName('constructor', ['type', 'version', 'title'])).toBeNull();
    expect(suggestion('zz', ['a', 'b'])).toBe('known: a, b');
    expect(suggestion('exprots', ['exports'])).toBe("did you mean 'exports'?");
  });

  it('edit distance counts an adjacent swap as one edit', () => {
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
