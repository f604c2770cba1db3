import { describe, expect, it } from 'vitest';
import { PRESETS, getPreset } from './index';
import { presetFacets } from './facets';

const facets = (id: string) => presetFacets(getPreset(id)!);

describe('presetFacets', () => {
  it('types the seed situations by their dependencies and deadlock locations', () => {
    expect(facets('P08')).toMatchObject({ kind: 'seed', situation: 1, locations: ['i'] });
    expect(facets('P08').depTypes).toContain('B');
    expect(facets('P10')).toMatchObject({ kind: 'seed', situation: 2 });
    expect(facets('P10').depTypes).toContain('C');
    expect(facets('P13')).toMatchObject({ kind: 'seed', situation: 3 });
    expect(facets('P13').depTypes).toContain('D');
    expect(facets('P11').locations).toContain('ii');
  });

  it('gives each variant the outcome its expectation names', () => {
    expect(facets('P10').outcomes.split).toBe('deadlock');
    expect(facets('P10').outcomes['split-poc19']).toBe('ok');
  });

  it('tells the kernel selftests from the other presets', () => {
    const kinds = new Map(PRESETS.map((p) => [p.id, presetFacets(p).kind]));
    expect([...kinds].filter(([id]) => /^ST7?-/.test(id)).every(([, k]) => k === 'selftest')).toBe(true);
    expect(kinds.get('P01')).toBe('other');
    expect([...kinds.values()].filter((k) => k === 'seed')).toHaveLength(PRESETS.filter((p) => p.seed).length);
  });

  it('gives every seed preset a situation', () => {
    for (const p of PRESETS.filter((x) => x.seed)) expect(presetFacets(p).situation, p.id).toBeDefined();
  });
});
