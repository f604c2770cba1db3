/**
 * facets.ts - what the gallery filters presets by, derived from the presets themselves so that the
 * UI never re-spells a preset's situation, dependency types, deadlock locations or outcomes:
 * - kind: the seed patch's situations, the kernel selftest cases (selftests.ts), or the rest;
 * - situation: the preset's own `situation` field (seed.ts);
 * - depTypes: the seed's types A-D of the scenario's symbol dependencies, as the dependency graph
 *   types them on the split POC (analysis/dependencyGraph.ts; the types are about per-object
 *   modules, which only the split kernels build);
 * - locations: the seed's locations (rules/seed.ts) of the deadlocks and stalls the preset expects
 *   on any kernel;
 * - outcomes: the expected outcome per kernel variant (the presets' `expected`).
 */
import type { Preset } from './types';
import type { VariantId } from '../model/variant';
import type { OutcomeKind } from '../model/trace';
import { seedLocationOf, type SeedLocation } from '../rules/seed';
import { dependencyGraph } from '../analysis/dependencyGraph';
import { SELFTEST_PRESETS } from './selftests';

export type PresetKind = 'seed' | 'selftest' | 'other';
export type SeedDepType = 'A' | 'B' | 'C' | 'D';

export const PRESET_KINDS: readonly PresetKind[] = ['seed', 'selftest', 'other'];
export const SEED_DEP_TYPES: readonly SeedDepType[] = ['A', 'B', 'C', 'D'];
export const PRESET_KIND_LABELS: Readonly<Record<PresetKind, string>> = {
  seed: "seed patch's situations",
  selftest: 'kernel selftests',
  other: 'other presets',
};

export interface PresetFacets {
  kind: PresetKind;
  situation?: 1 | 2 | 3;
  depTypes: SeedDepType[];
  locations: SeedLocation[];
  outcomes: Partial<Record<VariantId, OutcomeKind>>;
}

const SELFTEST_IDS = new Set(SELFTEST_PRESETS.map((p) => p.id));
const cache = new WeakMap<Preset, PresetFacets>();

export function presetFacets(p: Preset): PresetFacets {
  const hit = cache.get(p);
  if (hit) return hit;
  const kind: PresetKind = p.seed ? 'seed' : SELFTEST_IDS.has(p.id) ? 'selftest' : 'other';
  const types = new Set<SeedDepType>();
  if (p.scenario.livepatches?.length) {
    for (const e of dependencyGraph(p.scenario, 'split').edges) {
      if (e.type === 'A' || e.type === 'B' || e.type === 'C' || e.type === 'D') types.add(e.type);
    }
  }
  const locations = new Set<SeedLocation>();
  const outcomes: Partial<Record<VariantId, OutcomeKind>> = {};
  for (const [v, e] of Object.entries(p.expected) as [VariantId, NonNullable<Preset['expected'][VariantId]>][]) {
    outcomes[v] = e.outcome;
    const loc = e.location ? seedLocationOf(e.location) : undefined;
    if (loc) locations.add(loc);
  }
  const facets: PresetFacets = {
    kind,
    situation: p.situation,
    depTypes: SEED_DEP_TYPES.filter((t) => types.has(t)),
    locations: (['i', 'ii'] as const).filter((l) => locations.has(l)),
    outcomes,
  };
  cache.set(p, facets);
  return facets;
}
