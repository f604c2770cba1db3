/**
 * The reduced search (state key without display data, canonical task names, interchangeable
 * tasks sorted) must reach exactly the outcomes of the unreduced one (the explorer's old key: the
 * whole world but its logs), on every preset in every kernel and on the scaled situation 2 sizes
 * the unreduced search can finish, at both granularities.
 */
import { describe, expect, it } from 'vitest';
import { explore } from './explore';
import { PRESETS } from '../presets/index';
import { scaledSituation2 } from '../presets/scaled';
import { VARIANT_IDS, type VariantId } from '../model/variant';
import type { Granularity } from '../model/trace';
import type { Scenario } from '../model/scenario';

function sameOutcomes(s: Scenario, variant: VariantId, granularity: Granularity): void {
  const reduced = explore(s, { variant, granularity });
  const whole = explore(s, { variant, granularity, reduction: 'none', maxStates: 100_000 });
  expect(whole.complete, 'the unreduced search finished').toBe(true);
  expect(reduced.complete).toBe(true);
  const keys = (e: typeof reduced) => e.findings.map((f) => f.key).sort();
  expect(keys(reduced)).toEqual(keys(whole));
  expect(reduced.states).toBeLessThanOrEqual(whole.states);
}

describe('reduced and unreduced searches reach the same outcomes', () => {
  for (const p of PRESETS) {
    it(`${p.id} in every kernel`, () => {
      for (const v of VARIANT_IDS) sameOutcomes(p.scenario, v, 'default');
    }, 300_000);
  }
  const sizes: [number, number, VariantId[]][] = [
    [1, 1, [...VARIANT_IDS]],
    [2, 1, ['split', 'split-poc19']],
    [1, 2, ['split', 'split-poc19']],
    [2, 2, ['split', 'split-norefs-only']],
  ];
  for (const [n, k, variants] of sizes) {
    it(`scaled situation 2, N=${n} K=${k}`, () => {
      for (const v of variants) sameOutcomes(scaledSituation2(n, k), v, 'default');
    }, 300_000);
  }
  it('at fine granularity: the seed situations, the racing presets and N=1 K=1', () => {
    for (const id of ['P10', 'P08', 'P11', 'P03', 'P06', 'P16', 'P17']) {
      const p = PRESETS.find((x) => x.id === id)!;
      for (const v of VARIANT_IDS) sameOutcomes(p.scenario, v, 'fine');
    }
    sameOutcomes(scaledSituation2(1, 1), 'split', 'fine');
  }, 300_000);

  it("fine granularity's reduction (no choice of its own after a step that touched nothing shared) loses nothing", () => {
    // Against a choice after every step, kills (a signal another task reads) included.
    const cases: [Scenario, VariantId[]][] = [
      ...['P08k', 'P10k', 'P16', 'P03', 'P06'].map((id): [Scenario, VariantId[]] => [PRESETS.find((x) => x.id === id)!.scenario, ['split', 'split-poc19']]),
      [scaledSituation2(1, 1), ['split', 'split-poc19']],
    ];
    for (const [s, variants] of cases) {
      for (const variant of variants) {
        const merged = explore(s, { variant, granularity: 'fine' });
        const every = explore(s, { variant, granularity: 'fine', preemptEveryStep: true });
        expect(every.complete).toBe(true);
        expect(merged.findings.map((f) => f.key).sort(), `${s.title} ${variant}`).toEqual(every.findings.map((f) => f.key).sort());
        expect(merged.states).toBeLessThanOrEqual(every.states);
      }
    }
  }, 300_000);
});
