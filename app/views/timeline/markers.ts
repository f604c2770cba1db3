/**
 * markers.ts - the steps worth jumping to: klp_module_coming, request_module, the moment 19/23
 * breaks a recursion, waits, errors and the verdict. `[` and `]` move between them. Colours are
 * theme variables (theme.css), chosen apart from each other and from the lane colours.
 */
import type { Trace } from '@engine';

export type MarkerKind = 'klp_module_coming' | 'request_module' | 'klp_break_recursion' | 'wait' | 'error' | 'outcome';

export interface Marker {
  step: number;
  kind: MarkerKind;
}

export const MARKER_KINDS: { kind: MarkerKind; label: string; hint: string; cssVar: string }[] = [
  { kind: 'klp_module_coming', label: 'klp_module_coming', hint: 'a module is COMING: klp_module_coming() runs (the split POC loads its per-object livepatch here)', cssVar: '--mk-coming' },
  { kind: 'request_module', label: 'request_module', hint: 'the kernel asks user space to load a module (a modprobe helper starts)', cssVar: '--mk-request' },
  { kind: 'klp_break_recursion', label: '19/23 breaks the recursion', hint: 'klp_break_recursion() returns true: the nested load gets -EEXIST instead of waiting, and its caller takes it as success', cssVar: '--mk-break' },
  { kind: 'wait', label: 'task sleeps', hint: 'a task goes to sleep (waits for a module, a helper, a lock or time)', cssVar: '--mk-wait' },
  { kind: 'error', label: 'error', hint: 'a command fails or a task is killed', cssVar: '--mk-error' },
  { kind: 'outcome', label: 'outcome', hint: 'where the verdict is known: the deadlock, stall or livelock, or the end', cssVar: '--mk-outcome' },
];

const FROM_MARK: Record<string, MarkerKind> = {
  klp_module_coming: 'klp_module_coming',
  request_module: 'request_module',
  klp_break_recursion: 'klp_break_recursion',
  wait: 'wait',
  error: 'error',
  kill: 'error',
  deadlock: 'outcome',
  stall: 'outcome',
  livelock: 'outcome',
};

const cache = new WeakMap<Trace, Marker[]>();

/** The markers of a trace, by step (computed once per trace). */
export function markersOf(trace: Trace): Marker[] {
  const hit = cache.get(trace);
  if (hit) return hit;
  const out: Marker[] = [];
  for (const s of trace.steps) {
    for (const m of s.marks ?? []) {
      const kind = FROM_MARK[m];
      if (kind && kind !== 'outcome') out.push({ step: s.i, kind });
    }
  }
  if (trace.steps.length) out.push({ step: Math.min(trace.outcome.step, trace.steps.length - 1), kind: 'outcome' });
  out.sort((a, b) => a.step - b.step);
  cache.set(trace, out);
  return out;
}

/** The next marker strictly after `step` (dir 1) or before it (dir -1), if any. */
export function adjacentMarker(markers: Marker[], step: number, dir: 1 | -1): number | null {
  if (dir > 0) {
    for (const m of markers) if (m.step > step) return m.step;
    return null;
  }
  for (let i = markers.length - 1; i >= 0; i--) if (markers[i].step < step) return markers[i].step;
  return null;
}

/** The markers drawn nearest to pixel `x` of a strip `w` pixels wide over `n` steps, within `slop` pixels. */
export function markersNear(markers: Marker[], x: number, w: number, n: number, slop = 5): Marker[] {
  if (!n || !w) return [];
  let best = Infinity;
  for (const m of markers) best = Math.min(best, Math.abs(((m.step + 0.5) * w) / n - x));
  if (best > slop) return [];
  return markers.filter((m) => Math.abs(Math.abs(((m.step + 0.5) * w) / n - x) - best) < 0.5);
}

export function markerInfo(kind: MarkerKind): (typeof MARKER_KINDS)[number] {
  return MARKER_KINDS.find((m) => m.kind === kind)!;
}
