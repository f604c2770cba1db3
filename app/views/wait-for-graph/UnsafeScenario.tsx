/**
 * UnsafeScenario.tsx - the wait-for edges at this step as a table, like lockdep's "possible
 * unsafe locking scenario": one row per edge, the cycle first, each row linking to the step
 * where its wait began. A livelock has no wait at all: its row is the task that spins, in the
 * function that loops, since the step it entered it.
 */
import { useMemo } from 'react';
import type { WaitEdge } from '@engine';
import { useStore } from '../../store';
import { useStepWorld } from '../../store/useStepWorld';
import { Panel } from '../../components/Panel';
import { interestingStep } from '../../store/traceCache';
import { KillAction } from '../kill/KillAction';
import { explainLivelock, explainWait, kernelName, killableTasks, seedMoveOf, stackOf, type Trace } from '@engine';

/** The step where a livelocked task entered the function that loops (it never leaves it). */
function livelockStart(trace: Trace): number | null {
  const o = trace.outcome;
  const task = o.cycle?.[0];
  if (o.kind !== 'livelock' || !task || !o.location) return null;
  for (let i = trace.steps.length - 1; i >= 0; i--) {
    const s = trace.steps[i];
    if (s.label === task && s.kind === 'call' && kernelName(s.fn) === o.location) {
      // The outermost of consecutive entries (a function and its variant's version).
      let j = i;
      while (j > 0 && trace.steps[j - 1].label === task && trace.steps[j - 1].kind === 'call' && kernelName(trace.steps[j - 1].fn) === o.location) j--;
      return j;
    }
  }
  return null;
}

export function UnsafeScenario() {
  const setStep = useStore((s) => s.setStep);
  const { trace, world, wfg } = useStepWorld();
  const label = useMemo(() => new Map(world.tasks.map((t) => [t.pid, t])), [world]);
  const killable = useMemo(() => new Set(killableTasks(world).map((t) => t.pid)), [world]);
  const cycle = wfg.cycles[0];
  const inCycle = new Set(cycle?.edges.map((e) => `${e.from}->${e.to}`));
  const rows: WaitEdge[] = [...(cycle?.edges ?? []), ...wfg.edges.filter((e) => !inCycle.has(`${e.from}->${e.to}`))];
  const outcome = trace.outcome;
  const verdictStep = interestingStep(trace);
  const name = (pid: number) => label.get(pid)?.label ?? `pid ${pid}`;
  const loopFrom = useMemo(() => livelockStart(trace), [trace]);
  // The livelocked task, when this step is inside its loop.
  const spinner =
    !cycle && rows.length === 0 && loopFrom !== null && outcome.location
      ? world.tasks.find((t) => t.label === outcome.cycle?.[0] && t.status !== 'exited' && stackOf(t, world).some((f) => f.fn === outcome.location))
      : undefined;
  const spin = spinner && outcome.location ? explainLivelock(world, outcome.location, spinner.label) : null;
  const heading = spinner
    ? `Livelock: ${spinner.label} loops in ${outcome.location}() forever; nothing sleeps, nothing progresses`
    : cycle
    ? cycle.timed
      ? `Stall: ${cycle.pids.map(name).join(' → ')} → ${name(cycle.pids[0])}; a timeout breaks it`
      : `Deadlock: ${cycle.pids.map(name).join(' → ')} → ${name(cycle.pids[0])}; nothing can wake them`
    : rows.length
      ? 'Tasks waiting at this step (no cycle)'
      : 'Nobody waits at this step';
  return (
    <Panel title="Why it is stuck" hint="possible unsafe scenario, one row per wait" testId="panel-unsafe" className="panel-unsafe">
      <div className={`unsafe-heading${cycle ? (cycle.timed ? ' is-stall' : ' is-deadlock') : spinner ? ' is-deadlock' : ''}`} data-testid="unsafe-heading">
        {heading}
      </div>
      {!cycle && (outcome.kind === 'deadlock' || outcome.kind === 'stall') && (
        <p className="unsafe-note">
          This run ends in a {outcome.kind}.{' '}
          <button type="button" className="link" onClick={() => setStep(verdictStep)} data-testid="jump-to-verdict">
            Jump to step {verdictStep}
          </button>{' '}
          to see the cycle.
        </p>
      )}
      {!spinner && loopFrom !== null && (
        <p className="unsafe-note">
          This run ends in a livelock.{' '}
          <button type="button" className="link" onClick={() => setStep(loopFrom)} data-testid="jump-to-verdict">
            Jump to step {loopFrom}
          </button>{' '}
          where {outcome.cycle?.[0]} starts looping.
        </p>
      )}
      {spinner && spin && (
        <table className="unsafe-table" data-testid="unsafe-table">
          <thead>
            <tr>
              <th scope="col">task</th>
              <th scope="col">spins in</th>
              <th scope="col">until</th>
              <th scope="col">since</th>
            </tr>
          </thead>
          <tbody className="is-cycle" data-testid="unsafe-row" data-fn={outcome.location} data-from={spinner.label} data-kind="livelock">
            <tr>
              <th scope="row" title={spinner.argv}>
                <span className="task-chip">{spinner.label}</span>
              </th>
              <td>
                <code>{outcome.location}()</code> <span className="wid">no sleep</span>
              </td>
              <td>{spin.until}</td>
              <td>
                <button type="button" className="link" onClick={() => setStep(loopFrom!)} data-testid="edge-since" title="Jump to the step where the loop began">
                  step {loopFrom}
                </button>
              </td>
            </tr>
            <tr className="why-row">
              <td colSpan={4} className="why">
                {spin.why}
              </td>
            </tr>
          </tbody>
        </table>
      )}
      {rows.length > 0 && (
        <table className="unsafe-table" data-testid="unsafe-table">
          <thead>
            <tr>
              <th scope="col">task</th>
              <th scope="col">sleeps in</th>
              <th scope="col">until</th>
              <th scope="col">since</th>
            </tr>
          </thead>
          {rows.map((e) => {
            const x = explainWait(e, name(e.to));
            const hot = inCycle.has(`${e.from}->${e.to}`);
            return (
              <tbody key={`${e.from}->${e.to}`} className={hot ? 'is-cycle' : ''} data-testid="unsafe-row" data-fn={e.fn} data-from={name(e.from)}>
                <tr>
                  <th scope="row" title={label.get(e.from)?.argv}>
                    <span className="task-chip">{name(e.from)}</span>
                  </th>
                  <td>
                    <code>{e.fn}()</code> <span className="wid">{e.wid}</span>
                    {x.location && (
                      <span className={`loc loc-${x.location}`} title={x.title} data-testid="unsafe-location">
                        {' '}
                        location ({x.location}){seedMoveOf(e.fn) ? `, moved (${seedMoveOf(e.fn)!.since})` : ''}
                      </span>
                    )}
                  </td>
                  <td>
                    <span className="task-chip">{name(e.to)}</span> {e.what}
                  </td>
                  <td>
                    <button type="button" className="link" onClick={() => setStep(e.since)} data-testid="edge-since" title="Jump to the step where this wait began">
                      step {e.since}
                    </button>
                  </td>
                </tr>
                <tr className="why-row">
                  <td colSpan={4} className="why">
                    {x.why}
                    {killable.has(e.from) && <KillAction task={label.get(e.from)!} world={world} />}
                  </td>
                </tr>
              </tbody>
            );
          })}
        </table>
      )}
      {cycle && !cycle.timed && <div className="unsafe-footer">*** DEADLOCK ***</div>}
      {spinner && <div className="unsafe-footer">*** LIVELOCK ***</div>}
    </Panel>
  );
}
