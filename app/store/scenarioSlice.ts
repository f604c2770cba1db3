/**
 * scenarioSlice.ts - the inputs (a preset or a custom scenario, the kernel variant, the schedule,
 * the variant to compare with) and the traces computed from them.
 */
import type { StateCreator } from 'zustand';
import { DEFAULT_PRESET_ID, getPreset, type Scenario, type Trace, type VariantId } from '@engine';
import { interestingStep, traceFor } from './traceCache';
import { DEFAULT_SCHEDULE, ownSchedule, sameSchedule } from './schedule';
import type { Store } from './index';

export interface ScenarioState {
  /** Preset id, or null when a custom scenario came from the URL. */
  presetId: string | null;
  scenarioKey: string;
  scenario: Scenario;
  variant: VariantId;
  /**
   * Task labels to pick at successive scheduling choices (run()'s `schedule`); empty = FIFO. It
   * belongs to the scenario: another kernel may offer other choices, and run() falls back to FIFO
   * wherever the label it asks for is not runnable.
   */
  schedule: readonly string[];
  trace: Trace;
  compareVariant: VariantId | null;
  compareTrace: Trace | null;
}

export interface ScenarioActions {
  /**
   * Opens a preset in the kernel it is about (Preset.variant) unless `variant` names another; the
   * step defaults to the outcome step, the schedule to FIFO.
   */
  openPreset: (id: string, step?: number, schedule?: readonly string[], variant?: VariantId) => void;
  openScenario: (scenario: Scenario, key: string, step?: number, schedule?: readonly string[]) => void;
  setVariant: (v: VariantId) => void;
  /** Replays the scenario with another schedule (an interleaving) and opens it on its outcome. */
  setSchedule: (schedule: readonly string[]) => void;
  setCompareVariant: (v: VariantId | null) => void;
}

export type ScenarioSlice = ScenarioState & ScenarioActions;

const clampStep = (t: Trace, s: number): number => Math.max(0, Math.min(Math.trunc(s), t.steps.length - 1));

export function initialScenario(): ScenarioState {
  const preset = getPreset(DEFAULT_PRESET_ID)!;
  const variant = preset.variant;
  return {
    presetId: preset.id,
    scenarioKey: `preset:${preset.id}`,
    scenario: preset.scenario,
    variant,
    schedule: DEFAULT_SCHEDULE,
    trace: traceFor(`preset:${preset.id}`, preset.scenario, variant),
    compareVariant: null,
    compareTrace: null,
  };
}

export const createScenarioSlice: StateCreator<Store, [], [], ScenarioSlice> = (set, get) => {
  const load = (presetId: string | null, key: string, scenario: Scenario, step?: number, schedule: readonly string[] = DEFAULT_SCHEDULE, variant: VariantId = get().variant): void => {
    const sched = ownSchedule(schedule);
    const trace = traceFor(key, scenario, variant, sched);
    // A comparison with the kernel now shown would compare it with itself: keep the old one instead.
    const old = get().variant;
    const compareVariant = get().compareVariant === variant ? (old !== variant ? old : null) : get().compareVariant;
    set({
      presetId,
      scenarioKey: key,
      scenario,
      variant,
      schedule: sched,
      trace,
      compareVariant,
      compareTrace: compareVariant ? traceFor(key, scenario, compareVariant, sched) : null,
      step: step === undefined ? interestingStep(trace) : clampStep(trace, step),
      playing: false,
      selectedTask: null,
    });
  };
  return {
    ...initialScenario(),
    openPreset: (id, step, schedule, variant) => {
      const p = getPreset(id);
      if (!p) return;
      load(p.id, `preset:${p.id}`, p.scenario, step, schedule, variant ?? p.variant);
    },
    openScenario: (scenario, key, step, schedule) => load(null, key, scenario, step, schedule),
    setVariant: (variant) => {
      const { scenarioKey, scenario, schedule, trace: old, step, compareVariant } = get();
      if (variant === old.variant) return;
      // Picking the compared kernel swaps the two sides rather than compare a kernel with itself.
      if (compareVariant === variant) set({ compareVariant: old.variant, compareTrace: traceFor(scenarioKey, scenario, old.variant, schedule) });
      // The schedule stays: it is an input like the scenario, even if this kernel cannot honour it.
      const trace = traceFor(scenarioKey, scenario, variant, schedule);
      // Sitting on the old verdict means "show me how it ends": keep that meaning.
      const atEnd = step === interestingStep(old);
      set({ variant, trace, step: atEnd ? interestingStep(trace) : clampStep(trace, step) });
    },
    setSchedule: (next) => {
      const { scenarioKey, scenario, variant, compareVariant, schedule } = get();
      if (sameSchedule(next, schedule)) return;
      const sched = ownSchedule(next);
      const trace = traceFor(scenarioKey, scenario, variant, sched);
      set({
        schedule: sched,
        trace,
        compareTrace: compareVariant ? traceFor(scenarioKey, scenario, compareVariant, sched) : null,
        step: interestingStep(trace),
        playing: false,
      });
    },
    setCompareVariant: (compareVariant) => {
      const { scenarioKey, scenario, schedule } = get();
      set({ compareVariant, compareTrace: compareVariant ? traceFor(scenarioKey, scenario, compareVariant, schedule) : null });
    },
  };
};
