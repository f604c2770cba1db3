/**
 * stack.ts - a task's call stack in kernel function names, innermost last, as the UI shows it.
 */
import type { Task } from '../kernel/types';

export interface StackFrame {
  fn: string;
  /** A short hint about the frame's arguments, e.g. the module being loaded. */
  detail: string;
}

function detailOf(l: Record<string, unknown>): string {
  for (const key of ['name', 'patch', 'sym', 'line']) {
    const v = l[key];
    if (typeof v === 'string' && v) return v;
  }
  return '';
}

/** The call stack, outermost first; a blocked task's innermost frame names the wait. */
export function stackOf(t: Task): StackFrame[] {
  const frames: StackFrame[] = t.frames.map((f) => ({
    fn: typeof f.l.as === 'string' ? f.l.as : f.fn,
    detail: detailOf(f.l),
  }));
  if (t.status === 'blocked' && t.wait && frames[frames.length - 1]?.fn !== t.wait.fn) {
    frames.push({ fn: t.wait.fn, detail: t.wait.name ?? t.wait.cond ?? '' });
  }
  return frames;
}
