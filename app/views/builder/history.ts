/**
 * history.ts - undo/redo over whole documents: each edit pushes the previous present. Documents
 * are immutable, so a snapshot costs a pointer; the bound keeps a long session from growing
 * without end.
 */
export const HISTORY_LIMIT = 100;

export interface History<T> {
  past: readonly T[];
  present: T;
  future: readonly T[];
}

export function historyOf<T>(present: T): History<T> {
  return { past: [], present, future: [] };
}

/** A new present; a no-op edit (same object) leaves the history as it is. */
export function push<T>(h: History<T>, next: T, limit = HISTORY_LIMIT): History<T> {
  if (next === h.present) return h;
  const past = [...h.past, h.present];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, present: next, future: [] };
}

export function undo<T>(h: History<T>): History<T> {
  if (!h.past.length) return h;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1], future: [h.present, ...h.future] };
}

export function redo<T>(h: History<T>): History<T> {
  if (!h.future.length) return h;
  return { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1) };
}

/** Replaces the present without a new undo step: keystrokes in one field make one step. */
export function amend<T>(h: History<T>, next: T): History<T> {
  return next === h.present ? h : { past: h.past, present: next, future: [] };
}
