/**
 * scenarioSlice.ts - the inputs (a preset or a custom scenario, the kernel variant, the schedule,
 * the variant to compare with) and the traces computed from them.
 */
import type { StateCreator } from 'zustand';
import { DEFAULT_PRESET_ID, getPreset, type Granularity, type Scenario, type Trace, type VariantId } from '@engine';
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
  /**
   * The granularity the schedule's picks are made at ('fine': also after every step that touches
   * shared state). It belongs to the schedule: with the default schedule both run alike.
   */
  granularity: Granularity;
  trace: Trace;
  compareVariant: VariantId | null;
  compareTrace: Trace | null;
}

export interface ScenarioActions {
  /** Opens a preset; the step defaults to the outcome step, the schedule to FIFO. */
  openPreset: (id: string, step?: number, schedule?: readonly string[], granularity?: Granularity) => void;
  openScenario: (scenario: Scenario, key: string, step?: number, schedule?: readonly string[], granularity?: Granularity) => void;
  setVariant: (v: VariantId) => void;
  /** Replays the scenario with another schedule (an interleaving) and opens it on its outcome. */
  setSchedule: (schedule: readonly string[], granularity?: Granularity) => void;
  /** Opens an interleaving found in another kernel: the variant and the schedule at once. */
  openInterleaving: (variant: VariantId, schedule: readonly string[], granularity: Granularity) => void;
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
    schedule: DEFAULT_SCHEDULE,
    granularity: 'default',
    trace: traceFor(`preset:${preset.id}`, preset.scenario, variant),
    compareVariant: null,
    compareTrace: null,
  };
}

export const createScenarioSlice: StateCreator<Store, [], [], ScenarioSlice> = (set, get) => {
  const load = (presetId: string | null, key: string, scenario: Scenario, step?: number, schedule: readonly string[] = DEFAULT_SCHEDULE, granularity: Granularity = 'default'): void => {
    const { variant, compareVariant } = get();
    const sched = ownSchedule(schedule);
    const gran = sched.length ? granularity : 'default';
    const trace = traceFor(key, scenario, variant, sched, gran);
    set({
      presetId,
      scenarioKey: key,
      scenario,
      schedule: sched,
      granularity: gran,
      trace,
      compareTrace: compareVariant ? traceFor(key, scenario, compareVariant, sched, gran) : null,
      step: step === undefined ? interestingStep(trace) : clampStep(trace, step),
      playing: false,
      selectedTask: null,
    });
  };
  return {
    ...initialScenario(),
    openPreset: (id, step, schedule, granularity) => {
      const p = getPreset(id);
      if (!p) return;
      load(p.id, `preset:${p.id}`, p.scenario, step, schedule, granularity);
    },
    openScenario: (scenario, key, step, schedule, granularity) => load(null, key, scenario, step, schedule, granularity),
    setVariant: (variant) => {
      const { scenarioKey, scenario, schedule, granularity, trace: old, step } = get();
      if (variant === old.variant) return;
      // The schedule stays: it is an input like the scenario, even if this kernel cannot honour it.
      const trace = traceFor(scenarioKey, scenario, variant, schedule, granularity);
      // Sitting on the old verdict means "show me how it ends": keep that meaning.
      const atEnd = step === interestingStep(old);
      set({ variant, trace, step: atEnd ? interestingStep(trace) : clampStep(trace, step) });
    },
    setSchedule: (next, granularity = 'default') => {
      const { scenarioKey, scenario, variant, compareVariant, schedule, granularity: was } = get();
      const sched = ownSchedule(next);
      const gran = sched.length ? granularity : 'default';
      if (sameSchedule(sched, schedule) && gran === was) return;
      const trace = traceFor(scenarioKey, scenario, variant, sched, gran);
      set({
        schedule: sched,
        granularity: gran,
        trace,
        compareTrace: compareVariant ? traceFor(scenarioKey, scenario, compareVariant, sched, gran) : null,
        step: interestingStep(trace),
        playing: false,
      });
    },
    openInterleaving: (variant, next, granularity) => {
      const { scenarioKey, scenario, compareVariant } = get();
      const sched = ownSchedule(next);
      const gran = sched.length ? granularity : 'default';
      const trace = traceFor(scenarioKey, scenario, variant, sched, gran);
      set({
        variant,
        schedule: sched,
        granularity: gran,
        trace,
        compareTrace: compareVariant ? traceFor(scenarioKey, scenario, compareVariant, sched, gran) : null,
        step: interestingStep(trace),
        playing: false,
      });
    },
    setCompareVariant: (compareVariant) => {
      const { scenarioKey, scenario, schedule, granularity } = get();
      set({ compareVariant, compareTrace: compareVariant ? traceFor(scenarioKey, scenario, compareVariant, schedule, granularity) : null });
    },
  };
};
