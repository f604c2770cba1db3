import { describe, expect, it } from 'vitest';
import { kstrtobool } from './kstrtobool';

describe('kstrtobool() (lib/kstrtox.c, v5.5)', () => {
  it.each(['1', 'y', 'Y', 'yes', 'on', 'ON', 'oN', '1\n', 'Yippee'])('%j is true', (s) => expect(kstrtobool(s)).toBe(true));
  it.each(['0', 'n', 'N', 'no', 'off', 'OFF', 'oF', '0\n'])('%j is false', (s) => expect(kstrtobool(s)).toBe(false));
  it.each(['', 'o', 'ok', 'true', 'false', '2', ' 1', 'maybe'])('%j is -EINVAL', (s) => expect(kstrtobool(s)).toBeNull());
});

describe('kstrtobool() since v5.19: t/T and f/F too', () => {
  it.each(['t', 'T', 'true'])('%j is true', (s) => expect(kstrtobool(s, true)).toBe(true));
  it.each(['f', 'F', 'false'])('%j is false', (s) => expect(kstrtobool(s, true)).toBe(false));
  it('the rest is unchanged', () => {
    expect(kstrtobool('maybe', true)).toBeNull();
    expect(kstrtobool('on', true)).toBe(true);
  });
});
