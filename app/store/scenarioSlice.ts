/**
 * scenarioSlice.ts - the inputs (a preset or a custom scenario, the kernel variant, the variant
 * to compare with) and the traces computed from them.
 */
import type { StateCreator } from 'zustand';
import { DEFAULT_PRESET_ID, getPreset, type Scenario, type Trace, type VariantId } from '@engine';
import { interestingStep, traceFor } from './traceCache';
import type { Store } from './index';

export interface ScenarioState {
  /** Preset id, or null when a custom scenario came from the URL. */
  presetId: string | null;
  scenarioKey: string;
  scenario: Scenario;
  variant: VariantId;
  trace: Trace;
  compareVariant: VariantId | null;
  compareTrace: Trace | null;
}

export interface ScenarioActions {
  /** Opens a preset; the step defaults to the outcome step. */
  openPreset: (id: string, step?: number) => void;
  openScenario: (scenario: Scenario, key: string, step?: number) => void;
  setVariant: (v: VariantId) => void;
  setCompareVariant: (v: VariantId | null) => void;
}

export type ScenarioSlice = ScenarioState & ScenarioActions;

const clampStep = (t: Trace, s: number): number => Math.max(0, Math.min(Math.trunc(s), t.steps.length - 1));

export function initialScenario(variant: VariantId = 'split'): ScenarioState {
  const preset = getPreset(DEFAULT_PRESET_ID)!;
  return {
    presetId: preset.id,
    scenarioKey: `preset:${preset.id}`,
    scenario: preset.scenario,
    variant,
    trace: traceFor(`preset:${preset.id}`, preset.scenario, variant),
    compareVariant: null,
    compareTrace: null,
  };
}

export const createScenarioSlice: StateCreator<Store, [], [], ScenarioSlice> = (set, get) => {
  const load = (presetId: string | null, key: string, scenario: Scenario, step?: number): void => {
    const { variant, compareVariant } = get();
    const trace = traceFor(key, scenario, variant);
    set({
      presetId,
      scenarioKey: key,
      scenario,
      trace,
      compareTrace: compareVariant ? traceFor(key, scenario, compareVariant) : null,
      step: step === undefined ? interestingStep(trace) : clampStep(trace, step),
      playing: false,
      selectedTask: null,
    });
  };
  return {
    ...initialScenario(),
    openPreset: (id, step) => {
      const p = getPreset(id);
      if (!p) return;
      load(p.id, `preset:${p.id}`, p.scenario, step);
    },
    openScenario: (scenario, key, step) => load(null, key, scenario, step),
    setVariant: (variant) => {
      const { scenarioKey, scenario, trace: old, step } = get();
      if (variant === old.variant) return;
      const trace = traceFor(scenarioKey, scenario, variant);
      // Sitting on the old verdict means "show me how it ends": keep that meaning.
      const atEnd = step === interestingStep(old);
      set({ variant, trace, step: atEnd ? interestingStep(trace) : clampStep(trace, step) });
    },
    setCompareVariant: (compareVariant) => {
      const { scenarioKey, scenario } = get();
      set({ compareVariant, compareTrace: compareVariant ? traceFor(scenarioKey, scenario, compareVariant) : null });
    },
  };
};
