/**
 * check.ts - the rule every input must keep (issue 8): a scenario either is rejected by
 * validation, naming the field and the reason, or it runs to a classified outcome within the step
 * limit, and every step of its trace can be replayed. Anything else (an exception from inside the
 * engine, an outcome the engine does not know, a run past the limit) is a failure.
 *
 * The wall-clock bound is checked by the fuzz runner (main.ts), never by a unit test.
 */
import { run } from '../engine/run';
import { worldAt } from '../engine/replay';
import { ScenarioError, validateScenario } from '../scenario/validate';
import type { OutcomeKind } from '../model/trace';
import type { VariantId } from '../model/variant';
import { DEFAULT_MAX_STEPS } from '../rules/limits';

const OUTCOMES: readonly OutcomeKind[] = ['ok', 'error', 'deadlock', 'stall', 'livelock', 'limit'];

export type Verdict =
  | { kind: 'rejected'; path: string; problem: string }
  | { kind: 'ran'; outcome: OutcomeKind; steps: number }
  | { kind: 'failed'; why: string };

export interface CheckOptions {
  variant: VariantId;
  schedule?: string[];
  maxSteps?: number;
  /** Which step to replay with worldAt() (taken modulo the trace's length). */
  probe?: number;
}

function describe(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}\n${(e.stack ?? '').split('\n').slice(1, 6).join('\n')}`;
  return String(e);
}

/** Validate, run and replay one input; a `failed` verdict says what broke the rule. */
export function checkInput(input: unknown, opts: CheckOptions): Verdict {
  try {
    validateScenario(input);
  } catch (e) {
    if (!(e instanceof ScenarioError)) return { kind: 'failed', why: `validation threw ${describe(e)}` };
    const isObject = typeof input === 'object' && input !== null && !Array.isArray(input);
    if (isObject && !e.path) return { kind: 'failed', why: `rejection names no field: ${e.message}` };
    if (!e.problem) return { kind: 'failed', why: `rejection gives no reason at ${e.path}` };
    return { kind: 'rejected', path: e.path, problem: e.problem };
  }
  const maxSteps = opts.maxSteps ?? DEFAULT_MAX_STEPS;
  let trace;
  try {
    trace = run(input, { variant: opts.variant, schedule: opts.schedule ?? [], maxSteps });
  } catch (e) {
    return { kind: 'failed', why: `run threw ${describe(e)}` };
  }
  const { outcome } = trace;
  if (!OUTCOMES.includes(outcome.kind)) return { kind: 'failed', why: `unknown outcome '${String(outcome.kind)}'` };
  if (typeof outcome.summary !== 'string' || !outcome.summary) return { kind: 'failed', why: 'outcome without a summary' };
  if (trace.final.step > maxSteps) return { kind: 'failed', why: `ran ${trace.final.step} steps past the limit of ${maxSteps}` };
  if (trace.steps.length && opts.probe !== undefined) {
    const at = opts.probe % trace.steps.length;
    try {
      const w = worldAt(trace, at);
      if (w.step !== at + 1 && at + 1 < trace.steps.length) return { kind: 'failed', why: `worldAt(${at}) gave the world of step ${w.step}` };
    } catch (e) {
      return { kind: 'failed', why: `worldAt(${at}) threw ${describe(e)}` };
    }
  }
  return { kind: 'ran', outcome: outcome.kind, steps: trace.final.step };
}
