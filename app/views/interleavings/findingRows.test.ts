import { describe, expect, it } from 'vitest';
import { explore, getPreset, run } from '@engine';
import { explorationSummary, findingRows, outcomeKey } from './findingRows';

const p16 = getPreset('P16')!.scenario;

describe('findingRows', () => {
  // P16 in the split POC: lp2 either finds lp1's transition still pending (error) or not (ok).
  const ex = explore(p16, { variant: 'split', maxStates: 20_000 });
  const byDefault = run(p16, { variant: 'split' }).outcome;

  it('lists each outcome of P16 (split) once, with the schedule that reaches it', () => {
    const rows = findingRows(ex, byDefault, byDefault);
    expect(rows.map((r) => r.outcome.kind).sort()).toEqual(['error', 'ok']);
    for (const r of rows) expect(run(p16, { variant: 'split', schedule: r.schedule }).outcome.kind).toBe(r.outcome.kind);
  });

  it('tags the outcome on screen and the one the default schedule reaches', () => {
    const ok = ex.findings.find((f) => f.outcome.kind === 'ok')!;
    const shown = run(p16, { variant: 'split', schedule: ok.schedule }).outcome;
    const rows = findingRows(ex, shown, byDefault);
    expect(rows.find((r) => r.outcome.kind === 'ok')).toMatchObject({ onScreen: true, byDefault: false });
    expect(rows.find((r) => r.outcome.kind === 'error')).toMatchObject({ onScreen: false, byDefault: true });
  });

  it('keys outcomes by kind and summary, as the explorer does', () => {
    expect(outcomeKey({ kind: 'ok', summary: 'every command finished successfully' })).toBe('ok|every command finished successfully');
  });
});

describe('explorationSummary', () => {
  const finding = { outcome: { kind: 'ok' as const, summary: 'x', step: 1, failures: [], warnings: [] }, schedule: [] };

  it('says when there was nothing to choose', () => {
    expect(explorationSummary({ states: 0, complete: true, findings: [finding] })).toBe(
      'No scheduling choice: the tasks can run in one order only, so there is one distinct outcome.',
    );
  });

  it('says whether the search was complete', () => {
    expect(explorationSummary({ states: 24, complete: true, findings: [finding, finding] })).toBe(
      'Explored all 24 scheduling points: 2 distinct outcomes, and no other is reachable.',
    );
    expect(explorationSummary({ states: 20_000, complete: false, findings: [finding] })).toBe(
      'Stopped after 20,000 scheduling points (the limit): 1 distinct outcome so far; there may be more.',
    );
  });
});
