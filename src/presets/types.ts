/**
 * types.ts - a preset: a scenario with a story for newcomers and the outcome the kernel gives in
 * each variant. The expectations are checked by presets.test.ts.
 */
import type { Scenario } from '../model/scenario';
import type { VariantId } from '../model/variant';
import type { OutcomeKind } from '../model/trace';

export interface Expectation {
  outcome: OutcomeKind;
  /** Kernel function of the deadlock or stall. */
  location?: string;
  /** Task labels on the cycle, starting anywhere. */
  cycle?: string[];
  /** Lines that must appear in dmesg, in this order (others may come between). */
  dmesg?: string[];
  /** Lines that must not appear in dmesg. */
  notDmesg?: string[];
  /** User-space lines (stdout/stderr) that must appear, in this order. */
  userspace?: string[];
  notUserspace?: string[];
  /** dmesg must end with exactly this line (e.g. nothing after the taint line of a deadlock). */
  lastDmesg?: string;
  /** Simulator warnings that must be raised (substring match), or [] for none. */
  warnings?: string[];
  /** Why the outcome is what it is when it surprises, with the source that decided. */
  note?: string;
  /**
   * What this kernel does differently from the v5.5 kernels here and why, in kernel terms (every
   * v7.1 expectation has one; the UI shows it under the verdict).
   */
  why?: string;
  /** Kernel functions the expectation rests on: each must be called in the run (checked by the test). */
  cites?: string[];
  /** Functions that must never be called in the run (19/23's hook on v7.1). */
  notReached?: string[];
}

export interface Preset {
  id: string;
  title: string;
  /** For a newcomer: what happens and why it matters, in a few sentences. */
  summary: string;
  /** The kernel the preset is about: it opens in this variant unless asked for another. */
  variant: VariantId;
  /** The seed patch's name for it, e.g. 'situation 2 (type C)'. */
  seed?: string;
  /** The seed patch's situation number (1: type B, 2: type C, 3: type D), for filtering. */
  situation?: 1 | 2 | 3;
  scenario: Scenario;
  expected: Partial<Record<VariantId, Expectation>>;
}
