import { describe, expect, it } from 'vitest';
import { DEFAULT_PRESET_ID, getPreset, run } from '@engine';
import { tourStops } from './tourStops';

describe('the guided tour', () => {
  const preset = getPreset(DEFAULT_PRESET_ID)!;

  it('on the default preset in its kernel: coming, enable, request, the nested wait, the deadlock, in step order', () => {
    const t = run(preset.scenario, { variant: preset.variant });
    const stops = tourStops(t, preset.seed);
    expect(stops[0].title).toBe('Situation 2 (type C), step by step');
    expect(stops.map((s) => s.id)).toEqual(['start', 'coming', 'enable', 'request', 'nested', 'end']);
    const steps = stops.map((s) => s.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    const at = (id: string) => t.steps[stops.find((s) => s.id === id)!.step];
    expect(at('coming').marks).toContain('klp_module_coming');
    expect(at('enable').machines?.some((c) => c.machine === 'livepatch' && c.from === null)).toBe(true);
    // U1 sleeps waiting for the helper; the helper sleeps in the loader.
    expect(at('request').marks).toContain('wait');
    expect(at('request').label).toBe('U1');
    expect(at('nested').marks).toContain('wait');
    expect(at('nested').label).toBe('H1');
    expect(stops.find((s) => s.id === 'nested')!.body).toContain('add_unformed_module()');
    expect(stops.find((s) => s.id === 'request')!.body).toContain("'/sbin/modprobe -q -- lp__M'");
    expect(stops.at(-1)!.body).toContain(t.outcome.summary);
  });

  it('with 19/23 the tour shows the break instead of the wait, and no deadlock', () => {
    const t = run(preset.scenario, { variant: 'split-poc19' });
    const stops = tourStops(t);
    expect(stops.map((s) => s.id)).toEqual(['start', 'coming', 'enable', 'request', 'break', 'end']);
    expect(t.steps[stops.find((s) => s.id === 'break')!.step].marks).toContain('klp_break_recursion');
    expect(stops.at(-1)!.title).not.toBe('Deadlock');
  });

  it('a run without livepatch or request_module keeps only the stops it has', () => {
    const t = run(getPreset('P01')!.scenario, { variant: 'upstream' });
    const stops = tourStops(t);
    expect(stops.map((s) => s.id)).toEqual(['start', 'coming', 'end']);
    for (const s of stops) expect(s.step).toBeLessThan(t.steps.length);
  });
});
