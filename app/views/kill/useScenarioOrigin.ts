/**
 * useScenarioOrigin.ts - the preset a custom scenario on screen adds kills to (banner, header).
 * Memoised per scenario object: both ask in the same render.
 */
import { useStore } from '../../store';
import type { Scenario } from '@engine';
import { scenarioOrigin, type ScenarioOrigin } from './scenarioOrigin';

const memo = new WeakMap<Scenario, ScenarioOrigin | null>();

export function useScenarioOrigin(): ScenarioOrigin | null {
  const presetId = useStore((s) => s.presetId);
  const scenario = useStore((s) => s.scenario);
  if (presetId) return null;
  if (!memo.has(scenario)) memo.set(scenario, scenarioOrigin(scenario));
  return memo.get(scenario)!;
}
