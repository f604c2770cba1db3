/**
 * openScenario.ts - opens a scenario made from a real module in the playground or in the Build
 * view. The split livepatch is the point, so an upstream kernel switches to the split POC.
 */
import type { Scenario } from '@engine';
import { useStore } from '../../store';
import { encodeScenario } from '../../url/scenarioCodec';

export function playScenario(s: Scenario): void {
  const st = useStore.getState();
  if (st.variant === 'upstream') st.setVariant('split');
  st.openScenario(s, `custom:${encodeScenario(s)}`);
  st.setView('playground');
}

/** Loads it into the builder as an undoable edit, so the scenario under edit is not lost. */
export function buildScenario(s: Scenario): void {
  const st = useStore.getState();
  st.builderLoad(s);
  st.setView('build');
}
