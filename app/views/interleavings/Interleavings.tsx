/**
 * Interleavings.tsx - the engine's explorer in the UI: a button next to the verdict opens a
 * popover that searches every scheduling choice of this scenario, in a web worker, with a live
 * progress line and a cancel. "This kernel" lists each distinct outcome as it is found, with how
 * many end states reach it; "every kernel" is the variants matrix. "open" replays the shortest
 * schedule found in the timeline.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { outcomeGroupOf, VARIANT_IDS, VARIANTS, type Granularity } from '@engine';
import { useStore } from '../../store';
import { traceFor } from '../../store/traceCache';
import { sameSchedule } from '../../store/schedule';
import { outcomeBadge } from '../outcome/outcomeText';
import { cancelExploring, isBusy, startExploring, useExplorerJob, type VariantRun } from './explorerClient';
import { explorationSummary, findingRows, progressText, type FindingRow } from './findingRows';
import { failureDetail } from './failureDetail';
import { VariantsMatrix } from './VariantsMatrix';

/** Error rows get their stderr line from a replay; past a few, the replays cost more than they tell. */
const MAX_DETAILS = 6;

type Tab = 'here' | 'all';

/** Where the search of one kernel is, in one line. */
function RunStatusLine({ run }: { run: VariantRun | undefined }) {
  if (!run || run.status === 'queued') return <span className="exploring">starting…</span>;
  if (run.status === 'error') return <span className="error">The search failed: {run.error}</span>;
  if (run.status === 'running') {
    return (
      <>
        <span className="exploring">exploring</span> {run.progress ? progressText(run.progress) : ''}
        {run.findings.length > 0 && ` · ${run.findings.length} outcome${run.findings.length === 1 ? '' : 's'} so far`}
      </>
    );
  }
  if (!run.exploration) return <span className="muted">cancelled before it started</span>;
  return (
    <>
      {explorationSummary(run.exploration)} <span className="muted">({run.progress ? `${run.progress.seconds.toFixed(1)} s` : 'cached'})</span>
    </>
  );
}

export function Interleavings() {
  const key = useStore((s) => s.scenarioKey);
  const scenario = useStore((s) => s.scenario);
  const variant = useStore((s) => s.variant);
  const schedule = useStore((s) => s.schedule);
  const shownGranularity = useStore((s) => s.granularity);
  const trace = useStore((s) => s.trace);
  const setSchedule = useStore((s) => s.setSchedule);
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState<Tab>('here');
  const [granularity, setGranularity] = useState<Granularity>('default');
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const job = useExplorerJob();
  const variants = useMemo(() => (tab === 'here' ? [variant] : [...VARIANT_IDS]), [tab, variant]);
  const mine = job && job.key === key && job.granularity === granularity ? job : null;

  useEffect(() => {
    if (open) startExploring(key, scenario, variants, granularity);
  }, [open, key, scenario, variants, granularity]);

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

  const here = mine?.runs[variant];
  const shownGroup = useMemo(() => outcomeGroupOf(trace), [trace]);
  const rows = useMemo(() => {
    if (!here) return [];
    const byDefault = outcomeGroupOf(traceFor(key, scenario, variant));
    return findingRows(here.findings, shownGranularity === granularity || !schedule.length ? shownGroup : '', byDefault);
  }, [here, key, scenario, variant, shownGroup, shownGranularity, granularity, schedule.length]);

  const details = useMemo(() => {
    const out = new Map<string, string>();
    if (here?.status !== 'done') return out;
    for (const r of rows.filter((x) => x.outcome.kind === 'error').slice(0, MAX_DETAILS)) {
      const d = failureDetail(traceFor(key, scenario, variant, r.schedule, granularity));
      if (d) out.set(r.key, d);
    }
    return out;
  }, [here?.status, rows, key, scenario, variant, granularity]);

  const openRow = (r: FindingRow) => {
    setSchedule(r.schedule, granularity);
    close(true);
  };
  const busy = !!mine && isBusy(mine);
  const stopped = !!mine && !busy && variants.some((v) => mine.runs[v]?.status === 'cancelled');

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
            <div className="seg" role="tablist" aria-label="Kernels to search">
              <button type="button" role="tab" aria-selected={tab === 'here'} className={tab === 'here' ? 'is-on' : ''} onClick={() => setTab('here')} data-testid="tab-here">
                {VARIANTS[variant].short}
              </button>
              <button type="button" role="tab" aria-selected={tab === 'all'} className={tab === 'all' ? 'is-on' : ''} onClick={() => setTab('all')} data-testid="tab-all">
                every kernel
              </button>
            </div>
            <button type="button" className="icon-btn small" onClick={() => close(true)} aria-label="Close interleavings">
              ✕
            </button>
          </header>
          <p className="interleavings-intro">
            When several tasks can run, the scheduler picks one: a <b>schedule</b> lists the picks. The search tries every pick at every such
            scheduling point (in the background: the page stays usable) and shows each outcome once, up to renaming tasks that do the same thing,
            with the shortest schedule it found.
          </p>
          <fieldset className="granularity" data-testid="granularity">
            <legend>Preemption</legend>
            <label title="A task runs until it sleeps, yields or exits (the scheduling points of the default run)">
              <input type="radio" name={`${panelId}-gran`} checked={granularity === 'default'} onChange={() => setGranularity('default')} /> when a task sleeps
            </label>
            <label title="Also after every step that touches state other tasks see, so a module can come while a patch is being enabled (klp_mutex held)">
              <input type="radio" name={`${panelId}-gran`} checked={granularity === 'fine'} onChange={() => setGranularity('fine')} data-testid="granularity-fine" /> fine: after
              every shared step
            </label>
          </fieldset>
          <div role="status" aria-live="polite" className="interleavings-status" data-testid="interleavings-status">
            {tab === 'here' ? <RunStatusLine run={here} /> : <MatrixStatus runs={variants.map((v) => mine?.runs[v])} />}
            {busy && (
              <button type="button" className="link cancel" onClick={cancelExploring} data-testid="interleavings-cancel">
                cancel
              </button>
            )}
            {stopped && (
              <button type="button" className="link" onClick={() => startExploring(key, scenario, variants, granularity)} data-testid="interleavings-restart">
                search again
              </button>
            )}
          </div>
          {tab === 'all' && mine && <VariantsMatrix job={mine} onOpened={() => close(true)} />}
          {tab === 'here' && rows.length > 0 && (
            <ul className="finding-list">
              {rows.map((r) => {
                const badge = outcomeBadge(r.outcome.kind);
                const current = sameSchedule(r.schedule, schedule) && (granularity === shownGranularity || !schedule.length);
                const picks = r.schedule.length;
                return (
                  <li key={r.key} className={`finding tone-${badge.tone}`} data-testid="finding" data-kind={r.outcome.kind}>
                    <span className={`badge ${badge.tone}`}>{badge.text}</span>
                    <div className="finding-text">
                      <div className="finding-summary">{r.outcome.summary}</div>
                      {details.has(r.key) && <div className="finding-detail">{details.get(r.key)}</div>}
                      <div className="finding-meta">
                        <span data-testid="finding-count">
                          {r.count.toLocaleString('en-US')} end state{r.count === 1 ? '' : 's'}
                        </span>
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

/** The matrix's status line: the kernel being searched now, or how the search ended. */
function MatrixStatus({ runs }: { runs: (VariantRun | undefined)[] }) {
  const running = runs.find((r) => r?.status === 'running' || r?.status === 'queued');
  const done = runs.filter((r) => r?.status === 'done').length;
  if (running) {
    return (
      <>
        <span className="exploring">exploring {VARIANTS[running.variant].short}</span>
        {running.progress ? ` ${progressText(running.progress)}` : ''} · {done} of {runs.length} kernels done
      </>
    );
  }
  const cancelled = runs.filter((r) => r?.status === 'cancelled').length;
  return <>{cancelled ? `Cancelled: ${done} of ${runs.length} kernels searched to the end.` : `Every kernel searched (${done} of ${runs.length}).`}</>;
}
