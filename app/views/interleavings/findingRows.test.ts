import { describe, expect, it } from 'vitest';
import { explore, getPreset, run, type Finding } from '@engine';
import { cellText, explorationBrief, explorationSummary, findingRows, progressText, runVerdict } from './findingRows';
import type { VariantRun } from './explorerClient';

const p16 = getPreset('P16')!.scenario;

describe('findingRows', () => {
  // P16 in the split POC: lp2 either finds lp1's transition still pending (error) or not (ok).
  const ex = explore(p16, { variant: 'split' });
  const keyOf = (kind: string) => ex.findings.find((f) => f.outcome.kind === kind)!.key;

  it('lists each outcome of P16 (split) once, with the schedule that reaches it and its count', () => {
    const rows = findingRows(ex.findings, keyOf('error'), keyOf('error'));
    expect(rows.map((r) => r.outcome.kind).sort()).toEqual(['error', 'ok']);
    for (const r of rows) {
      expect(run(p16, { variant: 'split', schedule: r.schedule }).outcome.kind).toBe(r.outcome.kind);
      expect(r.count).toBeGreaterThan(0);
    }
  });

  it('tags the outcome on screen and the one the default schedule reaches', () => {
    const rows = findingRows(ex.findings, keyOf('ok'), keyOf('error'));
    expect(rows.find((r) => r.outcome.kind === 'ok')).toMatchObject({ onScreen: true, byDefault: false });
    expect(rows.find((r) => r.outcome.kind === 'error')).toMatchObject({ onScreen: false, byDefault: true });
  });
});

describe('explorationSummary', () => {
  const finding: Finding = { outcome: { kind: 'ok', summary: 'x', step: 1, failures: [], warnings: [] }, schedule: [], count: 1, key: 'k' };

  it('says when there was nothing to choose', () => {
    expect(explorationSummary({ states: 0, complete: true, findings: [finding] })).toBe(
      'No scheduling choice: the tasks can run in one order only, so there is one distinct outcome.',
    );
  });

  it('says whether the search was complete, and what was left when it stopped', () => {
    expect(explorationSummary({ states: 24, complete: true, findings: [finding, finding] })).toBe(
      'Explored all 24 scheduling points: 2 distinct outcomes, and no other is reachable.',
    );
    expect(explorationSummary({ states: 20_000, complete: false, findings: [finding], stopped: { reason: 'states', untried: 7 } })).toBe(
      'Stopped after 20,000 scheduling points (the state limit), 7 choices on the current path untried: 1 distinct outcome so far; there may be more.',
    );
    expect(explorationSummary({ states: 1, complete: false, findings: [finding], cutRuns: 1 })).toBe(
      'Explored all 1 scheduling point, but 1 run went on too long without a choice and was cut: 1 distinct outcome, and there may be more.',
    );
    expect(explorationSummary({ states: 12, complete: false, findings: [], stopped: { reason: 'cancelled', untried: 1 } })).toBe(
      'Cancelled after 12 scheduling points, 1 choice on the current path untried: 0 distinct outcomes so far; there may be more.',
    );
  });

  it('writes the progress line and the matrix cells', () => {
    expect(progressText({ states: 12345, transitions: 0, depth: 31, maxDepth: 40, outcomes: 2, ends: 9, tableBytes: 0, seconds: 3.04, rate: 4100.4, memory: 45 * 2 ** 20, memoryOf: 'heap' })).toBe(
      '12,345 states · 4,100 states/s · depth 31 · 3.0 s · 45 MB heap',
    );
    const dead = explore(getPreset('P10')!.scenario, { variant: 'split' });
    expect(cellText(dead.findings[0].outcome)).toBe('deadlock at location i');
    const r = (e: typeof dead): VariantRun => ({ variant: e.variant, status: 'done', progress: null, findings: e.findings, exploration: e, error: null });
    expect(runVerdict(r(dead))).toBe('deadlock at location i in 1 end state');
    expect(runVerdict(r(explore(getPreset('P10')!.scenario, { variant: 'split-poc19' })))).toBe('none: every interleaving ends ok');
  });
});

describe('explorationBrief (a matrix row)', () => {
  it('says a search without any scheduling point covered the one order there is, not "0 states"', () => {
    const one = explore(getPreset('P10')!.scenario, { variant: 'split-poc19' });
    expect(one.states).toBe(0);
    expect(explorationBrief(one)).toBe('one order only, complete');
    expect(explorationBrief(ex16())).toMatch(/^\d+ scheduling points?, complete$/);
    expect(explorationBrief({ states: 12, complete: false, stopped: { reason: 'cancelled', untried: 3 } })).toBe('12 scheduling points, cancelled: incomplete');
    expect(explorationBrief({ states: 1, complete: false, stopped: { reason: 'states', untried: 3 } })).toBe('1 scheduling point, stopped: incomplete');
  });
});

function ex16() {
  return explore(p16, { variant: 'split' });
}
