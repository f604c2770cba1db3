import { describe, expect, it } from 'vitest';
import ELK from 'elkjs/lib/elk.bundled.js';
import { fromElkGraph, LAYERED_OPTIONS, toElkGraph } from './toElkGraph';
import type { LayoutRequest } from './types';

const req: LayoutRequest = {
  nodes: [
    { id: 'vmlinux', width: 100, height: 40 },
    { id: 'M', width: 100, height: 40 },
    { id: 'lp', width: 100, height: 40 },
    { id: 'lp__M', width: 100, height: 40 },
  ],
  edges: [
    { id: 'e1', source: 'lp__M', target: 'lp', label: { text: 'C: lp_shared_cb', width: 90, height: 16 } },
    { id: 'e2', source: 'M', target: 'lp__M' },
  ],
  options: LAYERED_OPTIONS,
};

describe('toElkGraph / fromElkGraph', () => {
  it('passes sizes, edges and labels to ELK', () => {
    const g = toElkGraph(req);
    expect(g.children).toHaveLength(4);
    expect(g.edges?.[0]).toMatchObject({ sources: ['lp__M'], targets: ['lp'], labels: [{ text: 'C: lp_shared_cb', width: 90 }] });
    expect(g.edges?.[1].labels).toBeUndefined();
  });

  it('lays out deterministically, dependents above what they depend on', async () => {
    const elk = new ELK();
    const a = fromElkGraph(await elk.layout(toElkGraph(req)), 0);
    const b = fromElkGraph(await elk.layout(toElkGraph(req)), 0);
    expect(a).toEqual(b);
    expect(a.positions.lp__M.y).toBeLessThan(a.positions.lp.y);
    expect(a.positions.M.y).toBeLessThan(a.positions.lp__M.y);
    expect(a.edges.e1.points.length).toBeGreaterThanOrEqual(2);
    expect(a.edges.e1.label).toBeDefined();
  });
});
