/**
 * OutcomeBanner.tsx - the story of the scenario and the verdict of this run, with a jump to the
 * step where the verdict became known (problems with the URL are shown above every view: UrlErrors).
 */
import { useState } from 'react';
import { getPreset, taskLabel, VARIANTS } from '@engine';
import { useStore } from '../../store';
import { outcomeBadge, shortOutcome } from './outcomeText';
import { ScheduleNote } from './ScheduleNote';
import { Interleavings } from '../interleavings/Interleavings';
import { interestingStep } from '../../store/traceCache';
import { useScenarioOrigin } from '../kill/useScenarioOrigin';
import { originName } from '../kill/scenarioOrigin';

/** A selftest runs dozens of harness commands: show the first few until the story is opened. */
const MAX_CMDS = 6;

export function OutcomeBanner() {
  const trace = useStore((s) => s.trace);
  const presetId = useStore((s) => s.presetId);
  const variant = useStore((s) => s.variant);
  const schedule = useStore((s) => s.schedule);
  // Only whether the step is the verdict's: the banner must not re-render on every step of a drag.
  const atVerdict = useStore((s) => s.step === interestingStep(s.trace));
  const setStep = useStore((s) => s.setStep);
  const openPreset = useStore((s) => s.openPreset);
  const [more, setMore] = useState(false);
  const preset = presetId ? getPreset(presetId) : undefined;
  const origin = useScenarioOrigin();
  // A preset plus kills still tells the preset's story; its own commands show the kills.
  const story = preset ?? origin?.preset;
  const o = trace.outcome;
  const badge = outcomeBadge(o.kind);
  const at = interestingStep(trace);
  const expected = preset?.expected[variant];
  const tasks = trace.scenario.tasks;
  return (
    <>
      <div className="banner">
        <div className="story" data-testid="story">
          {origin ? (
            <div className="story-title" data-testid="scenario-origin">
              <span className="custom-chip">custom</span> <b>{originName(origin)}</b>{' '}
              <span className="muted">
                derived from {origin.preset.id}, {origin.preset.title} ·{' '}
              </span>
              <button type="button" className="link" onClick={() => openPreset(origin.preset.id, undefined, undefined, variant)} data-testid="back-to-preset">
                back to {origin.preset.id}
              </button>
            </div>
          ) : (
            <div className="story-title">
              {preset?.seed && <span className="seed-chip">{preset.seed}</span>} <b>{preset?.title ?? trace.scenario.title}</b>
            </div>
          )}
          <div className="story-cmds">
            {tasks.map((t, k) => (
              <span key={k} className="cmd">
                <span className="task-chip">{taskLabel(t, k)}</span>{' '}
                <code>
                  {(more ? t.commands : t.commands.slice(0, MAX_CMDS)).join('; ')}
                  {!more && t.commands.length > MAX_CMDS && ` … (+${t.commands.length - MAX_CMDS} more)`}
                </code>
              </span>
            ))}
          </div>
          {story && (
            <p className={`story-text${more ? ' is-open' : ''}`}>
              {story.summary}{' '}
            </p>
          )}
          {expected?.why && (
            // What this kernel does differently from the v5.5 ones here, and why (the v7.1 kernels).
            <p className={`variant-why${more ? ' is-open' : ''}`} data-testid="variant-why">
              <b>On {VARIANTS[variant].short}:</b> {expected.why}
            </p>
          )}
          {story && (
            <button type="button" className="link more" onClick={() => setMore(!more)} aria-expanded={more}>
              {more ? 'less' : 'more'}
            </button>
          )}
        </div>
        <div className={`verdict tone-${badge.tone}`} data-testid="outcome" data-kind={o.kind}>
          <div className="verdict-top">
            <span className={`badge ${badge.tone}`}>{badge.text}</span>
            <span className="verdict-variant" title={`Follows ${VARIANTS[variant].follows}`} data-testid="verdict-variant">
              {VARIANTS[variant].label}
            </span>
            <Interleavings />
          </div>
          <div className="verdict-summary">{o.summary}</div>
          <ScheduleNote />
          <div className="verdict-actions">
            <button type="button" className="link" onClick={() => setStep(at)} disabled={atVerdict} data-testid="jump-outcome">
              {atVerdict ? `at the ${o.kind === 'stall' ? 'stall' : 'outcome'} step (${at})` : `jump to step ${at}`}
            </button>
            {expected && schedule.length > 0 && (
              // Expectations speak of the default schedule: another interleaving may well end otherwise.
              <span className="expect muted" title="What the kernel does here with the default schedule, as the preset's tests check">
                default schedule: {shortOutcome(expected)}
              </span>
            )}
            {expected && schedule.length === 0 && (
              <span className={`expect ${expected.outcome === o.kind ? 'ok' : 'off'}`} title="What the kernel does here, as the preset's tests check">
                expected: {shortOutcome(expected)} {expected.outcome === o.kind ? '✓' : '✗'}
              </span>
            )}
          </div>
        </div>
      </div>
    </>
  );
}
