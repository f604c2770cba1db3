import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { kernelGraph, kernelLayoutRequest, type ModulesJson } from './kernelGraph';

describe('kernelGraph', () => {
  it('links modules to their direct providers, without vmlinux', () => {
    const g = kernelGraph({
      kernel: 'test',
      modules: {
        b: { imports: { vmlinux: ['printk'], a: ['a_fn'] } },
        a: { imports: { vmlinux: ['printk'] }, exports: ['a_fn'] },
        c: { imports: { a: ['a_fn', 'a_gn'], b: ['b_fn'] } },
      },
    });
    expect(g.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(g.edges.map((e) => e.id)).toEqual(['b>a', 'c>a', 'c>b']);
    expect(g.nodes[0].usedBy).toEqual(['b', 'c']);
    expect(g.nodes[2].uses).toEqual(['a', 'b']);
  });

  it('reads the shipped Debian kernel: 1121 modules', () => {
    const json = JSON.parse(readFileSync(new URL('../../../public/data/debian-6.1.0-47-cloud-amd64.modules.json', import.meta.url), 'utf8')) as ModulesJson;
    const g = kernelGraph(json);
    expect(g.nodes).toHaveLength(1121);
    expect(g.edges.length).toBeGreaterThan(1000);
    expect(g.edges.every((e) => e.target !== 'vmlinux')).toBe(true);
    const req = kernelLayoutRequest(g);
    expect(req.nodes).toHaveLength(1121);
    expect(req.options['elk.randomSeed']).toBe('1');
  });
});
