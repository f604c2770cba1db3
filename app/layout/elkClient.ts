/**
 * elkClient.ts - the main thread's side of the layout worker: one worker for the page, requests
 * matched to answers by id, and results cached by a caller-given key (topology + variant), so a
 * layout is computed once and scrubbing never triggers another.
 */
import type { LayoutRequest, LayoutResult } from './types';

type Pending = { resolve: (r: LayoutResult) => void; reject: (e: Error) => void };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();
const cache = new Map<string, Promise<LayoutResult>>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./elk.worker.ts', import.meta.url), { type: 'module', name: 'elk-layout' });
    worker.onmessage = (ev: MessageEvent<{ id: number; result?: LayoutResult; error?: string }>) => {
      const p = pending.get(ev.data.id);
      if (!p) return;
      pending.delete(ev.data.id);
      if (ev.data.result) p.resolve(ev.data.result);
      else p.reject(new Error(ev.data.error ?? 'layout failed'));
    };
  }
  return worker;
}

export function layoutInWorker(key: string, request: LayoutRequest): Promise<LayoutResult> {
  const hit = cache.get(key);
  if (hit) return hit;
  const id = nextId++;
  const promise = new Promise<LayoutResult>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    getWorker().postMessage({ id, request });
  });
  // A failed layout may be retried later.
  promise.catch(() => cache.delete(key));
  cache.set(key, promise);
  return promise;
}

/** Synchronous peek, so a view revisited with a known key paints at once. */
const settled = new Map<string, LayoutResult>();
export function cachedLayout(key: string): LayoutResult | undefined {
  return settled.get(key);
}
export function remember(key: string, r: LayoutResult): void {
  settled.set(key, r);
}
