/**
 * Tour.tsx - the guided first visit: a card that walks the default preset's recursion stop by
 * stop (tourStops.ts) and moves the timeline to each stop's step. Shown once, on the default
 * preset, until dismissed (remembered in localStorage); About offers it again.
 */
import { useEffect, useMemo, useRef } from 'react';
import { DEFAULT_PRESET_ID, getPreset } from '@engine';
import { useStore } from '../../store';
import { tourStops } from './tourStops';

/** localStorage: 'done' once the tour was finished or dismissed. */
export const TOUR_KEY = 'klp-playground:tour';

function tourDone(): boolean {
  try {
    return window.localStorage?.getItem(TOUR_KEY) === 'done';
  } catch {
    return true; // No storage (a locked-down browser): never nag on every visit.
  }
}

function rememberDone(): void {
  try {
    window.localStorage?.setItem(TOUR_KEY, 'done');
  } catch {
    // Nothing to remember with: the tour shows again next visit.
  }
}

/** On the first visit to the default preset, open the tour once. */
export function useFirstVisitTour(): void {
  useEffect(() => {
    const s = useStore.getState();
    if (s.view === 'playground' && s.presetId === DEFAULT_PRESET_ID && !s.compareVariant && !tourDone()) s.setTour(true, 0);
  }, []);
}

/** From About: the default preset in its own kernel, and the tour from its first stop. */
export function startTour(): void {
  const s = useStore.getState();
  s.setAboutOpen(false);
  s.setView('playground');
  s.setCompareVariant(null);
  if (s.presetId !== DEFAULT_PRESET_ID) s.openPreset(DEFAULT_PRESET_ID);
  useStore.getState().setTour(true, 0);
}

export function Tour() {
  const open = useStore((s) => s.tourOpen);
  const n = useStore((s) => s.tourStop);
  const trace = useStore((s) => s.trace);
  const view = useStore((s) => s.view);
  // The tour tells the default preset's story: on any other it waits, hidden.
  const here = useStore((s) => s.presetId === DEFAULT_PRESET_ID && s.compareVariant === null);
  const setTour = useStore((s) => s.setTour);
  const setStep = useStore((s) => s.setStep);
  const stops = useMemo(() => {
    if (!open) return [];
    const preset = getPreset(DEFAULT_PRESET_ID);
    return tourStops(trace, preset?.seed ?? preset?.title);
  }, [open, trace]);
  const stop = stops[Math.min(n, stops.length - 1)];
  const card = useRef<HTMLDivElement>(null);
  // Each stop moves the timeline to its step.
  useEffect(() => {
    if (open && here && stop) setStep(stop.step);
  }, [open, here, stop, setStep]);
  useEffect(() => {
    if (open) card.current?.focus({ preventScroll: true });
  }, [open, n]);
  if (!open || !here || !stop || view !== 'playground') return null;
  const close = () => {
    rememberDone();
    setTour(false);
  };
  const last = n >= stops.length - 1;
  return (
    <div className="tour" role="dialog" aria-modal="false" aria-labelledby="tour-title" data-testid="tour" data-stop={stop.id} tabIndex={-1} ref={card}>
      <div className="tour-head">
        <span className="tour-count">
          {Math.min(n, stops.length - 1) + 1} / {stops.length}
        </span>
        <h2 id="tour-title">{stop.title}</h2>
        <button type="button" className="tour-x" onClick={close} aria-label="Close the tour" data-testid="tour-close">
          ×
        </button>
      </div>
      <p className="tour-body">{stop.body}</p>
      <div className="tour-actions">
        {last ? (
          <span className="tour-spacer" />
        ) : (
          <button type="button" className="link" onClick={close} data-testid="tour-skip">
            Skip the tour
          </button>
        )}
        <span className="tour-step">step {stop.step}</span>
        <button type="button" disabled={n === 0} onClick={() => setTour(true, n - 1)} data-testid="tour-back">
          Back
        </button>
        {last ? (
          <button type="button" className="primary" onClick={close} data-testid="tour-done">
            Done
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => setTour(true, n + 1)} data-testid="tour-next">
            Next
          </button>
        )}
      </div>
    </div>
  );
}
