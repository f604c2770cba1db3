import { describe, expect, it } from 'vitest';
import { explore, exploreVariants, Search } from './explore';
import { run } from '../engine/run';
import { getPreset, PRESETS } from '../presets/index';
import { scaledSituation2 } from '../presets/scaled';
import { VARIANT_IDS } from '../model/variant';
import { symmetryOf } from './stateKey';
import { outcomeGroupKey } from './outcomeGroups';

describe('interleaving explorer', () => {
  it('finds both orders of P16 and each schedule replays to its outcome', () => {
    const p = getPreset('P16')!;
    const e = explore(p.scenario, { variant: 'split' });
    expect(e.complete).toBe(true);
    // T1 enters cmdline_proc_show before lp1's transition (lp2 gets -EBUSY), or after it (all ok).
    expect(e.findings.map((f) => f.outcome.kind).sort()).toEqual(['error', 'ok']);
    for (const f of e.findings) {
      const t = run(p.scenario, { variant: 'split', schedule: f.schedule });
      expect(t.outcome.kind).toBe(f.outcome.kind);
      expect(t.outcome.summary).toBe(f.outcome.summary);
      expect(f.count).toBeGreaterThan(0);
    }
  });

  it('proves situation 2 deadlocks in every interleaving without 19/23 and never with it', () => {
    const s = getPreset('P10')!.scenario;
    const [without, withPatch] = exploreVariants(s, {}, ['split', 'split-poc19']);
    expect(without.complete).toBe(true);
    expect(without.findings.map((f) => f.outcome.kind)).toEqual(['deadlock']);
    expect(withPatch.complete).toBe(true);
    expect(withPatch.findings.map((f) => f.outcome.kind)).toEqual(['ok']);
  });

  it("reaches every preset's expected outcome in its kernels, and every schedule replays to its group", () => {
    for (const p of PRESETS) {
      const sym = symmetryOf(p.scenario);
      for (const v of VARIANT_IDS) {
        const e = explore(p.scenario, { variant: v });
        expect(e.complete, `${p.id} ${v}`).toBe(true);
        const want = p.expected[v]?.outcome;
        if (want) expect(e.findings.map((f) => f.outcome.kind), `${p.id} ${v}`).toContain(want);
        for (const f of e.findings) {
          const t = run(p.scenario, { variant: v, schedule: f.schedule });
          expect(outcomeGroupKey(t.outcome, t.final, sym), `${p.id} ${v}: ${f.schedule.join(',')}`).toBe(f.key);
        }
      }
    }
  }, 120_000);

  it('says when it stopped at the state limit, and what it had not tried', () => {
    const e = explore(getPreset('P16')!.scenario, { variant: 'upstream', maxStates: 2 });
    expect(e.complete).toBe(false);
    expect(e.states).toBe(2);
    expect(e.stopped?.reason).toBe('states');
    expect(e.stopped?.untried).toBeGreaterThan(0);
  });

  it('is not complete when a run had to be cut at the step limit', () => {
    // A worker polls every 20 ms while a user sleeps 1000 s: the time changes, no state repeats.
    const s = {
      type: 'klp-playground/scenario',
      version: 1,
      title: 'a worker polls for a long time',
      modules: [{ name: 'test_klp_callbacks_busy', model: 'test_klp_callbacks_busy', params: { block_transition: { type: 'bool', default: 'N' } } }],
      livepatches: [],
      tasks: [{ commands: ['modprobe test_klp_callbacks_busy block_transition=Y', 'sleep 1000'] }],
    };
    const e = explore(s, { variant: 'upstream' });
    expect(e.cutRuns).toBe(1);
    expect(e.complete).toBe(false);
    expect(e.findings[0].outcome).toMatchObject({ kind: 'limit', summary: expect.stringContaining('without a scheduling choice') });
    // Under the run's own step limit it is that limit the run reached, and the summary says so.
    const short = explore(s, { variant: 'upstream', maxSteps: 5000 });
    expect(short.complete).toBe(false);
    expect(short.findings[0].outcome).toMatchObject({ kind: 'limit', summary: expect.stringContaining("the run's step limit (5,000 steps)") });
  });

  it('runs in chunks as it runs in one go, and stops when told', () => {
    const s = scaledSituation2(2, 1);
    const whole = explore(s, { variant: 'split' });
    const chunked = new Search(s, { variant: 'split' });
    let chunks = 0;
    while (!chunked.run(1)) chunks++;
    const r = chunked.result();
    expect(chunks).toBeGreaterThan(10);
    expect(r.states).toBe(whole.states);
    expect(r.findings.map((f) => [f.key, f.count])).toEqual(whole.findings.map((f) => [f.key, f.count]));
    const cancelled = new Search(s, { variant: 'split' });
    cancelled.run(3);
    cancelled.stop('cancelled');
    expect(cancelled.run(100)).toBe(true);
    expect(cancelled.result()).toMatchObject({ complete: false, stopped: { reason: 'cancelled' } });
  });

  it('groups outcomes that differ only in interchangeable tasks: one deadlock, counted, not one per helper', () => {
    // N=2 K=1 split: U1 or U2 (both `modprobe M1`) may load M1; U3's helper deadlocks on P.
    const s = scaledSituation2(2, 1);
    const e = explore(s, { variant: 'split' });
    const dead = e.findings.filter((f) => f.outcome.kind === 'deadlock');
    expect(dead).toHaveLength(1);
    expect(dead[0].outcome.location).toBe('add_unformed_module');
    // The unreduced search meets it under several names, all in the one group.
    const whole = explore(s, { variant: 'split', reduction: 'none' });
    expect(whole.findings.filter((f) => f.outcome.kind === 'deadlock').map((f) => f.key)).toEqual([dead[0].key]);
    expect(new Set(e.findings.map((f) => f.key)).size).toBe(e.findings.length);
  });

  it('finds the deadlock of scaled situation 2 at N=3 K=2 and proves N=3 K=2 safe with 19/23', () => {
    const s = scaledSituation2(3, 2);
    const split = explore(s, { variant: 'split' });
    expect(split.complete).toBe(true);
    expect(split.findings.some((f) => f.outcome.kind === 'deadlock' && f.outcome.seedLocation === 'i')).toBe(true);
    const fixed = explore(s, { variant: 'split-poc19' });
    expect(fixed.complete).toBe(true);
    expect(fixed.findings.map((f) => f.outcome.kind)).toEqual(['ok']);
  }, 60_000);
});
