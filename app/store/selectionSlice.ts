/**
 * selectionSlice.ts - the task the user picked (highlighted in the swimlanes, the wait-for graph
 * and the call stacks) and the module picked in the dependency graph.
 */
import type { StateCreator } from 'zustand';
import type { Store } from './index';

export interface SelectionSlice {
  /** Task label, e.g. 'H1'. */
  selectedTask: string | null;
  selectedModule: string | null;
  selectTask: (label: string | null) => void;
  selectModule: (name: string | null) => void;
}

export const createSelectionSlice: StateCreator<Store, [], [], SelectionSlice> = (set, get) => ({
  selectedTask: null,
  selectedModule: null,
  selectTask: (label) => set({ selectedTask: get().selectedTask === label ? null : label }),
  selectModule: (name) => set({ selectedModule: get().selectedModule === name ? null : name }),
});
