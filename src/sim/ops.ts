/**
 * ops.ts - what one step of a simulated function can do next.
 *
 * Kernel and user-space functions are written as procedures: a table of labelled steps, each a
 * small function returning one of these ops. One op is one trace step. The frame stack of every
 * task is plain data (function name, label, locals), so a task blocked deep inside
 * load_module() -> klp_module_coming() -> request_module() can be cloned and resumed.
 */
import type { Locals, Wait } from '../model/world';
import type { Mark } from '../model/trace';
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

/** Where a procedure keeps what it declares about itself (see ProcInfo). */
export const PROC_INFO = Symbol('procInfo');

/**
 * What a procedure is, for people and for the timeline: the interpreter reads this instead of
 * knowing function names.
 */
export interface ProcInfo {
  /** The kernel function or construct it stands for, when its simulator name differs ('mod->init'). */
  kernelName?: string;
  /** It is a kernel variant's own version of this function (the split POC's klp_module_coming). */
  versionOf?: string;
  /** Which variant's version, said next to the call ('split POC'). */
  version?: string;
  /** How its arguments read in a call when its locals say nothing ('&klp_mutex'). */
  args?: string;
  /** Its C return type when not `int` (0 or -errno): a `bool` returns 1 for true. */
  returns?: 'bool';
  /** Calling it puts this marker on the timeline. */
  mark?: Mark;
  /** A frame of the simulator's own (one shell command, a dispatcher): left out of call stacks. */
  hidden?: boolean;
  /** Plain words for some of its labels, shown as the text of a step that moves there. */
  labels?: Record<string, string>;
}

/** The labelled steps of a simulated function; `start` is its entry label. */
export type Steps = { start: StepFn; [label: string]: StepFn };

/** A simulated function: its steps, and in PROC_INFO what it declares about itself. */
export type Proc = Steps & { [PROC_INFO]?: ProcInfo };

/** A procedure with its declaration: `proc({ kernelName: 'mod->init' }, { start: ... })`. */
export function proc(info: ProcInfo, steps: Steps): Proc {
  return { ...steps, [PROC_INFO]: info };
}

export function procInfo(p: Proc): ProcInfo {
  return p[PROC_INFO] ?? {};
}

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
