import { describe, expect, it } from 'vitest';
import { getPreset } from '../presets/index';
import { run } from '../test/run';
import { worldAt } from '../engine/replay';
import { patchView } from './patchQueries';
import type { Trace } from '../model/trace';

/** The phases a patch goes through over a whole run, each once, in order. */
function phases(t: Trace, name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < t.steps.length; i++) {
    const p = patchView(worldAt(t, i), name)?.phase ?? 'none';
    if (out[out.length - 1] !== p) out.push(p);
  }
  return out;
}

describe("a livepatch's own state", () => {
  it('P16: lp1 enables, stays in its patching transition while T1 is busy, then is patched', () => {
    const t = run(getPreset('P16')!.scenario, { variant: 'upstream' });
    expect(phases(t, 'lp1')).toEqual(['none', 'enabling', 'transition', 'patched']);
    const mid = t.steps.findIndex((s) => s.dmesg?.includes('livepatch: signaling remaining tasks'));
    expect(mid).toBeGreaterThan(0);
    expect(patchView(worldAt(t, mid), 'lp1')).toMatchObject({ phase: 'transition', sysfs: { enabled: 1, transition: 1 }, pending: 1 });
  });

  it('P17: lp1 is replaced by the cumulative lp2 and freed', () => {
    const t = run(getPreset('P17')!.scenario, { variant: 'upstream' });
    // No task sits in a patched function: the transition completes within the step that starts it.
    expect(phases(t, 'lp1')).toEqual(['none', 'enabling', 'patched', 'replaced', 'none']);
    expect(phases(t, 'lp2')).toContain('patched');
  });

  // klp_force_transition(): before v5.18 every patch is marked forced, since v5.18 none is for a
  // patching transition without replace; the mark keeps the patch's module in use.
  it('P16f: after lp2 is forced, lp1 and lp2 say their modules stay in use on v5.5, neither does on v7.1', () => {
    const texts = (variant: 'upstream' | 'v7.1') => {
      const t = run(getPreset('P16f')!.scenario, { variant });
      const w = worldAt(t, t.steps.findIndex((s) => s.dmesg?.includes("livepatch: 'lp2': patching complete")));
      return [patchView(w, 'lp1')?.text, patchView(w, 'lp2')?.text];
    };
    expect(texts('upstream')).toEqual(['patched; forced: its module stays in use for good', 'patched; forced: its module stays in use for good']);
    expect(texts('v7.1')).toEqual(['patched', 'patched']);
  });
});
