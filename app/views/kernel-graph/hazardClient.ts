/**
 * hazardClient.ts - asks the hazard worker for a kernel's hazard map, once per graph.
 */
import type { HazardMap } from '@engine';

export interface HazardResult {
  map: HazardMap;
  /** Time the worker took, parsing and indexing the graph included. */
  ms: number;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (r: HazardResult) => void; reject: (e: Error) => void }>();
const cache = new Map<string, Promise<HazardResult>>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./hazards.worker.ts', import.meta.url), { type: 'module', name: 'kernel-hazards' });
    worker.onmessage = (ev: MessageEvent<{ id: number; map?: HazardMap; ms?: number; error?: string }>) => {
      const p = pending.get(ev.data.id);
      if (!p) return;
      pending.delete(ev.data.id);
      if (ev.data.map) p.resolve({ map: ev.data.map, ms: ev.data.ms ?? 0 });
      else p.reject(new Error(ev.data.error ?? 'hazard map failed'));
    };
  }
  return worker;
}

export function hazardsInWorker(key: string, text: string): Promise<HazardResult> {
  const hit = cache.get(key);
  if (hit) return hit;
  const id = nextId++;
  const p = new Promise<HazardResult>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    getWorker().postMessage({ id, text });
  });
  p.catch(() => cache.delete(key));
  cache.set(key, p);
  return p;
}
