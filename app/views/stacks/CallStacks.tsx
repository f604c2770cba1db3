/**
 * CallStacks.tsx - each live task's kernel call stack at the current step (stackOf), outermost
 * first, so a nested load reads top to bottom: modprobe -> load_module -> ... -> the wait.
 */
import { shellStatus, stackOf } from '@engine';
import { useStore } from '../../store';
import { useStepWorld } from '../../store/useStepWorld';
import { Panel } from '../../components/Panel';

export function CallStacks() {
  const selected = useStore((s) => s.selectedTask);
  const selectTask = useStore((s) => s.selectTask);
  const { world, wfg } = useStepWorld();
  const cyc = new Set(wfg.cycles.flatMap((c) => c.pids));
  const tasks = world.tasks.filter((t) => t.status !== 'new');
  return (
    <Panel title="Call stacks" hint="outermost → innermost: the last frame is where the task is now" testId="panel-stacks" className="panel-stacks">
      {tasks.length === 0 && <p className="log-empty">No task has started yet.</p>}
      <div className="stacks">
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
      </div>
    </Panel>
  );
}
