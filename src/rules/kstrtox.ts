/**
 * kstrtox.ts - lib/kstrtox.c: how the kernel parses the strings of sysfs writes and module
 * parameters (kstrtobool() for bool parameters and livepatch's enabled/force files, kstrtoint()
 * for int parameters).
 */

/**
 * kstrtobool(): the first character decides: y/Y/1 true, n/N/0 false, "on"/"of(f)" true/false.
 * Since v5.19 (0d6ea3ac94ca) t/T and f/F are accepted too (`has_post_handler=true`).
 * Returns null for -EINVAL.
 */
export function kstrtobool(s: string, trueFalse: boolean): boolean | null {
  const c = s[0];
  if (c === 'y' || c === 'Y' || c === '1') return true;
  if (c === 'n' || c === 'N' || c === '0') return false;
  if (trueFalse && (c === 't' || c === 'T')) return true;
  if (trueFalse && (c === 'f' || c === 'F')) return false;
  if (c === 'o' || c === 'O') {
    const d = s[1];
    if (d === 'n' || d === 'N') return true;
    if (d === 'f' || d === 'F') return false;
  }
  return null;
}

/** kstrtoint(s, 0, &v): an optional sign, then decimal, 0x hex or 0 octal digits; a trailing newline is allowed. */
export function kstrtoint(s: string): number | null {
  const t = s.endsWith('\n') ? s.slice(0, -1) : s;
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(t);
  if (!m) return null;
  const body = m[2];
  const v = body.startsWith('0x') || body.startsWith('0X') ? parseInt(body.slice(2), 16) : body.length > 1 && body.startsWith('0') ? parseInt(body.slice(1), 8) : parseInt(body, 10);
  const n = m[1] === '-' ? -v : v;
  return n >= -2147483648 && n <= 2147483647 ? n : null;
}
