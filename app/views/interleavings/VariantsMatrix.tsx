/**
 * VariantsMatrix.tsx - one scenario explored in every kernel, side by side: per kernel what goes
 * wrong and in how many end states ("split: deadlock at location i in 9 end states;
 * split-poc19: none"), each outcome with its shortest schedule to open in the timeline and a
 * share link that opens it.
 */
import { VARIANTS, type Finding, type VariantId } from '@engine';
import { useStore } from '../../store';
import { formatHash } from '../../url/formatHash';
import { outcomeBadge } from '../outcome/outcomeText';
import type { Job, VariantRun } from './explorerClient';
import { cellText, explorationBrief, progressText, runVerdict } from './findingRows';

function statusText(r: VariantRun | undefined): string {
  if (!r || r.status === 'queued') return 'waiting';
  if (r.status === 'running') return r.progress ? progressText(r.progress) : 'starting…';
  if (r.status === 'error') return `failed: ${r.error}`;
  const e = r.exploration;
  if (!e) return 'cancelled';
  return explorationBrief(e);
}

export function VariantsMatrix({ job, onOpened }: { job: Job; onOpened: () => void }) {
  const presetId = useStore((s) => s.presetId);
  const scenario = useStore((s) => s.scenario);
  const shownVariant = useStore((s) => s.variant);
  const openInterleaving = useStore((s) => s.openInterleaving);
  const link = (v: VariantId, f: Finding) =>
    formatHash({ preset: presetId ?? undefined, scenario: presetId ? undefined : scenario, variant: v, schedule: f.schedule, granularity: job.granularity });

  return (
    <table className="variants-matrix" data-testid="variants-matrix">
      <thead>
        <tr>
          <th scope="col">kernel</th>
          <th scope="col">outcomes (end states)</th>
        </tr>
      </thead>
      <tbody>
        {job.variants.map((v) => {
          const r = job.runs[v];
          return (
            <tr key={v} data-testid="matrix-row" data-variant={v} data-status={r?.status ?? 'queued'} className={v === shownVariant ? 'is-shown' : ''}>
              <th scope="row" title={VARIANTS[v].description}>
                {VARIANTS[v].short}
                <div className="matrix-status muted">{statusText(r)}</div>
              </th>
              <td>
                {r && <div className="matrix-verdict">{runVerdict(r)}</div>}
                <ul className="matrix-cells">
                  {(r?.findings ?? []).map((f) => {
                    const badge = outcomeBadge(f.outcome.kind);
                    return (
                      <li key={f.key} className={`matrix-cell tone-${badge.tone}`} data-testid="matrix-cell" data-kind={f.outcome.kind} title={f.outcome.summary}>
                        <span className={`badge ${badge.tone}`}>{badge.text}</span>
                        <span className="matrix-cell-text">
                          {cellText(f.outcome)} · {f.count.toLocaleString('en-US')}
                        </span>
                        <button
                          type="button"
                          className="link"
                          onClick={() => {
                            openInterleaving(v, f.schedule, job.granularity);
                            onOpened();
                          }}
                          aria-label={`Open in the timeline: ${VARIANTS[v].label}, ${f.outcome.summary}`}
                          data-testid="matrix-open"
                        >
                          open
                        </button>
                        <a className="link" href={link(v, f)} title="A link that opens this interleaving: copy it to share" data-testid="matrix-link">
                          link
                        </a>
                      </li>
                    );
                  })}
                </ul>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
