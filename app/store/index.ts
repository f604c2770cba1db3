/**
 * index.ts - the one bound store, made of slices (zustand's slices pattern).
 */
import { create } from 'zustand';
import { createScenarioSlice, type ScenarioSlice } from './scenarioSlice';
import { createPlaybackSlice, type PlaybackSlice } from './playbackSlice';
import { createSelectionSlice, type SelectionSlice } from './selectionSlice';
import { createUiSlice, type UiSlice } from './uiSlice';
import { createBuilderSlice, type BuilderSlice } from './builderSlice';
import { createKernelSlice, type KernelSlice } from './kernelSlice';
import { interestingStep } from './traceCache';

export type Store = ScenarioSlice & PlaybackSlice & SelectionSlice & UiSlice & BuilderSlice & KernelSlice;

export const useStore = create<Store>()((...a) => {
  const s: Store = {
    ...createPlaybackSlice(...a),
    ...createSelectionSlice(...a),
    ...createUiSlice(...a),
    ...createScenarioSlice(...a),
    ...createBuilderSlice(...a),
    ...createKernelSlice(...a),
  };
  const step = interestingStep(s.trace);
  return { ...s, step, viewStep: step };
});
