/**
 * explore.ts - `klp explore`: every interleaving of a scenario in one kernel or in all of them,
 * with a state cap and a time limit in seconds of CPU time (cpuTime.ts; the engine has no clock:
 * the command drives the search in chunks and looks at the time used between them).
 */
import { Search, CHUNK, type Exploration } from '../explorer/explore';
import type { VariantId } from '../model/variant';
import type { Granularity } from '../model/trace';
import { cpuMs } from './cpuTime';

export interface ExploreFlags {
  variants: VariantId[];
  granularity: Granularity;
  maxStates?: number;
  maxSeconds?: number;
  json: boolean;
}

export interface ExploreIo {
  log(line: string): void;
  /** A progress line that the next one replaces (a terminal's status line), if wanted. */
  progress?(line: string): void;
}

export interface TimedExploration extends Exploration {
  /** CPU seconds the search took. */
  seconds: number;
  granularity: Granularity;
}

/** Drive one search to its end or to a limit. */
export function exploreTimed(scenario: unknown, variant: VariantId, f: Omit<ExploreFlags, 'variants' | 'json'>, io?: ExploreIo): TimedExploration {
  const t0 = cpuMs();
  const s = new Search(scenario, { variant, granularity: f.granularity, maxStates: f.maxStates });
  let shown = t0;
  while (!s.run(CHUNK)) {
    const now = cpuMs();
    if (f.maxSeconds !== undefined && now - t0 >= f.maxSeconds * 1000) s.stop('time');
    if (io?.progress && now - shown > 500) {
      shown = now;
      const p = s.progress();
      const secs = (now - t0) / 1000;
      io.progress(
        `${variant}: ${p.states.toLocaleString('en-US')} states, ${Math.round(p.states / secs).toLocaleString('en-US')}/s, depth ${p.depth}, ${p.outcomes} outcome${p.outcomes === 1 ? '' : 's'}, ${secs.toFixed(0)} s`,
      );
    }
  }
  io?.progress?.('');
  return { ...s.result(), seconds: (cpuMs() - t0) / 1000, granularity: f.granularity };
}

/** What was left when the search stopped early, in words. */
export function stoppedText(e: Exploration): string {
  if (!e.stopped && e.cutRuns) return `${e.cutRuns} run${e.cutRuns === 1 ? '' : 's'} cut at the step limit without a verdict: incomplete`;
  if (!e.stopped) return 'every interleaving explored';
  const why = { states: 'the state limit', memory: 'the memory budget', time: 'the time limit', cancelled: 'a cancel' }[e.stopped.reason];
  return `stopped at ${why}, ${e.stopped.untried.toLocaleString('en-US')} choices on the current path untried: there may be more outcomes`;
}

export function explorationJson(e: TimedExploration) {
  return {
    variant: e.variant,
    granularity: e.granularity,
    states: e.states,
    transitions: e.transitions,
    complete: e.complete,
    ...(e.stopped ? { stopped: e.stopped } : {}),
    seconds: Number(e.seconds.toFixed(3)),
    maxDepth: e.maxDepth,
    starvingCycles: e.starvingCycles,
    cutRuns: e.cutRuns,
    omissionProbability: e.omissionProbability,
    outcomes: e.findings.map((x) => ({
      kind: x.outcome.kind,
      ...(x.outcome.location ? { location: x.outcome.location } : {}),
      ...(x.outcome.seedLocation ? { seedLocation: x.outcome.seedLocation } : {}),
      ...(x.outcome.cycle ? { cycle: x.outcome.cycle } : {}),
      summary: x.outcome.summary,
      count: x.count,
      schedule: x.schedule,
    })),
  };
}

function formatText(label: string, e: TimedExploration, io: ExploreIo): void {
  io.log(
    `# ${label} on ${e.variant}${e.granularity === 'fine' ? ' (fine granularity)' : ''}: ${e.states.toLocaleString('en-US')} states, ` +
      `${e.transitions.toLocaleString('en-US')} choices in ${e.seconds.toFixed(2)} s; ${stoppedText(e)}`,
  );
  for (const x of e.findings) {
    io.log(`${x.outcome.kind.padEnd(9)} ${x.outcome.summary}  [${x.count} end state${x.count === 1 ? '' : 's'}]`);
    io.log(`          schedule: ${x.schedule.length ? x.schedule.join(',') : '(default)'}`);
  }
  if (e.starvingCycles) io.log(`          (${e.starvingCycles} cycle${e.starvingCycles === 1 ? '' : 's'} that never run a runnable task: ruled out by fairness)`);
}

/** One line per variant: what it does with this scenario. */
export function matrixLine(e: Exploration): string {
  if (!e.findings.length) return 'no outcome';
  const parts = e.findings.map((x) => {
    const where = x.outcome.seedLocation ? ` at location ${x.outcome.seedLocation}` : x.outcome.location ? ` in ${x.outcome.location}()` : '';
    return `${x.outcome.kind}${where} (${x.count} end state${x.count === 1 ? '' : 's'})`;
  });
  return parts.join('; ') + (e.complete ? '' : '; incomplete');
}

export function exploreCommand(scenario: unknown, label: string, f: ExploreFlags, io: ExploreIo): number {
  const results = f.variants.map((v) => exploreTimed(scenario, v, f, io));
  if (f.json) {
    io.log(JSON.stringify(results.length === 1 ? { scenario: label, ...explorationJson(results[0]) } : { scenario: label, granularity: f.granularity, variants: results.map(explorationJson) }));
    return 0;
  }
  for (const e of results) formatText(label, e, io);
  if (results.length > 1) {
    io.log(`# ${label}: every variant`);
    const w = Math.max(...results.map((e) => e.variant.length));
    for (const e of results) io.log(`${e.variant.padEnd(w)}  ${matrixLine(e)}`);
  }
  return 0;
}
