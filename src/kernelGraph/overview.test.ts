import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { validateModuleGraph } from './format';
import { indexGraph, searchModules } from './graph';
import { groupByDirectory } from './groups';
import { focusGraph, FOCUS_NODE_HEIGHT } from './focus';
import { CHAIN, smallGraph } from '../test/kernelGraphs';

const deb = indexGraph(validateModuleGraph(JSON.parse(readFileSync(new URL('../../public/data/debian-6.1.0-47-cloud-amd64.modules.json', import.meta.url), 'utf8'))));
const g = indexGraph(smallGraph(CHAIN));

describe('indexGraph', () => {
  it('has direct providers, users and dependents', () => {
    expect(g.byName.get('core')).toMatchObject({ dir: 'lib', uses: [], usedBy: ['mid', 'side'], dependents: ['mid', 'side', 'top'] });
    expect(g.byName.get('top')).toMatchObject({ uses: ['mid'], depends: ['mid', 'core'] });
  });

  it('finds modules by name, exact and prefix matches first', () => {
    expect(searchModules(deb, 'nf_tables')[0]).toBe('nf_tables');
    expect(searchModules(deb, 'NF-CONNTRACK')[0]).toBe('nf_conntrack');
    expect(searchModules(deb, '')).toEqual([]);
  });
});

describe('groupByDirectory', () => {
  it('folds small directories into their parent and counts links between groups', () => {
    const o = groupByDirectory(g, 2);
    expect(o.groups.map((x) => `${x.id}:${x.modules.length}`)).toEqual(['drivers/side:2', 'net/mid:2', 'lib:1']);
    expect(o.groups.every((x) => x.folded === 0)).toBe(true);
    // At 3, drivers/side and net/mid are too small for a group of their own.
    expect(groupByDirectory(g, 3).groups.map((x) => `${x.id}:${x.modules.length}:${x.folded}`)).toEqual(['drivers:2:1', 'net:2:1', 'lib:1:0']);
    expect(o.links).toEqual([
      { source: 'drivers/side', target: 'lib', count: 1 },
      { source: 'net/mid', target: 'lib', count: 1 },
    ]);
  });

  it('gives the Debian kernel a readable number of groups, netfilter among the biggest', () => {
    const o = groupByDirectory(deb);
    expect(o.groups.length).toBeLessThan(120);
    expect(o.groups.reduce((a, x) => a + x.modules.length, 0)).toBe(1121);
    expect(o.groups.slice(0, 3).map((x) => x.id)).toContain('net/netfilter');
    expect(o.groupOf.get('nf_tables')).toBe('net/netfilter');
    // Heaviest first.
    expect(o.links[0].count).toBeGreaterThanOrEqual(o.links[1].count);
  });
});

describe('focusGraph', () => {
  it('puts dependencies above by distance and users below, linked', () => {
    const f = focusGraph(g, 'mid');
    const at = (n: string) => f.nodes.find((x) => x.id === n)!;
    expect(at('mid')).toMatchObject({ role: 'self', level: 0, y: 0 });
    expect(at('core')).toMatchObject({ role: 'dependency', level: -1 });
    expect(at('top')).toMatchObject({ role: 'user', level: 1 });
    expect(at('core').y).toBeLessThan(0);
    expect(at('top').y).toBeGreaterThan(0);
    expect(f.edges.map((e) => e.id).sort()).toEqual(['mid>core', 'top>mid']);
    expect(f.hiddenUsers).toBe(0);
  });

  it('caps a hub\'s users and keeps nodes from overlapping', () => {
    const f = focusGraph(deb, 'nf_conntrack', 20);
    expect(f.nodes.filter((n) => n.role === 'user')).toHaveLength(20);
    expect(f.hiddenUsers).toBe(deb.byName.get('nf_conntrack')!.dependents.length - 20);
    for (const a of f.nodes) {
      for (const b of f.nodes) {
        if (a === b) continue;
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + FOCUS_NODE_HEIGHT <= b.y || b.y + FOCUS_NODE_HEIGHT <= a.y;
        expect(apart, `${a.id} and ${b.id} overlap`).toBe(true);
      }
    }
  });
});
