import { describe, expect, it } from 'vitest';
import { kstrtobool } from './kstrtobool';

describe('kstrtobool() (lib/kstrtox.c, v5.5)', () => {
  it.each(['1', 'y', 'Y', 'yes', 'on', 'ON', 'oN', '1\n', 'Yippee'])('%j is true', (s) => expect(kstrtobool(s)).toBe(true));
  it.each(['0', 'n', 'N', 'no', 'off', 'OFF', 'oF', '0\n'])('%j is false', (s) => expect(kstrtobool(s)).toBe(false));
  it.each(['', 'o', 'ok', 'true', 'false', '2', ' 1', 'maybe'])('%j is -EINVAL', (s) => expect(kstrtobool(s)).toBeNull());
});
