import { describe, expect, it } from 'vitest';
import { getPreset, run } from '@engine';
import { bucket, buildLanes, callArg, laneRows, LaneState } from './lanes';
import { adjacentMarker, markersOf } from './markers';

const t = run(getPreset('P10')!.scenario, { variant: 'split' });

describe('buildLanes', () => {
  it('has one lane per task, with the nested loads of lp by U1 and H1', () => {
    const { lanes, maxDepth } = buildLanes(t);
    expect(lanes.map((l) => l.label)).toEqual(['U1', 'H1']);
    expect(lanes[0].notes.map((n) => n.text)).toEqual(['load M', 'load lp', 'request lp__M']);
    expect(lanes[1].notes.map((n) => n.text)).toEqual(['load lp']);
    expect(maxDepth).toBeGreaterThanOrEqual(9);
  });

  it('records blocking and absence', () => {
    const { lanes } = buildLanes(t);
    const last = t.steps.length - 1;
    const [u1, h1] = lanes;
    expect(h1.state[0]).toBe(LaneState.Absent);
    expect(h1.depth[0]).toBe(-1);
    expect(u1.state[last]).toBe(LaneState.Blocked);
    expect(h1.state[last]).toBe(LaneState.Ran);
    expect(bucket(u1, 0, t.steps.length).state).toBe(LaneState.Ran);
    expect(bucket(h1, 0, 3)).toEqual({ depth: -1, state: LaneState.Absent });
  });

  it('reads the first argument of a call', () => {
    expect(callArg('load_module', 'load_module(lp, {})')).toBe('lp');
    expect(callArg('request_module', 'mutex_unlock(&klp_mutex); request_module(lp__M)')).toBe('lp__M');
    expect(callArg('request_module', 'mutex_lock(&klp_mutex)')).toBeNull();
    expect(callArg('load_module', '')).toBeNull();
  });
});

describe('markers', () => {
  it('marks klp_module_coming, request_module, waits and the deadlock at the end', () => {
    const m = markersOf(t);
    const kinds = new Set(m.map((x) => x.kind));
    expect(kinds).toEqual(new Set(['klp_module_coming', 'request_module', 'wait', 'outcome']));
    expect(m[m.length - 1]).toEqual({ step: t.steps.length - 1, kind: 'outcome' });
  });

  it('moves between markers', () => {
    const m = [{ step: 3, kind: 'wait' as const }, { step: 9, kind: 'outcome' as const }];
    expect(adjacentMarker(m, 0, 1)).toBe(3);
    expect(adjacentMarker(m, 3, 1)).toBe(9);
    expect(adjacentMarker(m, 9, 1)).toBeNull();
    expect(adjacentMarker(m, 9, -1)).toBe(3);
    expect(adjacentMarker(m, 3, -1)).toBeNull();
  });
});

describe('laneRows', () => {
  it('folds the kernel workers of P16 (21 kworkers) into one row, and unfolds them on demand', () => {
    const p16 = run(getPreset('P16')!.scenario, { variant: 'split' });
    const { lanes } = buildLanes(p16);
    expect(lanes.length).toBe(23);
    const rows = laneRows(lanes, false);
    expect(rows.map((r) => (r.kind === 'lane' ? r.lane.label : `fold of ${r.lanes.length}`))).toEqual(['T1', 'U1', 'fold of 21']);
    const fold = rows[2];
    if (fold.kind !== 'fold') throw new Error('expected a fold');
    // Each step of any worker shows in the folded row.
    for (const w of fold.lanes) for (let i = 0; i < p16.steps.length; i++) expect(fold.merged.depth[i]).toBeGreaterThanOrEqual(w.depth[i]);
    expect(laneRows(lanes, true)).toHaveLength(23);
  });
});
