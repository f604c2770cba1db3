/**
 * scheduleFit.ts - how much of a schedule a run honoured. A schedule found in one kernel may not
 * fit another (other tasks, other choice points): run() then takes the FIFO pick wherever the
 * label it was asked for is not among the runnable tasks, and the banner says so.
 */
import type { Trace } from '@engine';

export interface ScheduleFit {
  /** Picks the schedule asks for. */
  asked: number;
  /** Of those, the ones this run made: the label was runnable at that choice. */
  honoured: number;
  /** Scheduling choices in the whole run (FIFO after the schedule runs out). */
  choices: number;
}

export function scheduleFit(trace: Pick<Trace, 'schedule' | 'steps'>): ScheduleFit {
  const asked = trace.schedule.length;
  let choices = 0;
  let honoured = 0;
  for (const s of trace.steps) {
    if (!s.choice) continue;
    const want = trace.schedule[choices];
    if (want !== undefined && s.choice.options.includes(want) && s.choice.picked === want) honoured++;
    choices++;
  }
  return { asked, honoured, choices };
}

/** The schedule for a line of text: the first few labels, then how many more. */
export function shortSchedule(schedule: readonly string[], max = 8): string {
  const head = schedule.slice(0, max).join(' → ');
  return schedule.length > max ? `${head} … (+${schedule.length - max})` : head;
}
