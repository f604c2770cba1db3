/**
 * explorerClient.ts - the page's side of the explorer worker: one job at a time (a scenario in
 * one kernel, or in all of them for the variants matrix), its live state for the views, and
 * finished results cached per (scenario, kernel, granularity) so that reopening costs nothing.
 */
import { useSyncExternalStore } from 'react';
import type { Exploration, Finding, Granularity, Scenario, VariantId } from '@engine';
import type { FromWorker, LiveProgress, ToWorker } from './protocol';

export type RunStatus = 'queued' | 'running' | 'done' | 'cancelled' | 'error';

/** One kernel's search within a job. */
export interface VariantRun {
  variant: VariantId;
  status: RunStatus;
  progress: LiveProgress | null;
  /** Outcomes found so far (all of them once done). */
  findings: Finding[];
  exploration: Exploration | null;
  error: string | null;
}

export interface Job {
  id: number;
  key: string;
  granularity: Granularity;
  variants: VariantId[];
  runs: Partial<Record<VariantId, VariantRun>>;
}

const cache = new Map<string, VariantRun>();
const MAX_CACHED = 64;
const cacheId = (key: string, variant: VariantId, g: Granularity) => `${key}\u0000${variant}\u0000${g}`;

let worker: Worker | null = null;
let job: Job | null = null;
let nextId = 1;
const listeners = new Set<() => void>();

function emit(): void {
  for (const l of listeners) l();
}

function update(variant: VariantId, f: (r: VariantRun) => VariantRun): void {
  if (!job) return;
  const r = job.runs[variant];
  if (!r) return;
  job = { ...job, runs: { ...job.runs, [variant]: f(r) } };
  emit();
}

function onMessage(ev: MessageEvent<FromWorker>): void {
  const m = ev.data;
  if (!job || m.id !== job.id) return;
  if (m.type === 'progress') {
    update(m.variant, (r) => ({ ...r, status: 'running', progress: m.progress, findings: m.findings }));
  } else if (m.type === 'done') {
    const cancelled = m.exploration.stopped?.reason === 'cancelled';
    update(m.variant, (r) => ({ ...r, status: cancelled ? 'cancelled' : 'done', progress: m.progress, findings: m.exploration.findings, exploration: m.exploration }));
    const r = job.runs[m.variant];
    if (r && !cancelled) {
      if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
      cache.set(cacheId(job.key, m.variant, job.granularity), r);
    }
  } else {
    update(m.variant, (r) => ({ ...r, status: 'error', error: m.message }));
  }
}

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./explore.worker.ts', import.meta.url), { type: 'module', name: 'explorer' });
    worker.onmessage = onMessage;
  }
  return worker;
}

const send = (m: ToWorker) => getWorker().postMessage(m);

/**
 * Explore `scenario` in these kernels, unless the job on screen does already. Kernels explored
 * before come from the cache; the others go to the worker, in order.
 */
export function startExploring(key: string, scenario: Scenario, variants: VariantId[], granularity: Granularity): void {
  if (job && job.key === key && job.granularity === granularity && variants.every((v) => job!.runs[v] && job!.runs[v]!.status !== 'cancelled' && job!.runs[v]!.status !== 'error')) {
    return;
  }
  if (job && isBusy(job)) send({ type: 'cancel', id: job.id });
  const id = nextId++;
  const runs: Job['runs'] = {};
  const todo: VariantId[] = [];
  for (const v of variants) {
    const hit = cache.get(cacheId(key, v, granularity));
    if (hit) runs[v] = hit;
    else {
      runs[v] = { variant: v, status: 'queued', progress: null, findings: [], exploration: null, error: null };
      todo.push(v);
    }
  }
  job = { id, key, granularity, variants, runs };
  if (todo.length) send({ type: 'start', id, scenario, variants: todo, granularity });
  emit();
}

/** Stop the search: the kernels it had not finished keep what they found, marked cancelled. */
export function cancelExploring(): void {
  if (!job || !isBusy(job)) return;
  send({ type: 'cancel', id: job.id });
  const runs = { ...job.runs };
  for (const v of job.variants) {
    const r = runs[v];
    if (r && (r.status === 'queued' || r.status === 'running')) runs[v] = { ...r, status: 'cancelled' };
  }
  // The worker answers the running kernel's cancel with its partial result; the rest never start.
  job = { ...job, runs };
  emit();
}

export function isBusy(j: Job): boolean {
  return j.variants.some((v) => j.runs[v]?.status === 'queued' || j.runs[v]?.status === 'running');
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The job on screen, for React. */
export function useExplorerJob(): Job | null {
  return useSyncExternalStore(subscribe, () => job);
}
