import { describe, expect, it } from 'vitest';
import { dependencyGraph, getPreset, run, waitForGraph, worldAt } from '@engine';
import { dependencyLayoutKey, dependencyLayoutRequest, toDependencyFlow } from './toDependencyFlow';
import type { LayoutResult } from '../../layout/types';

const p10 = getPreset('P10')!.scenario;
const emptyLayout: LayoutResult = { positions: {}, edges: {}, width: 0, height: 0, ms: 0 };

describe('toDependencyFlow', () => {
  it('has one node per module file and the implicit split edge', () => {
    const g = dependencyGraph(p10, 'split');
    const t = run(p10, { variant: 'split' });
    const w = worldAt(t, t.steps.length - 1);
    const { nodes, edges } = toDependencyFlow(g, emptyLayout, w, waitForGraph(w), null);
    expect(nodes.map((n) => n.id).sort()).toEqual(['M', 'lp', 'lp__M', 'vmlinux']);
    expect(edges.find((e) => e.data?.depType === 'implicit')).toMatchObject({ source: 'M', target: 'lp__M' });
    expect(edges.find((e) => e.data?.depType === 'C')?.data?.label).toBe('C: lp_shared_cb');
  });

  it('shows, at the deadlock, lp COMING (loaded by U1) and H1\'s second copy lp#2 waiting for it', () => {
    const g = dependencyGraph(p10, 'split');
    const t = run(p10, { variant: 'split' });
    const w = worldAt(t, t.steps.length - 1);
    const lp = toDependencyFlow(g, emptyLayout, w, waitForGraph(w), 'lp').nodes.find((n) => n.id === 'lp')!;
    expect(lp.data.instances).toEqual([{ key: 'lp#1', state: 'MODULE_STATE_COMING', owner: 'U1', refcnt: expect.any(Number) }]);
    expect(lp.data.pending).toMatchObject([{ key: 'lp#2', task: 'H1', phase: 'waiting', blockedBy: 'lp#1' }]);
    // The copy's row says it waits: no second line for the same wait.
    expect(lp.data.waiters).toEqual([]);
    expect(lp.data.inCycle).toBe(true);
    expect(lp.data.patchState).toMatchObject({ name: 'lp', phase: 'enabling' });
    expect(lp.data.selected).toBe(true);
  });

  it('with 19/23, lp says where klp_break_recursion() stopped the nested load', async () => {
    const { recursionBreaks } = await import('@engine');
    const g = dependencyGraph(p10, 'split-poc19');
    const t = run(p10, { variant: 'split-poc19' });
    const [b] = recursionBreaks(t);
    const at = (i: number) => {
      const w = worldAt(t, i);
      const active = recursionBreaks(t).filter((x) => x.step <= i && i <= x.until);
      return toDependencyFlow(g, emptyLayout, w, waitForGraph(w), null, active).nodes.find((n) => n.id === 'lp')!.data;
    };
    expect(at(b.step).pending).toMatchObject([{ key: 'lp#2', phase: 'refused' }]);
    expect(at(b.until).pending).toEqual([]);
    expect(at(b.until).broken).toMatchObject([{ task: 'H1', module: 'lp' }]);
    expect(at(b.until + 1).broken).toEqual([]);
  });

  it('shows nothing loaded before the first step', () => {
    const g = dependencyGraph(p10, 'split');
    const t = run(p10, { variant: 'split' });
    const w = worldAt(t, -1);
    const { nodes, edges } = toDependencyFlow(g, emptyLayout, w, waitForGraph(w), null);
    expect(nodes.every((n) => n.data.instances.length === 0)).toBe(true);
    expect(edges.every((e) => !e.data?.active)).toBe(true);
  });

  it('keys the layout by topology only', () => {
    const a = dependencyGraph(p10, 'split');
    expect(dependencyLayoutKey(a)).toBe(dependencyLayoutKey(dependencyGraph(p10, 'split-poc19')));
    expect(dependencyLayoutKey(a)).not.toBe(dependencyLayoutKey(dependencyGraph(p10, 'upstream')));
    expect(dependencyLayoutRequest(a).edges.every((e) => e.label && e.label.width > 0)).toBe(true);
  });
});
