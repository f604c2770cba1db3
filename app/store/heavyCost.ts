/**
 * heavyCost.ts - what following the step costs the panels that show the kernel state (replaying
 * the world, projecting the dependency graph), per trace, smoothed. While it is cheap, those
 * panels follow every step; when it is not (a 300-module trace), they catch up once the step
 * settles (viewStep.ts), so that scrubbing keeps its frame rate.
 */
import type { Trace } from '@engine';

/** Above this, per step, the panels stop following a moving step live (ms, on this machine). */
export const LIVE_BUDGET_MS = 6;

const cost = new WeakMap<Trace, Record<string, number>>();

/** Records `ms` spent on `part` ('world', 'graph') for one step of `trace`. */
export function recordHeavy(trace: Trace, part: string, ms: number): void {
  const c = cost.get(trace) ?? {};
  c[part] = c[part] === undefined ? ms : c[part] * 0.6 + ms * 0.4;
  cost.set(trace, c);
}

/** Whether following `trace` step by step is too costly to do on every step of a drag. */
export function isHeavy(trace: Trace): boolean {
  const c = cost.get(trace);
  if (!c) return false;
  return Object.values(c).reduce((a, b) => a + b, 0) > LIVE_BUDGET_MS;
}

/** Runs `fn` and records how long it took as `part` of following `trace`. */
export function measureHeavy<T>(trace: Trace, part: string, fn: () => T, minMs = 0): T {
  const t0 = performance.now();
  const out = fn();
  const ms = performance.now() - t0;
  if (ms >= minMs) recordHeavy(trace, part, ms);
  return out;
}
