/**
 * applyHash.ts - puts a parsed URL into the store, falling back to defaults for whatever was bad
 * and reporting it (an out-of-range step is clamped and reported too).
 */
import { DEFAULT_PRESET_ID } from '@engine';
import { useStore } from '../store';
import { stepCount } from '../store/playbackSlice';
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
  // A preset opens in its own kernel unless the link names one; a custom scenario in the link's
  // kernel or the one already shown.
  if (state.scenario && state.variant && state.variant !== s.variant) s.setVariant(state.variant);
  s.setCompareVariant(null);
  // A Build link's scenario opens in the builder as the user's own copy (their work is kept), and
  // the link stops carrying it once applied, so a reload does not open it over their edits.
  if (state.scenario && state.view === 'build') {
    s.builderOpenShared(state.scenario);
    s.openPreset(state.preset ?? DEFAULT_PRESET_ID, undefined, undefined, state.variant);
  } else if (state.scenario) s.openScenario(state.scenario, `custom:${encodeScenario(state.scenario)}`, state.step, state.schedule, state.granularity);
  else s.openPreset(state.preset ?? DEFAULT_PRESET_ID, state.step, state.schedule, state.variant, state.granularity);
  // Comparing a kernel with itself shows nothing: say so rather than open an empty comparison.
  const variant = useStore.getState().variant;
  if (state.compare === variant) {
    errors.push(`URL parameter "compare": "${state.compare}" is the kernel already shown (variant=${variant}); pick another variant to compare with. Showing no comparison.`);
  }
  s.setCompareVariant(state.compare && state.compare !== variant ? state.compare : null);
  // Comparing, the timeline spans the longer run: a step past the end of this one is fine.
  if (state.step !== undefined && useStore.getState().compareTrace) s.setStep(state.step);
  const count = stepCount(useStore.getState());
  if (state.step !== undefined && state.step >= count && !useStore.getState().runError) {
    errors.push(`URL parameter "step": ${state.step} is past the last step (${count - 1}) of this trace; showing the last step.`);
  }
  useStore.getState().setUrlErrors(errors, rejectedScenario);
}
