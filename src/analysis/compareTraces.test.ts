import { describe, expect, it } from 'vitest';
import { getPreset } from '../presets/index';
import { run } from '../test/run';
import { firstStepDivergence } from './compareTraces';

const p10 = getPreset('P10')!.scenario;

describe('firstStepDivergence', () => {
  it('finds nothing between a run and itself', () => {
    const t = run(p10, { variant: 'split' });
    expect(firstStepDivergence(t, t)).toBeNull();
  });

  it('split vs split + 19/23: the runs part where H1 calls klp_break_recursion(), long before the output differs', () => {
    const a = run(p10, { variant: 'split' });
    const b = run(p10, { variant: 'split-poc19' });
    const d = firstStepDivergence(a, b)!;
    expect(d.b?.text).toMatch(/klp_break_recursion\(lp\)/);
    expect(d.a?.label).toBe('H1');
    // Up to there both runs did the same, step for step.
    for (let i = 0; i < d.step; i++) expect(b.steps[i].text).toBe(a.steps[i].text);
    const firstOutput = b.steps.findIndex((s, i) => (s.dmesg ?? []).join() !== (a.steps[i]?.dmesg ?? []).join());
    expect(d.step).toBeLessThan(firstOutput);
  });

  it('hunk (i) alone vs both hunks: the same until lp__M resolves its symbol of lp (the ref_module hunk)', () => {
    const a = run(p10, { variant: 'split-break-only' });
    const b = run(p10, { variant: 'split-poc19' });
    const d = firstStepDivergence(a, b)!;
    expect(a.steps.slice(0, d.step).some((s) => s.marks?.includes('klp_break_recursion'))).toBe(true);
    expect(`${d.a?.text} ${d.b?.text}`).toMatch(/resolve_symbol_wait|ref_module/);
  });

  it('a run that stops early ends where the other goes on', () => {
    const a = run(p10, { variant: 'split' });
    const d = firstStepDivergence(a, { ...a, steps: a.steps.slice(0, 10) });
    expect(d).toMatchObject({ step: 10, reason: 'end', b: null });
  });
});
