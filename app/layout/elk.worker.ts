/**
 * elk.worker.ts - runs ELK off the main thread. ELK's bundled build runs synchronously here, so
 * a 1121-module layout blocks only this worker, never scrolling or scrubbing.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { fromElkGraph, toElkGraph } from './toElkGraph';
import type { LayoutRequest } from './types';

const elk = new ELK();

self.onmessage = async (ev: MessageEvent<{ id: number; request: LayoutRequest }>) => {
  const { id, request } = ev.data;
  const t0 = performance.now();
  try {
    const out = await elk.layout(toElkGraph(request));
    self.postMessage({ id, result: fromElkGraph(out, performance.now() - t0) });
  } catch (e) {
    self.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
};
