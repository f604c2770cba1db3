import { describe, expect, it } from 'vitest';
import { getPreset } from '../presets/index';
import { run } from '../test/run';
import { firstDivergence, transcript } from './firstDivergence';

const p10 = getPreset('P10')!.scenario;

describe('firstDivergence', () => {
  it('finds nothing between a run and itself', () => {
    const t = run(p10, { variant: 'split' });
    expect(firstDivergence(t, t)).toBeNull();
  });

  it('marks where the deadlocking split run stops and 19/23 goes on enabling the patch', () => {
    const a = run(p10, { variant: 'split' });
    const b = run(p10, { variant: 'split-poc19' });
    const d = firstDivergence(a, b)!;
    expect(d.reason).toBe('output');
    // Both print the same commands and the taint line first.
    expect(transcript(a).slice(0, d.line)).toEqual(
      transcript(b)
        .slice(0, d.line)
        .map((l, k) => ({ ...l, step: transcript(a)[k].step })),
    );
    expect(d.lineA).toBeNull();
    expect(d.lineB).toBe("livepatch: enabling patch 'lp'");
    expect(d.stepA).toBe(a.steps.length - 1);
    expect(b.steps[d.stepB].dmesg).toContain("livepatch: enabling patch 'lp'");
  });

  it('reports an outcome difference when the output is the same', () => {
    const a = run(p10, { variant: 'split' });
    const b = { ...a, outcome: { ...a.outcome, kind: 'ok' as const, summary: 'fine' } };
    expect(firstDivergence(a, b)?.reason).toBe('outcome');
  });
});
