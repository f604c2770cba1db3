/**
 * hazards.worker.ts - the hazard map of a whole kernel (src/kernelGraph/hazards.ts), computed off
 * the main thread so the page stays responsive however big the kernel.
 */
import { hazardMap, indexGraph, type ModuleGraphJson } from '@engine';

self.onmessage = (ev: MessageEvent<{ id: number; json: ModuleGraphJson }>) => {
  const t0 = performance.now();
  try {
    const map = hazardMap(indexGraph(ev.data.json));
    self.postMessage({ id: ev.data.id, map, ms: performance.now() - t0 });
  } catch (e) {
    self.postMessage({ id: ev.data.id, error: e instanceof Error ? e.message : String(e) });
  }
};
