/**
 * Timeline.tsx - playback controls, the swimlane scrubber, what the current step did, and the
 * keyboard shortcuts spelled out.
 */
import { useMemo } from 'react';
import { kernelName, VARIANTS } from '@engine';
import { useStore } from '../../store';
import { SPEEDS, stepCount } from '../../store/playbackSlice';
import { Kbd } from '../../components/Kbd';
import { Icon } from '../../components/Icon';
import { Swimlanes } from './Swimlanes';
import { adjacentMarker, MARKER_KINDS, markersOf } from './markers';
import { SHORTCUTS } from './shortcuts';

function StepInfo() {
  const trace = useStore((s) => s.trace);
  const other = useStore((s) => s.compareTrace);
  const step = useStore((s) => s.step);
  const s = trace.steps[step];
  // Comparing, past the end of this run: say so, and what the other kernel does.
  const o = !s && other ? other.steps[step] : undefined;
  if (o && other)
    return (
      <div className="step-info" data-testid="step-info" aria-live="polite">
        <span className="muted">
          {VARIANTS[trace.variant].short} ended at step {trace.steps.length - 1};
        </span>{' '}
        <b>{VARIANTS[other.variant].short}</b> <span className="task-chip">{o.label || 'sched'}</span> <code>{kernelName(o.fn)}()</code>
        {o.text && <span className="step-text"> {o.text}</span>}
      </div>
    );
  if (!s) return <div className="step-info">This run has no steps.</div>;
  return (
    <div className="step-info" data-testid="step-info" aria-live="polite">
      <span className="task-chip">{s.label || 'sched'}</span> <span className={`kind kind-${s.kind}`}>{s.kind}</span> <code>{kernelName(s.fn)}()</code>
      {s.text && <span className="step-text"> {s.text}</span>}
      {s.marks?.includes('deadlock') && <span className="badge bad">deadlock</span>}
    </div>
  );
}

export function Timeline() {
  const trace = useStore((s) => s.trace);
  const step = useStore((s) => s.step);
  const playing = useStore((s) => s.playing);
  const speed = useStore((s) => s.speed);
  const { setStep, stepBy, togglePlaying, setSpeed } = useStore.getState();
  const markers = useMemo(() => markersOf(trace), [trace]);
  const last = useStore((s) => stepCount(s)) - 1;
  const prev = adjacentMarker(markers, step, -1);
  const next = adjacentMarker(markers, step, 1);
  const t = trace.steps[step]?.t ?? 0;
  return (
    <section className="timeline" aria-label="Timeline" data-testid="timeline">
      <div className="tl-controls">
        <div className="btn-group" role="group" aria-label="Playback">
          <button type="button" onClick={() => setStep(0)} disabled={step === 0} aria-label="Jump to start (Home)" title="Jump to start (Home)">
            <Icon name="start" />
          </button>
          <button type="button" onClick={() => prev !== null && setStep(prev)} disabled={prev === null} aria-label="Previous marker ([)" title="Previous marker ([)">
            <Icon name="prevMarker" />
          </button>
          <button type="button" onClick={() => stepBy(-1)} disabled={step === 0} aria-label="Step back (←)" title="Step back (←)">
            <Icon name="back" />
          </button>
          <button type="button" className="play" onClick={togglePlaying} aria-label={playing ? 'Pause (Space)' : 'Play (Space)'} title={playing ? 'Pause (Space)' : 'Play (Space)'} data-testid="play">
            <Icon name={playing ? 'pause' : 'play'} />
          </button>
          <button type="button" onClick={() => stepBy(1)} disabled={step === last} aria-label="Step forward (→)" title="Step forward (→)">
            <Icon name="forward" />
          </button>
          <button type="button" onClick={() => next !== null && setStep(next)} disabled={next === null} aria-label="Next marker (])" title="Next marker (])">
            <Icon name="nextMarker" />
          </button>
          <button type="button" onClick={() => setStep(last)} disabled={step === last} aria-label="Jump to end (End)" title="Jump to end (End)">
            <Icon name="end" />
          </button>
        </div>
        <label className="speed">
          speed{' '}
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} data-testid="speed">
            {SPEEDS.map((v) => (
              <option key={v} value={v}>
                {v} steps/s
              </option>
            ))}
          </select>
        </label>
        <span className="counter" data-testid="step-counter">
          step <b>{step}</b> / {last} · t = {(t / 1000).toFixed(3)} s
        </span>
        <ul className="shortcut-hints" aria-label="Keyboard shortcuts">
          {SHORTCUTS.map((sc) => (
            <li key={sc.action}>
              {sc.keys.map((k) => (
                <Kbd key={k}>{k}</Kbd>
              ))}{' '}
              {sc.hint}
            </li>
          ))}
        </ul>
      </div>
      <Swimlanes />
      <div className="tl-foot">
        <StepInfo />
        <ul className="marker-legend" aria-label="Marker colours" data-testid="marker-legend">
          {MARKER_KINDS.map((m) => (
            <li key={m.kind} title={m.hint} data-kind={m.kind}>
              <i style={{ background: `var(${m.cssVar})` }} aria-hidden /> {m.label}
            </li>
          ))}
          <li title="lane: the task runs at this step; the bar's height is its call depth" data-kind="lane-ran">
            <i className="lane-swatch ran" aria-hidden /> running
          </li>
          <li title="lane: the task sleeps (a wait, a lock, a timeout)" data-kind="lane-blocked">
            <i className="lane-swatch blocked" aria-hidden /> sleeping
          </li>
          <li title="lane: the task could run but another one has the CPU" data-kind="lane-idle">
            <i className="lane-swatch idle" aria-hidden /> waiting for CPU
          </li>
        </ul>
      </div>
    </section>
  );
}
