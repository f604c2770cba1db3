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
  /** This step began with a scheduling choice among these task labels. */
  choice?: { options: string[]; picked: string };
}

export type OutcomeKind = 'ok' | 'error' | 'deadlock' | 'stall' | 'livelock' | 'limit';

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

export interface Trace {
  scenario: Scenario;
  variant: VariantId;
  schedule: string[];
  steps: TraceStep[];
  outcome: Outcome;
  /** Worlds at steps 0, N, 2N, ... (state *before* that step) for fast replay. */
  checkpoints: World[];
  checkpointEvery: number;
  final: World;
  depmodErrors: string[];
}
