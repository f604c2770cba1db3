/**
 * kstrtoint.ts - lib/kstrtox.c kstrtoint(): how the kernel reads an int that user space writes
 * (int module parameters and the elements of int array parameters). kstrtobool() is in
 * kstrtobool.ts.
 */

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
