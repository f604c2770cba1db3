/**
 * findingRows.ts - the explorer's answer in words for the Interleavings panel: each outcome group
 * with its shortest schedule and how many end states reach it, tagged when it is the outcome on
 * screen or the one the default (FIFO) schedule reaches; a sentence on how far the search went,
 * its live progress, and the short form a cell of the variants matrix shows.
 */
import type { Exploration, Finding, Outcome } from '@engine';
import type { LiveProgress } from './protocol';
import type { VariantRun } from './explorerClient';

export interface FindingRow {
  /** The explorer's group key: outcomes equal up to renaming interchangeable tasks. */
  key: string;
  outcome: Outcome;
  schedule: string[];
  /** Distinct end states in this group. */
  count: number;
  /** The run on screen ends in this group. */
  onScreen: boolean;
  /** The default schedule ends in this group. */
  byDefault: boolean;
}

/** Outcomes match a group by kind and summary (the summary names the tasks on screen). */
export const outcomeKey = (o: Pick<Outcome, 'kind' | 'summary'>): string => `${o.kind}|${o.summary}`;

/**
 * `groupOf(outcome)`: the group key of an outcome (by the engine's grouping), so that "on screen"
 * and "default" find their row even when the row shows other task names.
 */
export function findingRows(findings: Finding[], shown: string, byDefault: string): FindingRow[] {
  return findings.map((f) => ({ key: f.key, outcome: f.outcome, schedule: f.schedule, count: f.count, onScreen: f.key === shown, byDefault: f.key === byDefault }));
}

const n = (x: number) => x.toLocaleString('en-US');
const plural = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

/** How far a finished or stopped search went, in one sentence. */
export function explorationSummary(ex: Pick<Exploration, 'states' | 'complete' | 'findings' | 'stopped'> & { cutRuns?: number }): string {
  const outcomes = plural(ex.findings.length, 'distinct outcome');
  if (ex.complete && ex.states === 0) return `No scheduling choice: the tasks can run in one order only, so there is ${outcomes.replace(/^1 /, 'one ')}.`;
  const points = plural(ex.states, 'scheduling point');
  if (ex.complete) return `Explored all ${points}: ${outcomes}, and no other is reachable.`;
  if (!ex.stopped && ex.cutRuns) {
    return `Explored all ${points}, but ${plural(ex.cutRuns, 'run')} went on too long without a choice and ${ex.cutRuns === 1 ? 'was' : 'were'} cut: ${outcomes}, and there may be more.`;
  }
  const why = { states: 'the state limit', memory: 'the memory budget', time: 'the time limit', cancelled: 'cancelled' }[ex.stopped?.reason ?? 'states'];
  const left = ex.stopped ? `, ${plural(ex.stopped.untried, 'choice')} on the current path untried` : '';
  return ex.stopped?.reason === 'cancelled'
    ? `Cancelled after ${points}${left}: ${outcomes} so far; there may be more.`
    : `Stopped after ${points} (${why})${left}: ${outcomes} so far; there may be more.`;
}

/** A matrix row's short status: how much was searched, and whether that was all of it. */
export function explorationBrief(ex: Pick<Exploration, 'states' | 'complete' | 'stopped'>): string {
  // No scheduling point at all: one run is the whole space, and "0 states" would read as nothing searched.
  if (ex.complete && ex.states === 0) return 'one order only, complete';
  const points = plural(ex.states, 'scheduling point');
  if (ex.complete) return `${points}, complete`;
  return `${points}, ${ex.stopped?.reason === 'cancelled' ? 'cancelled' : 'stopped'}: incomplete`;
}

/** The live progress line: states, rate, depth, elapsed time, memory. */
export function progressText(p: LiveProgress): string {
  const mb = p.memory / 2 ** 20;
  return `${plural(p.states, 'state')} · ${n(Math.round(p.rate))} states/s · depth ${p.depth} · ${p.seconds.toFixed(1)} s · ${mb.toFixed(0)} MB ${p.memoryOf}`;
}

/** A matrix cell's words for one outcome group: "deadlock at location i", "stall in f()". */
export function cellText(o: Outcome): string {
  if (o.seedLocation) return `${o.kind} at location ${o.seedLocation}`;
  if (o.location) return `${o.kind} in ${o.location}()`;
  if (o.kind === 'error') return `error: ${o.failures[0]?.command ?? 'a command'} failed`;
  return o.kind;
}

/** The matrix row's verdict: what goes wrong in this kernel, or "none". */
export function runVerdict(r: VariantRun): string {
  const bad = r.findings.filter((f) => f.outcome.kind !== 'ok');
  const sure = r.status === 'done' && r.exploration?.complete;
  if (!bad.length) return sure ? 'none: every interleaving ends ok' : r.status === 'done' ? 'none found (search stopped early)' : 'none so far';
  return bad.map((f) => `${cellText(f.outcome)} in ${plural(f.count, 'end state')}`).join('; ');
}
