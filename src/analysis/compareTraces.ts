/**
 * compareTraces.ts - where two runs of one scenario (two kernel variants) first behave
 * differently: the first step after which the kernel states differ, or where one run does
 * something else than the other (another function, another line printed). Both runs are the
 * same program until then, step for step, so their step numbers agree up to that point.
 *
 * This is not where their output first differs: 19/23 acts (klp_break_recursion() instead of a
 * wait) many steps before anything printed changes.
 */
import type { Trace, TraceStep } from '../model/trace';
import { fingerprint } from '../rules/fingerprint';
import { replaySteps } from '../engine/replay';

export interface StepDivergence {
  /** The first step of both runs whose record or resulting state differs. */
  step: number;
  /** 'step': the runs did different things at this step; 'state': the same thing, to different kernel states; 'end': one run ended here. */
  reason: 'step' | 'state' | 'end';
  /** What each run did at that step (null: the run had ended). */
  a: TraceStep | null;
  b: TraceStep | null;
}

/** What a user sees of a step: who ran, what it did, what it printed. */
function sameRecord(x: TraceStep, y: TraceStep): boolean {
  return (
    x.label === y.label &&
    x.kind === y.kind &&
    x.fn === y.fn &&
    x.text === y.text &&
    (x.dmesg ?? []).join('\n') === (y.dmesg ?? []).join('\n') &&
    JSON.stringify(x.out ?? []) === JSON.stringify(y.out ?? [])
  );
}

/** The first step where `a` and `b` differ, or null when they are the same run. */
export function firstStepDivergence(a: Trace, b: Trace): StepDivergence | null {
  const n = Math.min(a.steps.length, b.steps.length);
  let first = -1;
  for (let i = 0; i < n; i++) {
    if (!sameRecord(a.steps[i], b.steps[i])) {
      first = i;
      break;
    }
  }
  // Same records so far: find the first state that differs, comparing worlds step by step.
  const upTo = first < 0 ? n : first;
  const fa: string[] = [];
  replaySteps(a, (i, w) => {
    if (i >= upTo) return false;
    fa.push(fingerprint(w));
  });
  let state = -1;
  replaySteps(b, (i, w) => {
    if (i >= upTo) return false;
    if (fingerprint(w) !== fa[i]) {
      state = i;
      return false;
    }
  });
  if (state >= 0) return { step: state, reason: 'state', a: a.steps[state], b: b.steps[state] };
  if (first >= 0) return { step: first, reason: 'step', a: a.steps[first], b: b.steps[first] };
  if (a.steps.length !== b.steps.length) return { step: n, reason: 'end', a: a.steps[n] ?? null, b: b.steps[n] ?? null };
  return null;
}
