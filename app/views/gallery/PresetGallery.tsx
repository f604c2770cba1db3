/**
 * PresetGallery.tsx - every preset with its story and what each kernel variant does with it; the
 * seed's situations come first (PRESETS is ordered so).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { PRESETS, VARIANTS, type VariantId } from '@engine';
import { useStore } from '../../store';
import { outcomeBadge, shortOutcome } from '../outcome/outcomeText';
import { loadFilter, presetMatches, saveFilter, type GalleryFilter } from './galleryFilter';
import { GalleryFilterBar } from './GalleryFilterBar';

export function PresetGallery() {
  const open = useStore((s) => s.galleryOpen);
  const setOpen = useStore((s) => s.setGalleryOpen);
  const current = useStore((s) => s.presetId);
  const openPreset = useStore((s) => s.openPreset);
  const dialog = useRef<HTMLDivElement>(null);
  const [filter, setFilterState] = useState<GalleryFilter>(loadFilter);
  const setFilter = (f: GalleryFilter) => {
    setFilterState(f);
    saveFilter(f);
  };
  const shown = useMemo(() => (open ? PRESETS.filter((p) => presetMatches(p, filter)) : []), [open, filter]);
  useEffect(() => {
    if (!open) return;
    const prev = document.activeElement as HTMLElement | null;
    dialog.current?.querySelector<HTMLElement>('.preset-card.is-current button, .preset-card button')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      prev?.focus();
    };
  }, [open, setOpen]);
  if (!open) return null;
  return (
    <div className="modal-backdrop" onClick={() => setOpen(false)}>
      <div className="modal gallery" role="dialog" aria-modal="true" aria-labelledby="gallery-title" ref={dialog} onClick={(e) => e.stopPropagation()} data-testid="gallery">
        <header className="modal-head">
          <h2 id="gallery-title">Presets</h2>
          <span className="panel-hint">the seed patch's situations first; each card says what every kernel variant does</span>
          <button type="button" className="icon-btn" onClick={() => setOpen(false)} aria-label="Close presets">
            ✕
          </button>
        </header>
        <GalleryFilterBar filter={filter} onChange={setFilter} shown={shown.length} total={PRESETS.length} />
        {shown.length === 0 && <p className="gallery-empty">No preset matches these filters.</p>}
        <ul className="cards">
          {shown.map((p) => (
            <li key={p.id} className={`preset-card${p.id === current ? ' is-current' : ''}${p.seed ? ' is-seed' : ''}`} data-testid="preset-card" data-id={p.id}>
              <button
                type="button"
                onClick={() => {
                  openPreset(p.id);
                  setOpen(false);
                }}
                aria-label={`Open ${p.id}: ${p.title}, in ${VARIANTS[p.variant].label}`}
              >
                <div className="card-title">
                  <span className="preset-id">{p.id}</span> {p.title}
                </div>
                {p.seed && <span className="seed-chip">{p.seed}</span>}
                <p className="card-summary">{p.summary}</p>
                <ul className="expects">
                  {(Object.keys(p.expected) as VariantId[]).map((v) => {
                    const e = p.expected[v]!;
                    return (
                      <li key={v} className={`tone-${outcomeBadge(e.outcome).tone}${v === p.variant ? ' is-own' : ''}`} title={v === p.variant ? 'the kernel this preset is about: it opens in it' : undefined}>
                        <span className="v">{VARIANTS[v].short}:</span> {shortOutcome(e)}
                        {v === p.variant && <span className="opens-in"> · opens here</span>}
                      </li>
                    );
                  })}
                </ul>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
