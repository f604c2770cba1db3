import { describe, expect, it } from 'vitest';
import { getPreset, run, waitForGraph, worldAt } from '@engine';
import { foldSeats, seatPositions, toWaitForFlow, type TaskSeat } from './toWaitForFlow';

const p10 = getPreset('P10')!.scenario;

function seatsOf(t: ReturnType<typeof run>): TaskSeat[] {
  return t.final.tasks.map((x) => ({ pid: x.pid, label: x.label, argv: x.argv, kind: x.kind }));
}

describe('toWaitForFlow', () => {
  it('shows the P10 split deadlock as a two-task cycle U1 -> H1 -> U1', () => {
    const t = run(p10, { variant: 'split' });
    const w = worldAt(t, t.steps.length - 1);
    const { nodes, edges } = toWaitForFlow(seatsOf(t), w, waitForGraph(w), null);
    expect(nodes.map((n) => [n.data.label, n.data.status, n.data.inCycle])).toEqual([
      ['U1', 'blocked', true],
      ['H1', 'blocked', true],
    ]);
    const byFrom = Object.fromEntries(edges.map((e) => [nodes.find((n) => n.id === e.source)!.data.label, e.data!]));
    expect(byFrom.U1).toMatchObject({ wid: 'W3', fn: 'call_usermodehelper_exec', inCycle: true });
    expect(byFrom.H1).toMatchObject({ wid: 'W1', fn: 'add_unformed_module', inCycle: true });
    expect(edges.every((e) => e.animated)).toBe(true);
    // Both waits end on a fatal signal: each node offers a kill, with what it does.
    expect(nodes.find((n) => n.data.label === 'H1')!.data.kill).toMatch(/^H1 dies → request_module\("lp__M"\) in U1/);
    expect(nodes.find((n) => n.data.label === 'U1')!.data.kill).toMatch(/one level deeper/);
  });

  it('keeps seats for tasks that have not started yet, with no edges', () => {
    const t = run(p10, { variant: 'split' });
    const w = worldAt(t, 0);
    const { nodes, edges } = toWaitForFlow(seatsOf(t), w, waitForGraph(w), 'H1');
    expect(nodes.find((n) => n.data.label === 'H1')?.data).toMatchObject({ status: 'not started', selected: true, kill: null });
    expect(edges).toEqual([]);
  });

  it('seats tasks apart from each other', () => {
    for (const n of [2, 3, 5, 8]) {
      const p = seatPositions(n);
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) expect(Math.abs(p[i].x - p[j].x) > 200 || Math.abs(p[i].y - p[j].y) > 84).toBe(true);
    }
  });
});

describe('foldSeats', () => {
  it('P16 (23 tasks): only the live tasks keep a seat; the finished and the unspawned are listed', () => {
    const t = run(getPreset('P16')!.scenario, { variant: 'split' });
    const seats = seatsOf(t);
    expect(seats).toHaveLength(23);
    const mid = t.steps.findIndex((s) => s.label === 'kworker/7');
    const w = worldAt(t, mid);
    const f = foldSeats(seats, w, waitForGraph(w), null, false);
    expect(f.shown.map((s) => s.label)).toEqual(['T1', 'kworker/7']);
    expect(f.finished.map((s) => s.label)).toEqual(['U1', 'kworker/1', 'kworker/2', 'kworker/3', 'kworker/4', 'kworker/5', 'kworker/6']);
    expect(f.finished[0].exit).toBe('exit status 1');
    expect(f.notStarted).toHaveLength(14);
    // Asked for, every task is shown; a selected task keeps its seat.
    expect(foldSeats(seats, w, waitForGraph(w), null, true).shown).toHaveLength(23);
    expect(foldSeats(seats, w, waitForGraph(w), 'U1', false).shown.map((s) => s.label)).toContain('U1');
  });

  it('a few tasks keep their seats whatever they do', () => {
    const t = run(p10, { variant: 'split' });
    const w = worldAt(t, 0);
    expect(foldSeats(seatsOf(t), w, waitForGraph(w), null, false).shown).toHaveLength(2);
  });
});
