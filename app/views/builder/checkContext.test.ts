import { describe, expect, it } from 'vitest';
import { problemIn } from './checkContext';

describe('problemIn', () => {
  const check = { ok: false as const, path: 'livepatches[0].states[1].id', problem: 'must be a non-negative integer' };
  it('finds a problem at or inside a path', () => {
    expect(problemIn(check, 'livepatches[0].states')).toEqual({ path: check.path, problem: check.problem });
    expect(problemIn(check, 'livepatches[0].states[1].id')).not.toBeNull();
  });
  it('ignores problems elsewhere or on a prefix that is another field', () => {
    expect(problemIn(check, 'livepatches[0].stat')).toBeNull();
    expect(problemIn(check, 'livepatches[1]')).toBeNull();
    expect(problemIn({ ok: true }, 'livepatches')).toBeNull();
  });
});
