/**
 * GalleryFilterBar.tsx - the search box and the filters of the preset gallery. The choices are the
 * engine's own lists (preset kinds, the seed's dependency types and locations, the kernel
 * variants, the outcome kinds).
 */
import { OUTCOME_KINDS, PRESET_KINDS, PRESET_KIND_LABELS, SEED_DEP_TYPES, VARIANTS, VARIANT_IDS } from '@engine';
import { EMPTY_FILTER, isFiltering, type GalleryFilter } from './galleryFilter';

interface Props {
  filter: GalleryFilter;
  onChange: (f: GalleryFilter) => void;
  shown: number;
  total: number;
}

export function GalleryFilterBar({ filter, onChange, shown, total }: Props) {
  const set = <K extends keyof GalleryFilter>(k: K, v: GalleryFilter[K]) => onChange({ ...filter, [k]: v });
  return (
    <div className="gallery-filters" role="search" aria-label="Filter presets">
      <input
        type="search"
        className="gallery-search"
        placeholder="Search presets (id, title, story)"
        aria-label="Search presets"
        value={filter.query}
        maxLength={200}
        onChange={(e) => set('query', e.target.value)}
        data-testid="gallery-search"
      />
      <label>
        show
        <select value={filter.kind} onChange={(e) => set('kind', e.target.value as GalleryFilter['kind'])} data-testid="filter-kind">
          <option value="">all presets</option>
          {PRESET_KINDS.map((k) => (
            <option key={k} value={k}>
              {PRESET_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        situation
        <select
          value={String(filter.situation)}
          onChange={(e) => set('situation', e.target.value ? (Number(e.target.value) as 1 | 2 | 3) : '')}
          data-testid="filter-situation"
        >
          <option value="">any</option>
          {([1, 2, 3] as const).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label>
        dependency type
        <select value={filter.depType} onChange={(e) => set('depType', e.target.value as GalleryFilter['depType'])} data-testid="filter-deptype">
          <option value="">any</option>
          {SEED_DEP_TYPES.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label>
        location
        <select value={filter.location} onChange={(e) => set('location', e.target.value as GalleryFilter['location'])} data-testid="filter-location">
          <option value="">any</option>
          <option value="i">(i) waits for COMING</option>
          <option value="ii">(ii) no reference</option>
        </select>
      </label>
      <label>
        on
        <select value={filter.variant} onChange={(e) => set('variant', e.target.value as GalleryFilter['variant'])} data-testid="filter-variant">
          <option value="">any kernel</option>
          {VARIANT_IDS.map((v) => (
            <option key={v} value={v}>
              {VARIANTS[v].short}
            </option>
          ))}
        </select>
      </label>
      <label>
        gives
        <select value={filter.outcome} onChange={(e) => set('outcome', e.target.value as GalleryFilter['outcome'])} data-testid="filter-outcome">
          <option value="">any outcome</option>
          {OUTCOME_KINDS.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <span className="gallery-count" aria-live="polite" data-testid="gallery-count">
        {shown} of {total}
      </span>
      {isFiltering(filter) && (
        <button type="button" onClick={() => onChange(EMPTY_FILTER)} data-testid="filter-clear">
          Clear
        </button>
      )}
    </div>
  );
}
