/**
 * explore.ts - the interleaving explorer's entry points: explore() searches every scheduling
 * choice of a scenario in one kernel (search.ts does the work), exploreVariants() does it in every
 * kernel for a side-by-side matrix. Both run to the end in one call; a caller with a clock (the
 * CLI, the web worker) drives a Search in chunks instead, to show progress and to stop in time.
 */
import { VARIANT_IDS, type VariantId } from '../model/variant';
import { Search, type Exploration, type SearchOptions } from './search';
import type { Trace } from '../model/trace';
import { outcomeGroupKey } from './outcomeGroups';
import { symmetryOf } from './stateKey';

export type ExploreOptions = SearchOptions;

/** Choices a search takes between two looks at the caller's limits. */
export const CHUNK = 2048;

export function explore(input: unknown, opts: ExploreOptions = {}): Exploration {
  const s = new Search(input, opts);
  while (!s.run(CHUNK));
  return s.result();
}

/** The same scenario explored in every kernel variant. */
export function exploreVariants(input: unknown, opts: Omit<ExploreOptions, 'variant'> = {}, variants: readonly VariantId[] = VARIANT_IDS): Exploration[] {
  return variants.map((variant) => explore(input, { ...opts, variant }));
}

/** The outcome group a run ends in: the key of the explorer's finding that matches it. */
export function outcomeGroupOf(t: Pick<Trace, 'outcome' | 'final' | 'scenario'>): string {
  return outcomeGroupKey(t.outcome, t.final, symmetryOf(t.scenario));
}

export { Search, STRETCH_LIMIT } from './search';
export type { Exploration, Finding, Progress, SearchOptions, StopReason } from './search';
