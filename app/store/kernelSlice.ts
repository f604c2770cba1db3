/**
 * kernelSlice.ts - the real-kernel view's inputs: which module graph (a shipped one, or a file
 * the user opened), the selected module (in the URL: `#view=kernel&module=nf_tables`) and the
 * tab (graph or hazard table).
 */
import type { StateCreator } from 'zustand';
import type { ModuleGraphJson } from '@engine';
import type { Store } from './index';
import { DEFAULT_GRAPH_ID } from '../views/kernel-graph/shippedGraphs';

export type KernelTab = 'graph' | 'hazards';

/** The id a graph opened from a file has: it is in memory only, never in a link. */
export const FILE_GRAPH_ID = 'file';

export interface KernelSlice {
  /** A shipped graph's id, or FILE_GRAPH_ID. */
  kernelGraphId: string;
  /** The file's text is kept for the hazard worker, which parses it on its own thread. */
  kernelFile: { name: string; json: ModuleGraphJson; text: string } | null;
  kernelModule: string | null;
  kernelTab: KernelTab;
  setKernelGraph: (id: string) => void;
  /** Opens a validated graph from a file, with no module selected. */
  openKernelFile: (name: string, json: ModuleGraphJson, text: string) => void;
  setKernelModule: (m: string | null) => void;
  setKernelTab: (t: KernelTab) => void;
}

export const createKernelSlice: StateCreator<Store, [], [], KernelSlice> = (set) => ({
  kernelGraphId: DEFAULT_GRAPH_ID,
  kernelFile: null,
  kernelModule: null,
  kernelTab: 'graph',
  setKernelGraph: (kernelGraphId) => set({ kernelGraphId }),
  openKernelFile: (name, json, text) => set({ kernelGraphId: FILE_GRAPH_ID, kernelFile: { name, json, text }, kernelModule: null, kernelTab: 'graph' }),
  setKernelModule: (kernelModule) => set({ kernelModule }),
  setKernelTab: (kernelTab) => set({ kernelTab }),
});
