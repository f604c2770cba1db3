/**
 * killScenario.ts - "kill this blocked task" as a scenario: the current one plus a task that
 * sends SIGKILL a millisecond after the current step's time. Time only moves on when nothing can
 * run, so the kill lands once every task has done what it could at that time: at a deadlock, in
 * the very wait that is shown. A scenario input (not a tweak of the trace) keeps the run pure and
 * the link shareable.
 */
import { MAX_SCENARIO_SECONDS, taskLabel, type Scenario, type TaskSpec } from '@engine';

/** Task start times are whole milliseconds (the engine rounds them), at most MAX_SCENARIO_SECONDS. */
export const MAX_KILL_MS = MAX_SCENARIO_SECONDS * 1000;

/** The killer's start time, in seconds: 1 ms after `timeMs`, the world time at the current step. */
export function killStart(timeMs: number): number {
  return (Math.round(timeMs) + 1) / 1000;
}

export function canKillAt(timeMs: number): boolean {
  return Math.round(timeMs) + 1 <= MAX_KILL_MS;
}

/** 'K', or K2, K3… when taken (a chain of kills: the second one is K2). */
export function freeTaskId(scenario: Pick<Scenario, 'tasks'>): string {
  const taken = new Set(scenario.tasks.map((t, i) => taskLabel(t, i)));
  if (!taken.has('K')) return 'K';
  for (let n = 2; ; n++) if (!taken.has(`K${n}`)) return `K${n}`;
}

export const killCommand = (label: string): string => `kill -9 ${label}`;

export const killTitle = (label: string, start: number): string => `kill ${label} at t=${start.toFixed(3)} s`;

export function withKill(scenario: Scenario, label: string, timeMs: number): Scenario {
  const start = killStart(timeMs);
  const killer: TaskSpec = { id: freeTaskId(scenario), start, commands: [killCommand(label)] };
  return { ...scenario, title: `${scenario.title} + ${killTitle(label, start)}`, tasks: [...scenario.tasks, killer] };
}
