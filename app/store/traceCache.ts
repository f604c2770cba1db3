/**
 * traceCache.ts - run() once per (scenario, variant, schedule): switching variants back and forth,
 * comparing two of them or flipping between interleavings must not re-run the engine, and the
 * same Trace object keeps worldAt's per-trace replay state warm.
 */
import { run, type Granularity, type Scenario, type Trace, type VariantId } from '@engine';

const cache = new Map<string, Trace>();
const MAX = 24;
/**
 * Traces hold a record per step: beyond this many steps in all, the oldest are dropped (a few big
 * scenarios at the step limit must not add up to more memory than a tab has).
 */
const MAX_STEPS = 200_000;

function cachedSteps(): number {
  let n = 0;
  for (const t of cache.values()) n += t.steps.length;
  return n;
}

/**
 * `schedule`: task labels to pick at successive scheduling choices; [] is the default (FIFO).
 * `granularity`: which choices the schedule's picks are made at (model/trace.ts).
 */
export function traceFor(key: string, scenario: Scenario, variant: VariantId, schedule: readonly string[] = [], granularity: Granularity = 'default'): Trace {
  // Labels never contain a comma (see parseHash's SCHEDULE_LABEL), so the join is unambiguous.
  const id = `${key}\u0000${variant}\u0000${schedule.join(',')}\u0000${granularity}`;
  let t = cache.get(id);
  if (!t) {
    t = run(scenario, { variant, schedule: [...schedule], granularity });
    if (cache.size >= MAX) cache.delete(cache.keys().next().value!);
    while (cache.size && cachedSteps() + t.steps.length > MAX_STEPS) cache.delete(cache.keys().next().value!);
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
