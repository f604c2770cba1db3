/**
 * exit.ts - do_exit() for simulated tasks: the last frame returned, or a fatal signal.
 */
import type { Ctx } from './context';
import type { Task } from '../model/world';

/** The task exits with `code` (a raw wait status: the exit code, or the signal number). */
export function exitTask(k: Ctx, task: Task, code: number, signal: number | null = null): void {
  const w = k.w;
  task.status = 'exited';
  task.exitCode = code;
  task.signal = signal;
  task.frames = [];
  task.wait = null;
  if (w.current === task.pid) w.current = null;
  w.runq = w.runq.filter((p) => p !== task.pid);
  k.rec.kind = 'exit';
  k.note(signal ? `${task.label} killed by signal ${signal}` : `${task.label} exits with status ${code}`);
  // Whoever waits for this task (request_module's W3, flush_work) wakes up.
  for (const t of w.tasks) {
    if (t.status === 'blocked' && (t.wait?.kind === 'umh' || t.wait?.kind === 'work') && t.wait.pid === task.pid) {
      k.wake(t);
    }
  }
}

/** A fatal signal is pending: the process dies on its way back to user space. */
export function dieIfSignalled(k: Ctx): boolean {
  // Another task's kill writes it: reading it is an interaction (fine granularity may preempt here).
  k.touched = true;
  const sig = k.task.sigpending;
  if (sig === null) return false;
  // The shell reports a command killed by signal N with status 128+N.
  if (k.task.kind === 'user') k.w.failures.push({ task: k.task.label, command: k.task.argv, exit: 128 + sig });
  exitTask(k, k.task, sig, sig);
  k.mark('kill');
  return true;
}
