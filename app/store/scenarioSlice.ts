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
  /**
   * The simulator failed on the scenario asked for: the playground shows this (the error and the
   * input, with a way into the Build view) instead of a stale trace. The scenario, variant and
   * schedule above are the ones asked for, so the address bar keeps the input.
   */
  runError: RunError | null;
}

/** A run that threw: what was asked for and what went wrong. */
export interface RunError {
  message: string;
  scenario: Scenario;
  variant: VariantId;
}

export interface ScenarioActions {
  /**
   * Opens a preset in the kernel it is about (Preset.variant) unless `variant` names another; the
   * step defaults to the outcome step, the schedule to FIFO.
   */
  openPreset: (id: string, step?: number, schedule?: readonly string[], variant?: VariantId, granularity?: Granularity) => void;
  openScenario: (scenario: Scenario, key: string, step?: number, schedule?: readonly string[], granularity?: Granularity) => void;
  setVariant: (v: VariantId) => void;
  /** Replays the scenario with another schedule (an interleaving) and opens it on its outcome. */
  setSchedule: (schedule: readonly string[], granularity?: Granularity) => void;
  /** Opens an interleaving found in another kernel: the variant and the schedule at once. */
  openInterleaving: (variant: VariantId, schedule: readonly string[], granularity: Granularity) => void;
  setCompareVariant: (v: VariantId | null) => void;
  /** Records a failure of the simulator found while rendering (the error boundary's report). */
  setRunError: (e: RunError | null) => void;
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
    granularity: 'default',
    trace: traceFor(`preset:${preset.id}`, preset.scenario, variant),
    compareVariant: null,
    compareTrace: null,
    runError: null,
  };
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export const createScenarioSlice: StateCreator<Store, [], [], ScenarioSlice> = (set, get) => {
  const load = (presetId: string | null, key: string, scenario: Scenario, step?: number, schedule: readonly string[] = DEFAULT_SCHEDULE, variant: VariantId = get().variant, granularity: Granularity = 'default'): void => {
    const sched = ownSchedule(schedule);
    const gran = sched.length ? granularity : 'default';
    // A comparison with the kernel now shown would compare it with itself: keep the old one instead.
    const old = get().variant;
    const compareVariant = get().compareVariant === variant ? (old !== variant ? old : null) : get().compareVariant;
    let trace: Trace;
    let compareTrace: Trace | null;
    try {
      trace = traceFor(key, scenario, variant, sched, gran);
      compareTrace = compareVariant ? traceFor(key, scenario, compareVariant, sched, gran) : null;
    } catch (e) {
      set({ presetId, scenarioKey: key, scenario, schedule: sched, granularity: gran, playing: false, selectedTask: null, runError: { message: messageOf(e), scenario, variant } });
      return;
    }
    set({
      presetId,
      scenarioKey: key,
      scenario,
      variant,
      schedule: sched,
      granularity: gran,
      trace,
      compareVariant,
      compareTrace,
      step: step === undefined ? interestingStep(trace) : clampStep(trace, step),
      playing: false,
      selectedTask: null,
      runError: null,
    });
  };
  /** traceFor(), or null after recording why it failed. */
  const tryTrace = (key: string, scenario: Scenario, variant: VariantId, schedule: readonly string[], granularity: Granularity = get().granularity): Trace | null => {
    try {
      return traceFor(key, scenario, variant, schedule, granularity);
    } catch (e) {
      set({ runError: { message: messageOf(e), scenario, variant }, playing: false });
      return null;
    }
  };
  return {
    ...initialScenario(),
    openPreset: (id, step, schedule, variant, granularity) => {
      const p = getPreset(id);
      if (!p) return;
      load(p.id, `preset:${p.id}`, p.scenario, step, schedule, variant ?? p.variant, granularity);
    },
    openScenario: (scenario, key, step, schedule, granularity) => load(null, key, scenario, step, schedule, undefined, granularity),
    setVariant: (variant) => {
      const { scenarioKey, scenario, schedule, trace: old, step, runError, compareVariant } = get();
      if (variant === old.variant && !runError) return;
      // Picking the compared kernel swaps the two sides rather than compare a kernel with itself.
      if (compareVariant === variant && old.variant !== variant) {
        const swapped = tryTrace(scenarioKey, scenario, old.variant, schedule);
        set(swapped ? { compareVariant: old.variant, compareTrace: swapped } : { compareVariant: null, compareTrace: null });
      }
      // The schedule stays: it is an input like the scenario, even if this kernel cannot honour it.
      set({ variant });
      const trace = tryTrace(scenarioKey, scenario, variant, schedule);
      if (!trace) return;
      // Sitting on the old verdict means "show me how it ends": keep that meaning.
      const atEnd = step === interestingStep(old);
      set({ trace, runError: null, step: atEnd ? interestingStep(trace) : clampStep(trace, step) });
    },
    setSchedule: (next, granularity = 'default') => {
      const { scenarioKey, scenario, variant, compareVariant, schedule, granularity: was } = get();
      const sched = ownSchedule(next);
      const gran = sched.length ? granularity : 'default';
      if (sameSchedule(sched, schedule) && gran === was) return;
      const trace = tryTrace(scenarioKey, scenario, variant, sched, gran);
      const compareTrace = trace && compareVariant ? tryTrace(scenarioKey, scenario, compareVariant, sched, gran) : null;
      if (!trace || (compareVariant && !compareTrace)) return;
      set({ schedule: sched, granularity: gran, trace, compareTrace, step: interestingStep(trace), playing: false });
    },
    openInterleaving: (variant, next, granularity) => {
      const { scenarioKey, scenario, variant: old } = get();
      // As in setVariant(): the compared kernel never becomes the one shown beside itself.
      const compareVariant = get().compareVariant === variant ? (old !== variant ? old : null) : get().compareVariant;
      const sched = ownSchedule(next);
      const gran = sched.length ? granularity : 'default';
      const trace = tryTrace(scenarioKey, scenario, variant, sched, gran);
      const compareTrace = trace && compareVariant ? tryTrace(scenarioKey, scenario, compareVariant, sched, gran) : null;
      if (!trace || (compareVariant && !compareTrace)) return;
      set({ variant, schedule: sched, granularity: gran, trace, compareVariant, compareTrace, step: interestingStep(trace), playing: false, runError: null });
    },
    setCompareVariant: (compareVariant) => {
      const { scenarioKey, scenario, schedule } = get();
      if (!compareVariant) {
        set({ compareVariant, compareTrace: null });
        return;
      }
      const compareTrace = tryTrace(scenarioKey, scenario, compareVariant, schedule);
      set(compareTrace ? { compareVariant, compareTrace } : { compareVariant: null, compareTrace: null });
    },
    setRunError: (runError) => set({ runError, playing: false }),
  };
};
