/**
 * schedule.ts - a schedule is the list of task labels run() picks at successive scheduling
 * choices; the empty list is the default (FIFO at every choice).
 */

/** The default schedule. One frozen instance, so that selectors comparing with `===` stay quiet. */
export const DEFAULT_SCHEDULE: readonly string[] = Object.freeze([]);

export function sameSchedule(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** A stored copy: the shared default for [], a private array otherwise. */
export function ownSchedule(s: readonly string[]): readonly string[] {
  return s.length ? [...s] : DEFAULT_SCHEDULE;
}
