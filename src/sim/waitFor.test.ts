/**
 * The wait-for graph (kernel/README.md, "Waits"): untimed cycles are deadlocks, cycles with a timed edge
 * (resolve_symbol_wait, 30 s) are stalls.
 */
import { describe, expect, it } from 'vitest';
import { cycleLocation, waitForGraph, type WaitEdge } from './waitFor';
import { getPreset } from '../presets/index';
import { perTest, runIn } from '../test/helpers';
import { worldAt } from '../engine/replay';
import type { World } from '../model/world';

const P10 = getPreset('P10')!.scenario;
const label = (w: World, pid: number) => w.tasks.find((t) => t.pid === pid)!.label;

describe('P10 (type C) on the split POC without 19/23: deadlock at location (i)', () => {
  const t = perTest(() => runIn('split', P10));
  const w = perTest(() => t().final);
  const g = perTest(() => waitForGraph(w()));

  it('exactly one cycle, untimed: U1 -W3-> H1 -W1-> U1', () => {
    expect(g().cycles).toHaveLength(1);
    const [c] = g().cycles;
    expect(c.timed).toBe(false);
    const hops = c.edges.map((e) => [label(w(), e.from), e.wid, label(w(), e.to)]);
    // The cycle may start at either task.
    const fromU1 = hops[0][0] === 'U1' ? hops : [hops[1], hops[0]];
    expect(fromU1).toEqual([
      ['U1', 'W3', 'H1'],
      ['H1', 'W1', 'U1'],
    ]);
  });

  it('the edges name the kernel functions the tasks sleep in', () => {
    const byWid = Object.fromEntries(g().edges.map((e) => [e.wid, e]));
    expect(byWid.W3).toMatchObject({ fn: 'call_usermodehelper_exec', timed: false });
    expect(byWid.W1).toMatchObject({ fn: 'add_unformed_module', timed: false });
    expect(byWid.W1.what).toMatch(/^lp#\d+ to become LIVE or go away \(it is MODULE_STATE_COMING\)$/);
  });

  it("the location is add_unformed_module, the seed's location i", () => {
    expect(cycleLocation(g().cycles[0].edges)).toEqual({ fn: 'add_unformed_module', seed: 'i' });
    expect(t().outcome).toMatchObject({ kind: 'deadlock', location: 'add_unformed_module', seedLocation: 'i' });
  });

  it('no stall was recorded', () => expect(w().stalls).toEqual([]));
});

describe("P10 on 'split-break-only': the timed cycle through resolve_symbol_wait is a stall (location ii)", () => {
  const t = perTest(() => runIn('split-break-only', P10));

  it('recorded once in world.stalls with its location', () => {
    expect(t().final.stalls).toHaveLength(1);
    const [s] = t().final.stalls;
    expect(s.location).toBe('resolve_symbol_wait');
    expect(s.cycle.map((p) => label(t().final, p)).sort()).toEqual(['H1', 'U1']);
    expect(t().steps[s.step].marks).toContain('stall');
  });

  it('just before the timeout the graph has one timed cycle: U1 -W3-> H1 -W2-> U1', () => {
    const before = worldAt(t(), t().final.stalls[0].step - 1);
    const g = waitForGraph(before);
    expect(g.cycles).toHaveLength(1);
    expect(g.cycles[0].timed).toBe(true);
    expect(g.cycles[0].edges.map((e) => e.wid).sort()).toEqual(['W2', 'W3']);
    const w2 = g.cycles[0].edges.find((e) => e.wid === 'W2')!;
    expect(w2).toMatchObject({ fn: 'resolve_symbol_wait', timed: true });
    expect([label(before, w2.from), label(before, w2.to)]).toEqual(['H1', 'U1']);
    expect(cycleLocation(g.cycles[0].edges)).toEqual({ fn: 'resolve_symbol_wait', seed: 'ii' });
  });

  it('the timeout breaks it: the final world has no cycle and the outcome is a stall', () => {
    expect(waitForGraph(t().final).cycles).toEqual([]);
    expect(t().outcome).toMatchObject({ kind: 'stall', location: 'resolve_symbol_wait', seedLocation: 'ii' });
  });
});

describe('waitForGraph() on hand-made worlds', () => {
  it('no blocked task, no edge', () => {
    const t = runIn('split-poc19', P10);
    expect(waitForGraph(t.final)).toEqual({ edges: [], cycles: [] });
  });

  it('cycleLocation prefers the loader wait over the helper wait, and falls back to the first edge', () => {
    const e = (wid: WaitEdge['wid'], fn: string): WaitEdge => ({ from: 1, to: 2, fn, wid, timed: wid === 'W2', what: '', since: 0 });
    expect(cycleLocation([e('W3', 'call_usermodehelper_exec'), e('W2', 'resolve_symbol_wait')])).toEqual({ fn: 'resolve_symbol_wait', seed: 'ii' });
    expect(cycleLocation([e('W6', 'mutex_lock'), e('W3', 'call_usermodehelper_exec')])).toEqual({ fn: 'mutex_lock' });
    expect(cycleLocation([])).toEqual({ fn: 'unknown' });
  });
});
