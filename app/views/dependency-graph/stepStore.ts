/**
 * stepStore.ts - what changes from step to step on a graph, kept out of React Flow's nodes and
 * edges. React Flow reprocesses every node and edge whenever its arrays change (lookups,
 * internals, measuring), which for a 300-module trace costs more than a frame; so the arrays
 * hold only what the layout decides, and each node or edge component subscribes to its own
 * entry here. A step then re-renders just the few elements whose entry changed.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ModuleStepData } from './toDependencyFlow';

export interface StepStore<T> {
  get(id: string): T | undefined;
  subscribe(id: string, fn: () => void): () => void;
  /** Replaces the entries; `same` decides which keep their old value (and notify no one). */
  set(next: Map<string, T>): void;
}

export function createStepStore<T>(same: (a: T, b: T) => boolean): StepStore<T> {
  let data = new Map<string, T>();
  const listeners = new Map<string, Set<() => void>>();
  return {
    get: (id) => data.get(id),
    subscribe(id, fn) {
      let set = listeners.get(id);
      if (!set) listeners.set(id, (set = new Set()));
      set.add(fn);
      return () => set.delete(fn);
    },
    set(next) {
      const changed: string[] = [];
      const merged = new Map<string, T>();
      for (const [id, v] of next) {
        const old = data.get(id);
        if (old !== undefined && same(old, v)) merged.set(id, old);
        else {
          merged.set(id, v);
          changed.push(id);
        }
      }
      for (const id of data.keys()) if (!next.has(id)) changed.push(id);
      data = merged;
      for (const id of changed) listeners.get(id)?.forEach((fn) => fn());
    },
  };
}

/** The entry of one element, re-rendering its component only when that entry changes. */
export function useStepEntry<T>(store: StepStore<T> | null, id: string): T | undefined {
  return useSyncExternalStore(
    (fn) => (store ? store.subscribe(id, fn) : () => {}),
    () => store?.get(id),
  );
}

/** The dependency graph's step stores: per module node its step data (with a signature), per edge `active`. */
export interface DepStepStores {
  nodes: StepStore<{ sig: string; data: ModuleStepData }>;
  edges: StepStore<boolean>;
}

export const DepStepContext = createContext<DepStepStores | null>(null);

export function useDepStep(): DepStepStores | null {
  return useContext(DepStepContext);
}
