import { describe, expect, it } from 'vitest';
import { getPreset } from '../presets/index';
import { run } from '../test/run';
import { recursionBreaks } from './recursionBreaks';

describe('where 19/23 breaks the recursion', () => {
  it('P10 with 19/23: H1 loading lp again gets -EEXIST, and modprobe takes it as success', () => {
    const t = run(getPreset('P10')!.scenario, { variant: 'split-poc19' });
    const [b, ...rest] = recursionBreaks(t);
    expect(rest).toEqual([]);
    expect(b).toMatchObject({ task: 'H1', module: 'lp' });
    expect(t.steps[b.step].text).toMatch(/klp_break_recursion\(\) = true/);
    expect(t.steps[b.until].text).toMatch(/-EEXIST taken as success/);
    expect(t.steps.slice(b.step + 1, b.until).every((s) => s.label !== 'H1' || s.kind === 'ret')).toBe(true);
  });

  it('nothing without 19/23', () => {
    expect(recursionBreaks(run(getPreset('P10')!.scenario, { variant: 'split' }))).toEqual([]);
  });
});
