/**
 * CompareView.tsx - the same scenario on two kernel variants, in step: each side shows its own
 * dependency graph, wait-for graph and timeline at the step the timeline is on, and the summary
 * names the first step where the two kernels behave differently (firstStepDivergence). The
 * transcripts (dmesg and shell) are one tab away, with the first line where they part marked.
 */
import { useMemo, useState } from 'react';
import { firstStepDivergence, VARIANTS, type StepDivergence, type Trace, type TraceStep } from '@engine';
import { useStore } from '../../store';
import { Panel } from '../../components/Panel';
import { TraceViewContext } from '../../store/traceView';
import { outcomeBadge } from '../outcome/outcomeText';
import { DependencyGraphBody } from '../dependency-graph/DependencyGraph';
import { WaitForGraphBody } from '../wait-for-graph/WaitForGraph';
import { firstDivergence, transcript, type Divergence } from '@engine';
import { MiniLanes } from './MiniLanes';

function Transcript({ trace, side, div, onJump }: { trace: Trace; side: 'a' | 'b'; div: Divergence | null; onJump: (s: number) => void }) {
  const lines = useMemo(() => transcript(trace), [trace]);
  const cut = div ? div.line : lines.length;
  const divStep = div ? (side === 'a' ? div.stepA : div.stepB) : null;
  return (
    <ol className="log cmp-log" data-testid={`transcript-${side}`}>
      {lines.map((l, k) => (
        <li key={k} className={`${k < cut ? 'is-same' : 'is-diff'}${k === cut ? ' is-first' : ''}`} data-step={l.step}>
          {k === cut && <div className="divider" data-testid="divergence-marker">first different line (step {divStep})</div>}
          <button type="button" className={`log-line stream-${l.kind}`} onClick={() => onJump(l.step)} title={`step ${l.step}: jump there`}>
            <span className="log-step">{l.step}</span> {l.kind === 'cmd' ? `${l.task} $ ${l.text}` : l.text}
          </button>
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
  );
}

/** One side: the kernel's verdict, its graphs at the shared step, its timeline. */
function Side({ trace, side, step, length, part }: { trace: Trace; side: 'a' | 'b'; step: number; length: number; part: StepDivergence | null }) {
  const b = outcomeBadge(trace.outcome.kind);
  const last = trace.steps.length - 1;
  const view = useMemo(() => ({ trace, step: Math.min(step, last) }), [trace, step, last]);
  return (
    <div className="cmp-side" data-testid={`compare-${side}`} data-kind={trace.outcome.kind} data-variant={trace.variant}>
      <div className="cmp-head">
        <h3>{VARIANTS[trace.variant].label}</h3>
        <span className={`badge ${b.tone}`}>{b.text}</span>
        <span className="cmp-at" data-testid={`compare-${side}-step`}>
          {step > last ? `ended at step ${last}` : `step ${step} / ${last}`}
        </span>
      </div>
      <TraceViewContext.Provider value={view}>
        <div className="cmp-graphs">
          <div className="cmp-graph" data-testid={`compare-${side}-dependency`}>
            <DependencyGraphBody legend={false} overview />
          </div>
          <div className="cmp-graph" data-testid={`compare-${side}-waitfor`}>
            <WaitForGraphBody />
          </div>
        </div>
      </TraceViewContext.Provider>
      <MiniLanes trace={trace} step={step} partAt={part ? part.step : null} length={length} />
    </div>
  );
}

function stepLine(s: TraceStep | null): string {
  return s ? `${s.label} ${s.text}` : 'nothing: this run has ended';
}

export function CompareView() {
  const a = useStore((s) => s.trace);
  const b = useStore((s) => s.compareTrace);
  const step = useStore((s) => s.viewStep);
  const setStep = useStore((s) => s.setStep);
  const setCompare = useStore((s) => s.setCompareVariant);
  const [tab, setTab] = useState<'graphs' | 'transcripts'>('graphs');
  const part = useMemo(() => (b ? firstStepDivergence(a, b) : null), [a, b]);
  const lines = useMemo(() => (b ? firstDivergence(a, b) : null), [a, b]);
  if (!b) return null;
  const length = Math.max(a.steps.length, b.steps.length);
  return (
    <Panel
      title="Compare kernels"
      hint="same scenario, two variants, the same step on both sides"
      testId="panel-compare"
      className="panel-compare"
      actions={
        <>
          <span className="btn-group cmp-tabs" role="group" aria-label="Show">
            <button type="button" aria-pressed={tab === 'graphs'} onClick={() => setTab('graphs')} data-testid="compare-tab-graphs">
              graphs
            </button>
            <button type="button" aria-pressed={tab === 'transcripts'} onClick={() => setTab('transcripts')} data-testid="compare-tab-transcripts">
              transcripts
            </button>
          </span>
          <button type="button" className="link" onClick={() => setCompare(null)}>
            close comparison
          </button>
        </>
      }
    >
      <div className="cmp-summary" data-testid="divergence" data-step={part?.step ?? ''} data-reason={part?.reason ?? ''}>
        {part ? (
          <>
            The kernels first behave differently at <b>step {part.step}</b>
            {part.reason === 'state' && part.a && part.b && part.a.text === part.b.text ? ' (same step, different kernel state)' : ''}:{' '}
            <span className="cmp-what">
              <b>{VARIANTS[a.variant].short}</b> {stepLine(part.a)}
            </span>{' '}
            <span className="cmp-what">
              <b>{VARIANTS[b.variant].short}</b> {stepLine(part.b)}
            </span>{' '}
            <button type="button" className="link" onClick={() => setStep(part.step)} data-testid="jump-divergence">
              Jump to step {part.step}
            </button>
          </>
        ) : (
          'Both kernels run this scenario step for step the same.'
        )}
      </div>
      {tab === 'graphs' ? (
        <div className="cmp-sides">
          <Side trace={a} side="a" step={step} length={length} part={part} />
          <Side trace={b} side="b" step={step} length={length} part={part} />
        </div>
      ) : (
        <div className="cmp-sides">
          <div className="cmp-side cmp-transcript" data-testid="compare-a" data-kind={a.outcome.kind}>
            <h3>{VARIANTS[a.variant].label}</h3>
            <Transcript trace={a} side="a" div={lines} onJump={setStep} />
          </div>
          <div className="cmp-side cmp-transcript" data-testid="compare-b" data-kind={b.outcome.kind}>
            <h3>{VARIANTS[b.variant].label}</h3>
            <Transcript trace={b} side="b" div={lines} onJump={setStep} />
          </div>
        </div>
      )}
    </Panel>
  );
}
