/**
 * Interleavings.tsx - the engine's explorer in the UI: a button next to the verdict that searches
 * every scheduling choice of this scenario in this kernel, and a popover with one row per distinct
 * outcome; "open" replays the shortest schedule that reaches it.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { VARIANTS } from '@engine';
import { useStore } from '../../store';
import { traceFor } from '../../store/traceCache';
import { sameSchedule } from '../../store/schedule';
import { outcomeBadge } from '../outcome/outcomeText';
import { cachedExploration, exploreCached } from './explorationCache';
import { explorationSummary, findingRows, type FindingRow } from './findingRows';
import { failureDetail } from './failureDetail';

/** Error rows get their stderr line from a replay; past a few, the replays cost more than they tell. */
const MAX_DETAILS = 6;

export function Interleavings() {
  const key = useStore((s) => s.scenarioKey);
  const scenario = useStore((s) => s.scenario);
  const variant = useStore((s) => s.variant);
  const schedule = useStore((s) => s.schedule);
  const shown = useStore((s) => s.trace.outcome);
  const setSchedule = useStore((s) => s.setSchedule);
  const [open, setOpen] = useState(false);
  // Bumped when a search finishes, to render again: the result itself lives in explorationCache.
  const [, setSearches] = useState(0);
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const result = open ? cachedExploration(key, variant) : undefined;

  useEffect(() => {
    if (!open || cachedExploration(key, variant)) return;
    // explore() holds the main thread: let the browser paint "exploring…" first (a frame, then a task).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        exploreCached(key, scenario, variant);
        setSearches((n) => n + 1);
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer) clearTimeout(timer);
    };
  }, [open, key, scenario, variant]);

  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) toggle.current?.focus();
  }, []);

  useEffect(() => {
    if (!open) return;
    panel.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close(true);
    };
    // A click elsewhere on the page closes it, as popovers do; focus stays where the click put it.
    const onPointer = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!panel.current?.contains(t) && !toggle.current?.contains(t)) close(false);
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open, close]);

  const rows = useMemo(() => {
    if (!result?.ok) return [];
    const byDefault = traceFor(key, scenario, variant).outcome;
    return findingRows(result.exploration, shown, byDefault);
  }, [result, key, scenario, variant, shown]);

  const details = useMemo(() => {
    const out = new Map<string, string>();
    for (const r of rows.filter((x) => x.outcome.kind === 'error').slice(0, MAX_DETAILS)) {
      const d = failureDetail(traceFor(key, scenario, variant, r.schedule));
      if (d) out.set(r.key, d);
    }
    return out;
  }, [rows, key, scenario, variant]);

  const openRow = (r: FindingRow) => {
    setSchedule(r.schedule);
    close(true);
  };

  return (
    <div className="interleavings-wrap">
      <button
        type="button"
        className="interleavings-btn"
        ref={toggle}
        aria-expanded={open}
        aria-haspopup="dialog"
        aria-controls={open ? panelId : undefined}
        onClick={() => (open ? close(false) : setOpen(true))}
        title="Search every scheduling choice for the outcomes this scenario can reach"
        data-testid="interleavings-button"
      >
        Interleavings
      </button>
      {open && (
        <div
          id={panelId}
          className="popover interleavings"
          role="dialog"
          aria-label="Interleavings"
          tabIndex={-1}
          ref={panel}
          data-testid="interleavings"
        >
          <header className="interleavings-head">
            <h2>Interleavings</h2>
            <span className="muted">{VARIANTS[variant].label}</span>
            <button type="button" className="icon-btn small" onClick={() => close(true)} aria-label="Close interleavings">
              ✕
            </button>
          </header>
          <p className="interleavings-intro">
            When several tasks can run, the scheduler picks one: a <b>schedule</b> lists the picks. The search tries every pick at every such
            scheduling point and shows each outcome once, with the shortest schedule that reaches it.
          </p>
          <div role="status" aria-live="polite" className="interleavings-status" data-testid="interleavings-status">
            {!result && <span className="exploring">exploring…</span>}
            {result?.ok && (
              <>
                {explorationSummary(result.exploration)} <span className="muted">({Math.max(1, Math.round(result.ms))} ms)</span>
              </>
            )}
            {result && !result.ok && <span className="error">The search failed: {result.error}</span>}
          </div>
          {rows.length > 0 && (
            <ul className="finding-list">
              {rows.map((r) => {
                const badge = outcomeBadge(r.outcome.kind);
                const current = sameSchedule(r.schedule, schedule);
                const picks = r.schedule.length;
                return (
                  <li key={r.key} className={`finding tone-${badge.tone}`} data-testid="finding" data-kind={r.outcome.kind}>
                    <span className={`badge ${badge.tone}`}>{badge.text}</span>
                    <div className="finding-text">
                      <div className="finding-summary">{r.outcome.summary}</div>
                      {details.has(r.key) && <div className="finding-detail">{details.get(r.key)}</div>}
                      <div className="finding-meta">
                        <span title={r.schedule.join(' → ') || 'no choice needed'}>
                          {picks ? `schedule of ${picks} pick${picks === 1 ? '' : 's'}` : 'no pick needed'}
                        </span>
                        {r.byDefault && <span className="tag">default schedule ends here</span>}
                        {r.onScreen && <span className="tag is-on">on screen</span>}
                      </div>
                    </div>
                    <button
                      type="button"
                      className="finding-open"
                      onClick={() => openRow(r)}
                      disabled={current}
                      aria-label={current ? `Showing the schedule that ends ${r.outcome.kind}` : `Open the schedule that ends ${r.outcome.kind}: ${r.outcome.summary}`}
                      data-testid="finding-open"
                    >
                      {current ? 'shown' : 'open'}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
