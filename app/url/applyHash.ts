/**
 * applyHash.ts - puts a parsed URL into the store, falling back to defaults for whatever was bad
 * and reporting it (an out-of-range step is clamped and reported too).
 */
import { DEFAULT_PRESET_ID } from '@engine';
import { useStore } from '../store';
import { parseHash } from './parseHash';
import { encodeScenario } from './scenarioCodec';
import { FILE_GRAPH_ID } from '../store/kernelSlice';
import { DEFAULT_GRAPH_ID } from '../views/kernel-graph/shippedGraphs';

export function applyHash(hash: string): void {
  const { state, errors, rejectedScenario } = parseHash(hash);
  const s = useStore.getState();
  s.setView(state.view ?? 'playground');
  // A graph opened from a file is in no link: a hash without a graph keeps it on screen.
  if (state.graph) s.setKernelGraph(state.graph);
  else if (s.kernelGraphId !== FILE_GRAPH_ID) s.setKernelGraph(DEFAULT_GRAPH_ID);
  s.setKernelModule(state.module ?? null);
  s.setKernelTab(state.tab ?? 'graph');
  if (state.variant && state.variant !== s.variant) s.setVariant(state.variant);
  s.setCompareVariant(state.compare ?? null);
  if (state.scenario) s.openScenario(state.scenario, `custom:${encodeScenario(state.scenario)}`, state.step, state.schedule);
  else s.openPreset(state.preset ?? DEFAULT_PRESET_ID, state.step, state.schedule, state.variant !== undefined);
  const count = useStore.getState().trace.steps.length;
  if (state.step !== undefined && state.step >= count && !useStore.getState().runError) {
    errors.push(`URL parameter "step": ${state.step} is past the last step (${count - 1}) of this trace; showing the last step.`);
  }
  useStore.getState().setUrlErrors(errors, rejectedScenario);
}
