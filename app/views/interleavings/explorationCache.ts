/**
 * explorationCache.ts - explore() once per (scenario, variant). A search takes from a few ms to
 * about half a second on the presets; reopening the panel, or coming back to a variant, must not
 * pay for it again.
 */
import { explore, type Exploration, type Scenario, type VariantId } from '@engine';

/** Choice points to visit before giving up; the presets need at most a few thousand. */
export const MAX_STATES = 20_000;

export type ExplorationResult = { ok: true; exploration: Exploration; ms: number } | { ok: false; error: string };

const cache = new Map<string, ExplorationResult>();
const MAX = 16;

const idOf = (key: string, variant: VariantId): string => `${key}\u0000${variant}`;

export function cachedExploration(key: string, variant: VariantId): ExplorationResult | undefined {
  return cache.get(idOf(key, variant));
}

export function exploreCached(key: string, scenario: Scenario, variant: VariantId): ExplorationResult {
  const id = idOf(key, variant);
  let r = cache.get(id);
  if (!r) {
    const t0 = performance.now();
    try {
      r = { ok: true, exploration: explore(scenario, { variant, maxStates: MAX_STATES }), ms: performance.now() - t0 };
    } catch (e) {
      r = { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    if (cache.size >= MAX) cache.delete(cache.keys().next().value!);
    cache.set(id, r);
  }
  return r;
}
