import { describe, expect, it } from 'vitest';
import { explore } from './explore';
import { run } from '../engine/run';
import { getPreset } from '../presets/index';

describe('interleaving explorer', () => {
  it('finds both orders of P16 and each schedule replays to its outcome', () => {
    const p = getPreset('P16')!;
    const e = explore(p.scenario, { variant: 'split' });
    expect(e.complete).toBe(true);
    const kinds = e.findings.map((f) => f.outcome.kind).sort();
    // T1 enters cmdline_proc_show before lp1's transition (lp2 gets -EBUSY), or after it (all ok).
    expect(kinds).toEqual(['error', 'ok']);
    for (const f of e.findings) {
      const t = run(p.scenario, { variant: 'split', schedule: f.schedule });
      expect(t.outcome.kind).toBe(f.outcome.kind);
      expect(t.outcome.summary).toBe(f.outcome.summary);
    }
  });

  it('proves situation 2 deadlocks in every interleaving without 19/23 and never with it', () => {
    const s = getPreset('P10')!.scenario;
    const without = explore(s, { variant: 'split' });
    expect(without.complete).toBe(true);
    expect(without.findings.map((f) => f.outcome.kind)).toEqual(['deadlock']);
    const withPatch = explore(s, { variant: 'split-poc19' });
    expect(withPatch.findings.map((f) => f.outcome.kind)).toEqual(['ok']);
  });

  it('reports an incomplete search when the state limit is hit', () => {
    const e = explore(getPreset('P16')!.scenario, { variant: 'upstream', maxStates: 2 });
    expect(e.complete).toBe(false);
    expect(e.states).toBe(2);
  });
});
