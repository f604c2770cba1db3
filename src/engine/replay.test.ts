/**
 * worldAt(): the world at any step of a trace, rebuilt from a checkpoint, must be the world a
 * fresh run reaches after the same number of steps.
 */
import { describe, expect, it } from 'vitest';
import { perTest } from '../test/helpers';
import { replaySteps, worldAt } from './replay';
import { fingerprint } from '../rules/fingerprint';
import { getPreset } from '../presets/index';
import { run } from '../test/run';
import type { VariantId } from '../model/variant';

const CASES: [string, VariantId][] = [
  ['P03', 'upstream'],
  ['P08', 'split'],
  ['P10', 'split-poc19'],
  ['P11', 'split-break-only'],
  ['P16', 'split'],
  ['P17', 'split-poc19'],
];

function sample(n: number): number[] {
  return [...new Set([0, 1, 2, Math.floor(n / 3), Math.floor(n / 2), n - 2, n - 1])].filter((i) => i >= 0 && i < n);
}

describe('worldAt(trace, i) equals a fresh run stopped after step i', () => {
  for (const [id, variant] of CASES) {
    for (const every of [256, 7]) {
      it(`${id} [${variant}], checkpoint every ${every}`, () => {
        const scenario = getPreset(id)!.scenario;
        const t = run(scenario, { variant, checkpointEvery: every });
        for (const i of sample(t.steps.length)) {
          const fresh = run(scenario, { variant, maxSteps: i + 1 }).final;
          const replayed = worldAt(t, i);
          expect(fresh.step).toBe(i + 1);
          expect(fingerprint(replayed), `step ${i}`).toBe(fingerprint(fresh));
          expect(replayed, `step ${i}`).toEqual(fresh);
        }
      });
    }
  }
});

describe('worldAt() edges', () => {
  const scenario = getPreset('P10')!.scenario;
  const t = perTest(() => run(scenario, { variant: 'split', checkpointEvery: 16 }));

  it('the last step gives the final world', () => {
    expect(worldAt(t(), t().steps.length - 1)).toEqual(t().final);
  });

  it('i = -1 is the boot world; indexes past the end clamp to the final world', () => {
    expect(worldAt(t(), -1)).toEqual(t().checkpoints[0].world);
    expect(worldAt(t(), 10 * t().steps.length)).toEqual(t().final);
  });

  it('returns a fresh copy the caller may change', () => {
    const a = worldAt(t(), t().steps.length - 1);
    a.modules.length = 0;
    expect(t().final.modules.length).toBeGreaterThan(0);
    const b = worldAt(t(), 5);
    b.tasks[0].label = 'changed';
    expect(worldAt(t(), 5).tasks[0].label).not.toBe('changed');
  });

  it('does not mutate the trace (compared with a second, untouched run)', () => {
    const untouched = run(scenario, { variant: 'split', checkpointEvery: 16 });
    for (const i of [0, 3, 17, 40, t().steps.length - 1, -1]) worldAt(t(), i);
    expect(t()).toEqual(untouched);
  });

  it('a trace run without checkpoints can only give its final world', () => {
    const bare = run(scenario, { variant: 'split', checkpointEvery: 0 });
    expect(worldAt(bare, bare.steps.length - 1)).toEqual(bare.final);
    expect(() => worldAt(bare, 3)).toThrow('this trace was run without checkpoints');
  });
});

describe('worldAt from a nearby world', () => {
  it('stepping forward from an earlier world of the trace gives the same world as from the checkpoint', () => {
    const t = run(getPreset('P16')!.scenario, { variant: 'split', checkpointEvery: 64 });
    for (const [a, b] of [[70, 100], [10, 20], [100, 100], [150, 120]]) {
      const near = worldAt(t, a);
      expect(fingerprint(worldAt(t, b, near))).toBe(fingerprint(worldAt(t, b)));
      expect(worldAt(t, b, near).step).toBe(b + 1);
    }
  });
});

describe('replaySteps(): every world of a trace, in order, from one copy', () => {
  const t = perTest(() => run(getPreset('P08')!.scenario, { variant: 'split', checkpointEvery: 16 }));

  it('visits each step once, in order, with the world worldAt() gives for it', () => {
    const seen: number[] = [];
    replaySteps(t(), (i, w) => {
      seen.push(i);
      if (i % 9 === 0 || i === t().steps.length - 1) expect(fingerprint(w), `step ${i}`).toBe(fingerprint(worldAt(t(), i)));
    });
    expect(seen).toEqual(t().steps.map((_, i) => i));
  });

  it('stops when the visitor returns false, and starts from the boot world with its logs empty', () => {
    const seen: number[] = [];
    replaySteps(t(), (i, w) => {
      seen.push(i);
      if (i === 0) expect(w.step).toBe(1);
      return i < 4;
    });
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  it('on a trace stopped by the step limit, visits its steps and none past them', () => {
    const limited = run(getPreset('P10')!.scenario, { variant: 'split', maxSteps: 30, checkpointEvery: 16 });
    const seen: number[] = [];
    replaySteps(limited, (i) => {
      seen.push(i);
    });
    expect(seen).toEqual(limited.steps.map((_, i) => i));
    expect(seen).toHaveLength(30);
  });

  it('refuses a trace run without checkpoints', () => {
    expect(() => replaySteps(run(getPreset('P08')!.scenario, { variant: 'split', checkpointEvery: 0 }), () => {})).toThrow('without checkpoints');
  });
});
