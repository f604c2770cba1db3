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

/**
 * The step a view opens at, the most telling moment: where a deadlock or the run ends, or, for
 * a stall, the last step before the timeout broke the cycle (afterwards there is none to see).
 */
export function interestingStep(trace: Trace): number {
  const stall = trace.outcome.kind === 'stall' ? trace.final.stalls[0] : undefined;
  const at = stall ? stall.step - 1 : trace.outcome.step;
  return Math.max(0, Math.min(at, trace.steps.length - 1));
}
