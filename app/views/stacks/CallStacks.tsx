/**
 * CallStacks.tsx - each live task's kernel call stack at the current step (stackOf), outermost
 * first, so a nested load reads top to bottom: modprobe -> load_module -> ... -> the wait.
 */
import { useEffect, useRef } from 'react';
import { shellStatus, stackOf } from '@engine';
import { useStore } from '../../store';
import { useStepWorld } from '../../store/useStepWorld';
import { Panel } from '../../components/Panel';

export function CallStacks() {
  const selected = useStore((s) => s.selectedTask);
  const selectTask = useStore((s) => s.selectTask);
  const { world, wfg } = useStepWorld();
  const cyc = new Set(wfg.cycles.flatMap((c) => c.pids));
  const started = world.tasks.filter((t) => t.status !== 'new');
  // Finished kernel workers (one per work item, P16 has 21) fold into one line, unless selected.
  const doneWorkers = started.filter((t) => t.kind === 'kthread' && t.status === 'exited' && t.label !== selected);
  const tasks = doneWorkers.length > 1 ? started.filter((t) => !doneWorkers.includes(t)) : started;
  // A task picked anywhere (a graph node, a lane) brings its stack into view: with several tasks
  // the one that matters (H1 loading M again) is often below the others.
  const list = useRef<HTMLDivElement>(null);
  const shown = started.some((t) => t.label === selected);
  useEffect(() => {
    if (!selected || !shown) return;
    const el = list.current?.querySelector<HTMLElement>(`[data-testid=stack][data-task="${CSS.escape(selected)}"]`);
    el?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [selected, shown]);
  return (
    <Panel title="Call stacks" hint="outermost → innermost: the last frame is where the task is now" testId="panel-stacks" className="panel-stacks">
      {tasks.length === 0 && <p className="log-empty">No task has started yet.</p>}
      <div className="stacks" ref={list}>
        {tasks.map((t) => {
          const frames = stackOf(t, world);
          const running = world.current === t.pid;
          return (
            <div key={t.pid} className={`stack${selected === t.label ? ' is-selected' : ''}${cyc.has(t.pid) ? ' in-cycle' : ''}`} data-testid="stack" data-task={t.label}>
              <button type="button" className="stack-head" onClick={() => selectTask(t.label)} aria-pressed={selected === t.label}>
                <span className="task-chip">{t.label}</span> <span className="argv">{t.argv}</span>{' '}
                {t.status === 'exited' ? (
                  <span className={`status status-exited${t.signal !== null || t.exitCode ? ' is-failed' : ''}`} title={shellStatus(t).detail} data-testid="stack-status">
                    {shellStatus(t).text}
                  </span>
                ) : (
                  <span className={`status status-${t.status}`} data-testid="stack-status">
                    {running ? 'running' : t.status}
                  </span>
                )}
              </button>
              {t.status !== 'exited' && (
                <ol className="frames" aria-label={`call stack of ${t.label}, outermost first`}>
                  {frames.map((f, k) => (
                    <li key={k} className={k === frames.length - 1 ? 'is-top' : ''}>
                      <code>{f.fn}</code>
                      {f.detail && <span className="detail">({f.detail})</span>}
                      {k === frames.length - 1 && t.status === 'blocked' && <span className="badge warn">sleeps</span>}
                    </li>
                  ))}
                </ol>
              )}
            </div>
          );
        })}
        {doneWorkers.length > 1 && (
          <div className="stack stack-fold" data-testid="stack-fold" title={doneWorkers.map((t) => `${t.label}: ${t.argv}, ${shellStatus(t).text}`).join('\n')}>
            <div className="stack-head">
              <span className="task-chip">{doneWorkers.length} kworkers</span> <span className="argv">{[...new Set(doneWorkers.map((t) => t.argv))].join(', ')}</span>{' '}
              <span className="status status-exited">finished</span>
            </div>
          </div>
        )}
      </div>
    </Panel>
  );
}
