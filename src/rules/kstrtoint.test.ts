import { describe, expect, it } from 'vitest';
import { kstrtoint } from './kstrtoint';

describe('kstrtoint() (lib/kstrtox.c, base 0)', () => {
  it.each([
    ['0', 0],
    ['-19', -19],
    ['+7', 7],
    ['0x10', 16],
    ['010', 8],
    ['42\n', 42],
  ])('%j is %d', (s, v) => expect(kstrtoint(s)).toBe(v));
  it.each(['', 'x', '1.5', ' 1', '08', '2147483648', 'true'])('%j is -EINVAL', (s) => expect(kstrtoint(s)).toBeNull());
});
