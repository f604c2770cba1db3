/**
 * worldCache.ts - worldAt() memoised per trace and step. Several panels ask for the same world
 * in one render, and scrubbing back and forth revisits steps; a small LRU per trace keeps replay
 * off the hot path.
 */
import { waitForGraph, worldAt, type Trace, type WaitForGraph, type World } from '@engine';

const MAX = 96;
const caches = new WeakMap<Trace, Map<number, World>>();

export function worldAtCached(trace: Trace, step: number): World {
  let c = caches.get(trace);
  if (!c) {
    c = new Map();
    caches.set(trace, c);
  }
  const hit = c.get(step);
  if (hit) {
    // Re-insert to mark as most recently used.
    c.delete(step);
    c.set(step, hit);
    return hit;
  }
  // Replay from the nearest cached world before it when closer than a checkpoint (scrubbing forward).
  let near: World | undefined;
  for (const [k, v] of c) if (k < step && (!near || k > near.step - 1)) near = v;
  const w = worldAt(trace, step, near);
  if (c.size >= MAX) c.delete(c.keys().next().value!);
  c.set(step, w);
  return w;
}

const graphs = new WeakMap<World, WaitForGraph>();

/** The wait-for graph of a cached world, computed once however many panels ask. */
export function waitForGraphOf(w: World): WaitForGraph {
  let g = graphs.get(w);
  if (!g) {
    g = waitForGraph(w);
    graphs.set(w, g);
  }
  return g;
}
