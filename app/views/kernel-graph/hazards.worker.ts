/**
 * hazards.worker.ts - the hazard map of a whole kernel (src/kernelGraph/hazards.ts), computed off
 * the main thread so the page stays responsive however big the kernel.
 */
import { hazardMap, indexGraph, parseModuleGraph } from '@engine';

/** Gets the graph file's text (a string copies fast; a parsed graph would be cloned object by object). */
self.onmessage = (ev: MessageEvent<{ id: number; text: string }>) => {
  const t0 = performance.now();
  try {
    const map = hazardMap(indexGraph(parseModuleGraph(ev.data.text)));
    self.postMessage({ id: ev.data.id, map, ms: performance.now() - t0 });
  } catch (e) {
    self.postMessage({ id: ev.data.id, error: e instanceof Error ? e.message : String(e) });
  }
};
