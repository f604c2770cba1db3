import { describe, expect, it } from 'vitest';
import { PRESETS, getPreset } from '@engine';
import { EMPTY_FILTER, presetMatches, readFilter, type GalleryFilter } from './galleryFilter';

const ids = (f: Partial<GalleryFilter>) => PRESETS.filter((p) => presetMatches(p, { ...EMPTY_FILTER, ...f })).map((p) => p.id);

describe('gallery filter', () => {
  it('lists everything without a filter', () => {
    expect(ids({})).toHaveLength(PRESETS.length);
  });

  it('filters by situation, dependency type and location', () => {
    expect(ids({ situation: 3 })).toEqual(['P13']);
    expect(ids({ situation: 1 })).toEqual(expect.arrayContaining(['P08', 'P08k']));
    expect(ids({ depType: 'C', kind: 'seed' })).toContain('P10');
    expect(ids({ depType: 'C', kind: 'seed' })).not.toContain('P08');
    expect(ids({ location: 'ii' })).toContain('P11');
  });

  it("filters by what a variant's run gives", () => {
    const fixed = ids({ variant: 'split-poc19', outcome: 'ok', kind: 'seed' });
    expect(fixed).toContain('P10');
    expect(fixed).not.toContain('P08');
    expect(ids({ variant: 'split', outcome: 'deadlock' })).toEqual(expect.arrayContaining(['P08', 'P10', 'P13']));
  });

  it('tells selftest presets from seed presets', () => {
    expect(ids({ kind: 'selftest' }).every((id) => /^ST7?-/.test(id))).toBe(true);
    expect(ids({ kind: 'seed' }).every((id) => getPreset(id)!.seed)).toBe(true);
  });

  it('searches words in id, title and summary', () => {
    expect(ids({ query: 'p13' })).toEqual(['P13']);
    expect(ids({ query: 'type d' })).toContain('P13');
    expect(ids({ query: 'nothing-matches-this' })).toEqual([]);
  });

  it('keeps only the stored fields it knows', () => {
    expect(readFilter('{"kind":"seed","situation":2,"variant":"nope","outcome":"boom","query":3}')).toEqual({ ...EMPTY_FILTER, kind: 'seed', situation: 2 });
    expect(readFilter('not json')).toEqual(EMPTY_FILTER);
    expect(readFilter('null')).toEqual(EMPTY_FILTER);
  });
});
