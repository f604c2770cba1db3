import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { groupByDirectory, indexGraph, parseModuleGraph } from '@engine';
import { linksOfGroup, overviewSections } from './overviewSections';

const graph = (f: string) => indexGraph(parseModuleGraph(readFileSync(new URL(`../../../public/data/${f}.modules.json`, import.meta.url), 'utf8')));

describe('overviewSections', () => {
  it('orders areas and their groups by size, every group once', () => {
    const o = groupByDirectory(graph('debian-6.1.0-47-cloud-amd64'));
    const s = overviewSections(o.groups);
    expect(s.map((x) => x.area).slice(0, 2)).toEqual(['drivers', 'net']);
    expect(s.flatMap((x) => x.groups).length).toBe(o.groups.length);
    expect(s.reduce((a, x) => a + x.modules, 0)).toBe(1121);
    const net = s.find((x) => x.area === 'net')!;
    expect(net.groups[0].id).toBe('net/netfilter');
  });

  it("counts a picked group's links both ways", () => {
    const links = [
      { source: 'a', target: 'b', count: 3 },
      { source: 'b', target: 'a', count: 1 },
      { source: 'c', target: 'a', count: 2 },
      { source: 'c', target: 'b', count: 9 },
    ];
    expect([...linksOfGroup(links, 'a')]).toEqual([
      ['b', { uses: 3, usedBy: 1 }],
      ['c', { uses: 0, usedBy: 2 }],
    ]);
  });
});
