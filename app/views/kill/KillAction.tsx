/**
 * KillAction.tsx - "kill -9 H1" on a blocked task whose wait a signal ends, with what it will do.
 * It opens a custom scenario (this one plus a killer task, see killScenario.ts), so the result is
 * an ordinary run with its own timeline and link.
 */
import { killEffect, MAX_SCENARIO_SECONDS, type Task, type World } from '@engine';
import { canKillAt, killCommand, killStart } from './killScenario';
import { useKillTask } from './useKillTask';

export function KillAction({ task, world }: { task: Task; world: World }) {
  const killTask = useKillTask();
  const possible = canKillAt(world.time);
  return (
    <div className="kill-action" data-testid="kill-action" data-task={task.label}>
      <button
        type="button"
        className="kill-btn"
        onClick={() => killTask(task.label)}
        disabled={!possible}
        title={possible ? `Run this scenario again with ${killCommand(task.label)} at t=${killStart(world.time).toFixed(3)} s` : `Too late: a task may start at ${MAX_SCENARIO_SECONDS} s at most`}
        data-testid="kill-button"
      >
        {killCommand(task.label)}
      </button>
      <span className="kill-effect">{killEffect(task, world)}</span>
    </div>
  );
}
