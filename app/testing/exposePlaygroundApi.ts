/**
 * exposePlaygroundApi.ts - window.__playground: a read-only view of engine facts for end-to-end
 * tests (and curious users), so specs compare kernel state without scraping the DOM; and one door
 * in, openUnchecked(), through which a spec hands the simulator an input it fails on. Present in
 * every build on purpose: the e2e suite runs against the production bundle.
 */
import { fingerprint, firstStepDivergence, type Outcome, type Scenario, type VariantId } from '@engine';
import { useStore } from '../store';
import { worldAtCached } from '../store/worldCache';

export interface PlaygroundApi {
  readonly presetId: string | null;
  readonly variant: VariantId;
  /** Task labels picked at successive scheduling choices; [] = the default (FIFO). */
  readonly schedule: string[];
  /** The granularity of the schedule's picks. */
  readonly granularity: string;
  readonly compareVariant: VariantId | null;
  readonly step: number;
  readonly stepCount: number;
  readonly outcome: Outcome;
  readonly playing: boolean;
  /** Fingerprint of the kernel state right after the current step. */
  fingerprint(): string;
  /** The first step where the variant and the compared one behave differently, if comparing. */
  divergence(): { step: number; reason: string } | null;
  /**
   * Opens any object as the playground's scenario without the page's validation in front, as an
   * input that makes the simulator fail would arrive: the page must show the failure and the
   * input and stay alive.
   */
  openUnchecked(input: unknown): void;
}

declare global {
  interface Window {
    __playground?: PlaygroundApi;
  }
}

export function exposePlaygroundApi(): void {
  const s = () => useStore.getState();
  const api: PlaygroundApi = {
    get presetId() { return s().presetId; },
    get variant() { return s().variant; },
    get schedule() { return [...s().schedule]; },
    get granularity() { return s().granularity; },
    get compareVariant() { return s().compareVariant; },
    get step() { return s().step; },
    get stepCount() { return s().trace.steps.length; },
    get outcome() { return structuredClone(s().trace.outcome); },
    get playing() { return s().playing; },
    fingerprint: () => fingerprint(worldAtCached(s().trace, s().step)),
    divergence: () => {
      const { trace, compareTrace } = s();
      const d = compareTrace ? firstStepDivergence(trace, compareTrace) : null;
      return d ? { step: d.step, reason: d.reason } : null;
    },
    openUnchecked: (input) => s().openScenario(input as Scenario, `unchecked:${JSON.stringify(input)}`),
  };
  Object.defineProperty(window, '__playground', { value: Object.freeze(api), configurable: true });
}
