/**
 * protocol.ts - the messages between the page and the explorer's web worker. The worker runs one
 * job at a time (a scenario in one or more kernels); a new job or a cancel ends the current one.
 */
import type { Exploration, Finding, Granularity, Progress, Scenario, VariantId } from '@engine';

export interface StartJob {
  type: 'start';
  id: number;
  scenario: Scenario;
  variants: VariantId[];
  granularity: Granularity;
  /** Stop after this many states (none: until the memory budget). */
  maxStates?: number;
}

export interface CancelJob {
  type: 'cancel';
  id: number;
}

export type ToWorker = StartJob | CancelJob;

/** How far a search is: the engine's counters plus what only the caller knows (time, memory). */
export interface LiveProgress extends Progress {
  seconds: number;
  /** States per second over the whole search. */
  rate: number;
  /** Bytes of memory in use: the worker's JS heap where the browser tells, else the state table's. */
  memory: number;
  memoryOf: 'heap' | 'state table';
}

export type FromWorker =
  | { type: 'progress'; id: number; variant: VariantId; progress: LiveProgress; findings: Finding[] }
  | { type: 'done'; id: number; variant: VariantId; progress: LiveProgress; exploration: Exploration }
  | { type: 'error'; id: number; variant: VariantId; message: string };
