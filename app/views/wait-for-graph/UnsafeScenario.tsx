/**
 * UnsafeScenario.tsx - the wait-for edges at this step as a table, like lockdep's "possible
 * unsafe locking scenario": one row per edge, the cycle first, each row linking to the step
 * where its wait began.
 */
import { useMemo } from 'react';
import type { WaitEdge } from '@engine';
import { useStore } from '../../store';
import { useStepWorld } from '../../store/useStepWorld';
import { Panel } from '../../components/Panel';
import { interestingStep } from '../../store/traceCache';
import { KillAction } from '../kill/KillAction';
import { explainWait, killableTasks } from '@engine';

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
  const heading = cycle
    ? cycle.timed
      ? `Stall: ${cycle.pids.map(name).join(' → ')} → ${name(cycle.pids[0])}; a timeout breaks it`
      : `Deadlock: ${cycle.pids.map(name).join(' → ')} → ${name(cycle.pids[0])}; nothing can wake them`
    : rows.length
      ? 'Tasks waiting at this step (no cycle)'
      : 'Nobody waits at this step';
  return (
    <Panel title="Why it is stuck" hint="possible unsafe scenario, one row per wait" testId="panel-unsafe" className="panel-unsafe">
      <div className={`unsafe-heading${cycle ? (cycle.timed ? ' is-stall' : ' is-deadlock') : ''}`} data-testid="unsafe-heading">
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
                    {x.location && <span className={`loc loc-${x.location}`}> location ({x.location})</span>}
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
    </Panel>
  );
}
