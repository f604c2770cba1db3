/**
 * findingRows.ts - the explorer's answer as rows for the Interleavings panel: each distinct
 * outcome with its shortest schedule, tagged when it is the outcome on screen or the one the
 * default (FIFO) schedule reaches, and a sentence on how far the search went.
 */
import type { Exploration, Outcome } from '@engine';

export interface FindingRow {
  /** Outcome kind and summary: what the explorer tells outcomes apart by. */
  key: string;
  outcome: Outcome;
  schedule: string[];
  /** The run on screen ends with this outcome. */
  onScreen: boolean;
  /** The default schedule ends with this outcome. */
  byDefault: boolean;
}

export const outcomeKey = (o: Pick<Outcome, 'kind' | 'summary'>): string => `${o.kind}|${o.summary}`;

export function findingRows(ex: Exploration, shown: Outcome, byDefault: Outcome): FindingRow[] {
  return ex.findings.map((f) => {
    const key = outcomeKey(f.outcome);
    return { key, outcome: f.outcome, schedule: f.schedule, onScreen: key === outcomeKey(shown), byDefault: key === outcomeKey(byDefault) };
  });
}

/** How far the search went, in one sentence. */
export function explorationSummary(ex: Pick<Exploration, 'states' | 'complete' | 'findings'>): string {
  const n = ex.findings.length;
  const outcomes = `${n} distinct outcome${n === 1 ? '' : 's'}`;
  if (ex.complete && ex.states === 0) return `No scheduling choice: the tasks can run in one order only, so there is ${outcomes.replace(/^1 /, 'one ')}.`;
  const points = `${ex.states.toLocaleString('en-US')} scheduling point${ex.states === 1 ? '' : 's'}`;
  return ex.complete
    ? `Explored all ${points}: ${outcomes}, and no other is reachable.`
    : `Stopped after ${points} (the limit): ${outcomes} so far; there may be more.`;
}
