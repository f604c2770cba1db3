/**
 * stack.ts - a task's call stack in kernel function names, innermost last, as the UI shows it.
 */
import type { Task, World } from '../model/world';
import { instanceName } from '../rules/names';
import { infoOf, kernelName } from './procs';

export interface StackFrame {
  fn: string;
  /** A short hint about the frame's arguments, e.g. the module being loaded. */
  detail: string;
}

function detailOf(l: Record<string, unknown>, w?: World): string {
  const parts: string[] = [];
  if (typeof l.mod === 'number') {
    const m = w?.modules.find((x) => x.id === l.mod);
    parts.push(m ? instanceName(m) : `#${l.mod}`);
  }
  for (const key of ['name', 'patch', 'sym', 'line']) {
    const v = l[key];
    if (typeof v === 'string' && v) {
      if (!parts[0]?.startsWith(`${v}#`)) parts.push(v);
      break;
    }
  }
  return parts.join(' ');
}

/** The call stack, outermost first; a blocked task's innermost frame names the wait. Pass the
 * world to name module instances (`M#2`). */
export function stackOf(t: Task, w?: World): StackFrame[] {
  const frames: StackFrame[] = t.frames
    // Frames of the simulator's own are left out, and a variant's version of a function runs in
    // a frame of its own under the kernel's: show the function once, as the kernel names it.
    // Stryker disable next-line StringLiteral: the innermost frame has none above it; any name of no procedure has no versionOf
    .filter((f, i) => !infoOf(f.fn).hidden && infoOf(t.frames[i + 1]?.fn ?? '').versionOf !== f.fn)
    .map((f) => ({
      fn: typeof f.l.as === 'string' ? f.l.as : kernelName(f.fn),
      detail: detailOf(f.l, w),
    }));
  // Stryker disable next-line OptionalChaining: a blocked task has frames, and its bottom one (sh, modprobe, a kthread's function) is never hidden
  if (t.status === 'blocked' && t.wait && frames[frames.length - 1]?.fn !== t.wait.fn) {
    frames.push({ fn: t.wait.fn, detail: t.wait.name ?? t.wait.cond ?? '' });
  }
  return frames;
}
