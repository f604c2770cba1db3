/**
 * firstDivergence.ts - where two runs of one scenario (two kernel variants) first differ in what
 * a user can see: the dmesg and user-space output, line by line, then the outcome.
 *
 * Output is compared as a sequence rather than step by step, because a variant that takes one
 * extra internal step (e.g. klp_break_recursion) shifts every later step index without changing
 * anything visible.
 */
import type { Trace } from '../model/trace';

export interface Divergence {
  /** Step of the primary trace where it first differs (its last step if its output ran out). */
  stepA: number;
  stepB: number;
  /** Index of the first differing output line (both streams merged in emission order). */
  line: number;
  lineA: string | null;
  lineB: string | null;
  reason: 'output' | 'outcome';
}

export interface OutLine {
  step: number;
  text: string;
  kind: 'dmesg' | 'cmd' | 'stdout' | 'stderr' | 'exit';
  task: string;
}

/** dmesg and user-space lines of a whole run, in the order they were emitted. */
export function transcript(t: Trace): OutLine[] {
  const lines: OutLine[] = [];
  for (const s of t.steps) {
    for (const text of s.dmesg ?? []) lines.push({ step: s.i, text, kind: 'dmesg', task: s.label });
    for (const o of s.out ?? []) lines.push({ step: s.i, text: o.text, kind: o.stream, task: s.label });
  }
  return lines;
}

const same = (a: OutLine | undefined, b: OutLine | undefined): boolean =>
  !!a && !!b && a.kind === b.kind && a.text === b.text && a.task === b.task;

export function firstDivergence(a: Trace, b: Trace): Divergence | null {
  const ta = transcript(a);
  const tb = transcript(b);
  const lastA = a.steps.length - 1;
  const lastB = b.steps.length - 1;
  const n = Math.max(ta.length, tb.length);
  for (let k = 0; k < n; k++) {
    if (same(ta[k], tb[k])) continue;
    return {
      stepA: ta[k]?.step ?? lastA,
      stepB: tb[k]?.step ?? lastB,
      line: k,
      lineA: ta[k]?.text ?? null,
      lineB: tb[k]?.text ?? null,
      reason: 'output',
    };
  }
  const oa = a.outcome;
  const ob = b.outcome;
  if (oa.kind !== ob.kind || oa.summary !== ob.summary) {
    return { stepA: Math.min(oa.step, lastA), stepB: Math.min(ob.step, lastB), line: n, lineA: null, lineB: null, reason: 'outcome' };
  }
  return null;
}
