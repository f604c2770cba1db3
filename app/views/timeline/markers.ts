/**
 * markers.ts - the steps worth jumping to: klp_module_coming, request_module, waits, errors
 * and the verdict. `[` and `]` move between them.
 */
import type { Trace } from '@engine';

export type MarkerKind = 'klp_module_coming' | 'request_module' | 'wait' | 'error' | 'outcome';

export interface Marker {
  step: number;
  kind: MarkerKind;
}

export const MARKER_KINDS: { kind: MarkerKind; label: string; color: string }[] = [
  { kind: 'klp_module_coming', label: 'klp_module_coming', color: '#14b8a6' },
  { kind: 'request_module', label: 'request_module', color: '#a855f7' },
  { kind: 'wait', label: 'task sleeps', color: '#d97706' },
  { kind: 'error', label: 'error', color: '#ea580c' },
  { kind: 'outcome', label: 'outcome', color: '#dc2626' },
];

const FROM_MARK: Record<string, MarkerKind> = {
  klp_module_coming: 'klp_module_coming',
  request_module: 'request_module',
  wait: 'wait',
  error: 'error',
  kill: 'error',
  deadlock: 'outcome',
  stall: 'outcome',
  livelock: 'outcome',
};

export function markersOf(trace: Trace): Marker[] {
  const out: Marker[] = [];
  for (const s of trace.steps) {
    for (const m of s.marks ?? []) {
      const kind = FROM_MARK[m];
      if (kind && kind !== 'outcome') out.push({ step: s.i, kind });
    }
  }
  if (trace.steps.length) out.push({ step: Math.min(trace.outcome.step, trace.steps.length - 1), kind: 'outcome' });
  return out.sort((a, b) => a.step - b.step);
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
