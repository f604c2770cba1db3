/**
 * ops.ts - what one step of a simulated function can do next.
 *
 * Kernel and user-space functions are written as procedures: a table of labelled steps, each a
 * small function returning one of these ops. One op is one trace step. The frame stack of every
 * task is plain data (function name, label, locals), so a task blocked deep inside
 * load_module() -> klp_module_coming() -> request_module() can be cloned and resumed.
 */
import type { Locals, Wait } from '../model/world';
import type { Ctx } from './context';

export type Op =
  /** Continue at another label of the same function (a new trace step). */
  | { op: 'next'; pc: string }
  /** Call another procedure; when it returns, resume at `pc` with its value in `l.ret`. */
  | { op: 'call'; fn: string; args: Locals; pc: string }
  /** Return to the caller (kernel convention: 0 or -errno). */
  | { op: 'ret'; value: number }
  /** Sleep; when woken (or on timeout: `l.timedOut` true), resume at `pc`. */
  | { op: 'block'; wait: Omit<Wait, 'since'>; pc: string }
  /** A preemption point: another runnable task may run first (a scheduling choice). */
  | { op: 'yield'; pc: string };

export type StepFn = (k: Ctx, l: Locals) => Op;

/** A simulated function: `start` is its entry label. */
export type Proc = { start: StepFn } & Record<string, StepFn>;

export const next = (pc: string): Op => ({ op: 'next', pc });
export const call = (fn: string, args: Locals, pc: string): Op => ({ op: 'call', fn, args, pc });
export const ret = (value: number): Op => ({ op: 'ret', value });
export const block = (wait: Omit<Wait, 'since'>, pc: string): Op => ({ op: 'block', wait, pc });
export const yieldTo = (pc: string): Op => ({ op: 'yield', pc });

/** Read a local that the caller guaranteed to be a string. */
export function str(l: Locals, key: string): string {
  const v = l[key];
  if (typeof v !== 'string') throw new Error(`internal: local '${key}' is not a string`);
  return v;
}

export function num(l: Locals, key: string): number {
  const v = l[key];
  if (typeof v !== 'number') throw new Error(`internal: local '${key}' is not a number`);
  return v;
}
