import { describe, expect, it } from 'vitest';
import { perTest } from '../test/helpers';
import { getPreset } from '../presets/index';
import { run } from '../test/run';
import { worldAt } from '../engine/replay';
import { killableTasks, killEffect } from './kill';

describe('killEffect', () => {
  // P08 (split) at the deadlock: U1 in request_module() waits for H1, H1 waits for U1's COMING M.
  const t = perTest(() => run(getPreset('P08')!.scenario, { variant: 'split' }));
  const w = perTest(() => worldAt(t(), t().steps.length - 1));
  const task = (l: string) => w().tasks.find((x) => x.label === l)!;

  it('offers both tasks of the cycle', () => {
    expect(killableTasks(w()).map((x) => x.label)).toEqual(['U1', 'H1']);
  });

  it('explains killing the helper: request_module() fails and so does the load', () => {
    expect(killEffect(task('H1'), w())).toBe(
      'H1 dies → request_module("lp__M") in U1 returns its signal status → the module load that asked for it fails.',
    );
  });

  it("explains killing the user's modprobe: the helper retries one level deeper", () => {
    expect(killEffect(task('U1'), w())).toMatch(/^U1 dies and its COMING module is unwound, but H1 lives on → it loads that module itself → it can deadlock one level deeper/);
  });

  it('offers nothing once the run is over', () => {
    const ok = run(getPreset('P10')!.scenario, { variant: 'split-poc19' });
    expect(ok.outcome.kind).toBe('ok');
    expect(killableTasks(worldAt(ok, ok.steps.length - 1))).toEqual([]);
  });
});
