/**
 * traceCache.ts - run() once per (scenario, variant): switching variants back and forth or
 * comparing two of them must not re-run the engine, and the same Trace object keeps worldAt's
 * per-trace replay state warm.
 */
import { run, type Scenario, type Trace, type VariantId } from '@engine';

const cache = new Map<string, Trace>();
const MAX = 24;

export function traceFor(key: string, scenario: Scenario, variant: VariantId): Trace {
  const id = `${key}\u0000${variant}`;
  let t = cache.get(id);
  if (!t) {
    t = run(scenario, { variant });
    if (cache.size >= MAX) cache.delete(cache.keys().next().value!);
    cache.set(id, t);
  }
  return t;
}

/** The step a view opens at: where the verdict became known, the most telling moment. */
export function interestingStep(trace: Trace): number {
  return Math.max(0, Math.min(trace.outcome.step, trace.steps.length - 1));
}
