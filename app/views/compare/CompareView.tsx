/**
 * CompareView.tsx - the same scenario on two kernel variants, side by side: both verdicts and
 * both transcripts (dmesg and shell), with the first line where they part marked.
 */
import { useMemo } from 'react';
import { VARIANTS, type Trace } from '@engine';
import { useStore } from '../../store';
import { Panel } from '../../components/Panel';
import { outcomeBadge } from '../outcome/outcomeText';
import { firstDivergence, transcript, type Divergence } from '@engine';

function Side({ trace, side, div, onJump }: { trace: Trace; side: 'a' | 'b'; div: Divergence | null; onJump?: (s: number) => void }) {
  const lines = useMemo(() => transcript(trace), [trace]);
  const b = outcomeBadge(trace.outcome.kind);
  const cut = div ? div.line : lines.length;
  const divStep = div ? (side === 'a' ? div.stepA : div.stepB) : null;
  return (
    <div className="cmp-side" data-testid={`compare-${side}`} data-kind={trace.outcome.kind}>
      <h3>{VARIANTS[trace.variant].label}</h3>
      <div className={`verdict tone-${b.tone}`}>
        <span className={`badge ${b.tone}`}>{b.text}</span> <span className="verdict-summary">{trace.outcome.summary}</span>
      </div>
      <ol className="log cmp-log">
        {lines.map((l, k) => (
          <li key={k} className={`${k < cut ? 'is-same' : 'is-diff'}${k === cut ? ' is-first' : ''}`} data-step={l.step}>
            {k === cut && <div className="divider" data-testid="divergence-marker">first difference (step {divStep})</div>}
            {onJump ? (
              <button type="button" className={`log-line stream-${l.kind}`} onClick={() => onJump(l.step)} title={`step ${l.step}: jump there`}>
                <span className="log-step">{l.step}</span> {l.kind === 'cmd' ? `${l.task} $ ${l.text}` : l.text}
              </button>
            ) : (
              <div className={`log-line stream-${l.kind}`} title={`step ${l.step} of this variant`}>
                <span className="log-step">{l.step}</span> {l.kind === 'cmd' ? `${l.task} $ ${l.text}` : l.text}
              </div>
            )}
          </li>
        ))}
        {div && cut >= lines.length && (
          <li className="is-first">
            <div className="divider" data-testid="divergence-marker">
              no more output: {trace.outcome.kind} at step {divStep}
            </div>
          </li>
        )}
      </ol>
    </div>
  );
}

export function CompareView() {
  const a = useStore((s) => s.trace);
  const b = useStore((s) => s.compareTrace);
  const setStep = useStore((s) => s.setStep);
  const setCompare = useStore((s) => s.setCompareVariant);
  const div = useMemo(() => (b ? firstDivergence(a, b) : null), [a, b]);
  if (!b) return null;
  return (
    <Panel
      title="Compare kernels"
      hint="same scenario, two variants; grey lines are identical in both"
      testId="panel-compare"
      className="panel-compare"
      actions={
        <button type="button" className="link" onClick={() => setCompare(null)}>
          close comparison
        </button>
      }
    >
      <div className="cmp-summary" data-testid="divergence" data-step={div?.stepA ?? ''}>
        {div ? (
          <>
            First divergence at <b>step {div.stepA}</b> of {VARIANTS[a.variant].label} (step {div.stepB} of {VARIANTS[b.variant].label}):{' '}
            {div.reason === 'outcome' ? 'same output, different outcome' : <>“{div.lineA ?? '(nothing more)'}” vs “{div.lineB ?? '(nothing more)'}”</>}.{' '}
            <button type="button" className="link" onClick={() => setStep(div.stepA)} data-testid="jump-divergence">
              Jump to step {div.stepA}
            </button>
          </>
        ) : (
          'Both variants print the same and end the same way.'
        )}
      </div>
      <div className="cmp-sides">
        <Side trace={a} side="a" div={div} onJump={setStep} />
        <Side trace={b} side="b" div={div} />
      </div>
    </Panel>
  );
}
