/**
 * selectionSlice.ts - the task the user picked (highlighted in the swimlanes, the wait-for graph
 * and the call stacks), the module picked in the dependency graph, and whose statechart is drawn.
 */
import type { StateCreator } from 'zustand';
import type { MachineSubject } from '@engine';
import type { Store } from './index';

export interface SelectionSlice {
  /** Task label, e.g. 'H1'. */
  selectedTask: string | null;
  selectedModule: string | null;
  /** Whose statechart the State machine panel draws (null: the panel is folded). */
  machineSubject: MachineSubject | null;
  setMachineSubject: (s: MachineSubject | null) => void;
  selectTask: (label: string | null) => void;
  selectModule: (name: string | null) => void;
}

export const createSelectionSlice: StateCreator<Store, [], [], SelectionSlice> = (set, get) => ({
  selectedTask: null,
  selectedModule: null,
  machineSubject: null,
  setMachineSubject: (machineSubject) => set({ machineSubject }),
  selectTask: (label) => set({ selectedTask: get().selectedTask === label ? null : label }),
  selectModule: (name) => set({ selectedModule: get().selectedModule === name ? null : name }),
});
