/**
 * galleryFilter.ts - the preset gallery's search and filters. Every fact a filter tests comes from
 * the engine's presetFacets() (the preset's own fields, its dependency graph and its
 * expectations); this file only holds what the user picked and keeps it across reloads in
 * localStorage. A stored value the page cannot read is dropped field by field, never trusted.
 */
import {
  OUTCOME_KINDS,
  PRESET_KINDS,
  SEED_DEP_TYPES,
  isVariantId,
  presetFacets,
  type OutcomeKind,
  type Preset,
  type PresetKind,
  type SeedDepType,
  type SeedLocation,
  type VariantId,
} from '@engine';

export const FILTER_KEY = 'klp-playground:gallery-filter';

export interface GalleryFilter {
  /** Words that must all appear in the id, title, seed name or summary (case-insensitive). */
  query: string;
  kind: PresetKind | '';
  situation: 1 | 2 | 3 | '';
  depType: SeedDepType | '';
  location: SeedLocation | '';
  /** "what a variant's run gives": both set, or the outcome on any variant when variant is ''. */
  variant: VariantId | '';
  outcome: OutcomeKind | '';
}

export const EMPTY_FILTER: GalleryFilter = { query: '', kind: '', situation: '', depType: '', location: '', variant: '', outcome: '' };

export function isFiltering(f: GalleryFilter): boolean {
  return (Object.keys(EMPTY_FILTER) as (keyof GalleryFilter)[]).some((k) => f[k] !== EMPTY_FILTER[k]);
}

export function presetMatches(p: Preset, f: GalleryFilter): boolean {
  const facets = presetFacets(p);
  if (f.kind && facets.kind !== f.kind) return false;
  if (f.situation && facets.situation !== f.situation) return false;
  if (f.depType && !facets.depTypes.includes(f.depType)) return false;
  if (f.location && !facets.locations.includes(f.location)) return false;
  if (f.variant && !(f.variant in facets.outcomes)) return false;
  if (f.outcome) {
    const outcomes = f.variant ? [facets.outcomes[f.variant]] : Object.values(facets.outcomes);
    if (!outcomes.includes(f.outcome)) return false;
  }
  const words = f.query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length) {
    const text = `${p.id} ${p.title} ${p.seed ?? ''} ${p.summary}`.toLowerCase();
    if (!words.every((w) => text.includes(w))) return false;
  }
  return true;
}

const oneOf = <T>(list: readonly T[], v: unknown): v is T => list.includes(v as T);

/** A filter from stored JSON: each field kept only if it is one the gallery offers. */
export function readFilter(raw: string | null): GalleryFilter {
  if (!raw) return EMPTY_FILTER;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return EMPTY_FILTER;
  }
  if (!v || typeof v !== 'object') return EMPTY_FILTER;
  const o = v as Record<string, unknown>;
  return {
    query: typeof o.query === 'string' ? o.query.slice(0, 200) : '',
    kind: oneOf(PRESET_KINDS, o.kind) ? o.kind : '',
    situation: oneOf([1, 2, 3] as const, o.situation) ? o.situation : '',
    depType: oneOf(SEED_DEP_TYPES, o.depType) ? o.depType : '',
    location: oneOf(['i', 'ii'] as const, o.location) ? o.location : '',
    variant: typeof o.variant === 'string' && isVariantId(o.variant) ? o.variant : '',
    outcome: oneOf(OUTCOME_KINDS, o.outcome) ? o.outcome : '',
  };
}

export function loadFilter(): GalleryFilter {
  try {
    return readFilter(window.localStorage?.getItem(FILTER_KEY) ?? null);
  } catch {
    return EMPTY_FILTER;
  }
}

export function saveFilter(f: GalleryFilter): void {
  try {
    if (isFiltering(f)) window.localStorage?.setItem(FILTER_KEY, JSON.stringify(f));
    else window.localStorage?.removeItem(FILTER_KEY);
  } catch {
    // Storage full or denied: the filter still works for this visit.
  }
}
