/**
 * linesUpTo.ts - how many of a run's log lines (sorted by step) were emitted by step `step`.
 */
export function linesUpTo(lines: readonly { step: number }[], step: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid].step <= step) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** dmesg's timestamp column: "[    0.000000]" from logical milliseconds. */
export function dmesgTime(ms: number): string {
  return `[${(ms / 1000).toFixed(6).padStart(12)}]`;
}
