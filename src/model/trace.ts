/**
 * trace.ts - the trace of a run: one record per step, plus the run's verdict.
 */
import type { VariantId } from './variant';
import type { Scenario } from './scenario';
import type { World } from './world';

export type StepKind =
  | 'call' // a function was entered
  | 'ret' // a function returned
  | 'step' // a step inside a function
  | 'block' // the task went to sleep
  | 'yield' // preemption point
  | 'exit' // the task exited
  | 'time'; // logical time advanced

export type Mark =
  | 'klp_module_coming'
  | 'request_module'
  /** POC 19/23 acts: klp_break_recursion() tells add_unformed_module() to return -EEXIST. */
  | 'klp_break_recursion'
  | 'wait'
  | 'error'
  | 'state'
  | 'dmesg'
  | 'spawn'
  | 'deadlock'
  | 'stall'
  | 'livelock'
  | 'kill';

/**
 * One transition of a module's or a livepatch's machine (src/machines/), as the step made it:
 * the kernel function's event and the states on both sides. `from` is null where the object is
 * created: add_unformed_module() inserts a module as UNFORMED, klp_init_patch_early() makes a
 * klp_patch.
 */
export interface MachineChange {
  machine: 'module' | 'livepatch';
  /** The module's or the patch's name. */
  name: string;
  /** Which object of that name: a module's instance number (M#2), a patch's creation counter. */
  inst: number;
  from: string | null;
  to: string;
  event: string;
}

export interface TraceStep {
  i: number;
  /** Logical time in ms. */
  t: number;
  /** Task that ran (0 for the scheduler's own 'time' steps). */
  pid: number;
  label: string;
  kind: StepKind;
  /** Function the step belongs to. */
  fn: string;
  /** Call depth of the task after the step. */
  depth: number;
  /** For a call: its first argument as shown (a module `M`, an instance `M#1`, a command). */
  arg?: string;
  text: string;
  dmesg?: string[];
  out?: { stream: 'cmd' | 'stdout' | 'stderr' | 'exit'; text: string }[];
  marks?: Mark[];
  /** The machine transitions this step made, in order. */
  machines?: MachineChange[];
  /** This step began with a scheduling choice among these task labels. */
  choice?: { options: string[]; picked: string };
}

export type OutcomeKind = 'ok' | 'error' | 'deadlock' | 'stall' | 'livelock' | 'limit';
export const OUTCOME_KINDS: readonly OutcomeKind[] = ['ok', 'error', 'deadlock', 'stall', 'livelock', 'limit'];

export interface Outcome {
  kind: OutcomeKind;
  /** For a deadlock or stall: the kernel function where the cycle waits. */
  location?: string;
  /** Task labels on the cycle, in wait order (each waits for the next). */
  cycle?: string[];
  /** For deadlocks: the seed's location 'i' (add_unformed_module) or 'ii' (resolve_symbol_wait). */
  seedLocation?: 'i' | 'ii';
  /** Failed user commands. */
  failures: { task: string; command: string; exit: number }[];
  /** One sentence for people. */
  summary: string;
  /** Step at which the verdict became known. */
  step: number;
  /** Simulator warnings the kernel would not print (e.g. a livepatch using a removed module). */
  warnings: string[];
}

/**
 * Where a running task may be preempted. 'default': only where it blocks, yields or exits (and
 * at the scheduling points the code declares). 'fine': also after every step that touches state
 * other tasks can see, so holding klp_mutex is no protection from other CPUs' module loads.
 */
export type Granularity = 'default' | 'fine';

export const GRANULARITIES: readonly Granularity[] = ['default', 'fine'];

/** The logs of a world: they only grow, so a checkpoint keeps their lengths, not their lines. */
export const APPEND_ONLY_LOGS = ['dmesg', 'userspace', 'failures', 'stalls'] as const;
export type AppendOnlyLog = (typeof APPEND_ONLY_LOGS)[number];

/**
 * A world as it was before step `world.step`, without its logs (empty arrays): the trace's final
 * world holds every line, and `logs` says how many of each were there. Checkpoint memory then
 * follows what changes (modules, tasks, patches), not the length of dmesg.
 */
export interface Checkpoint {
  world: World;
  logs: Record<AppendOnlyLog, number>;
}

export interface Trace {
  scenario: Scenario;
  variant: VariantId;
  schedule: string[];
  granularity: Granularity;
  steps: TraceStep[];
  outcome: Outcome;
  /**
   * Worlds before some steps (step 0 first, then every `checkpointEvery` steps or further apart
   * in a big world), for replay: worldAt() runs forward from the nearest one.
   */
  checkpoints: Checkpoint[];
  checkpointEvery: number;
  final: World;
  depmodErrors: string[];
}
