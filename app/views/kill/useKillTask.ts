/**
 * useKillTask.ts - kill a task at the step on screen: opens this scenario plus the killer task
 * (killScenario.ts) as a custom scenario, with its own trace, URL and way back to the preset.
 */
import { useCallback } from 'react';
import { useStore } from '../../store';
import { worldAtCached } from '../../store/worldCache';
import { encodeScenario } from '../../url/scenarioCodec';
import { withKill } from './killScenario';

export function useKillTask(): (label: string) => void {
  const openScenario = useStore((s) => s.openScenario);
  return useCallback(
    (label: string) => {
      // Read at click time: the panels show a deferred step, the store has the one the user chose.
      const { scenario, trace, step } = useStore.getState();
      const next = withKill(scenario, label, worldAtCached(trace, step).time);
      openScenario(next, `custom:${encodeScenario(next)}`);
    },
    [openScenario],
  );
}
