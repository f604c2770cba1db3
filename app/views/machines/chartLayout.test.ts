import { describe, expect, it } from 'vitest';
import { machineDiagram } from '@engine';
import { layoutChart, NODE_H, NODE_W, OCCUPANTS_H } from './chartLayout';

describe('statechart layout', () => {
  for (const kind of ['module', 'livepatch'] as const) {
    it(`${kind}: every state and every transition of the machine is drawn, states never overlap`, () => {
      const d = machineDiagram(kind);
      const l = layoutChart(d);
      expect(l.states.map((s) => s.id).sort()).toEqual(d.states.map((s) => s.id).sort());
      for (const t of d.transitions) expect(l.transitions.find((x) => x.from === t.from && x.to === t.to)?.events).toContain(t.event);
      for (const a of l.states) {
        for (const b of l.states) {
          if (a === b) continue;
          const apart = a.x + NODE_W <= b.x || b.x + NODE_W <= a.x || a.y + NODE_H <= b.y || b.y + NODE_H <= a.y;
          expect(apart, `${a.id} and ${b.id}`).toBe(true);
        }
        expect(a.x + NODE_W).toBeLessThanOrEqual(l.width);
        // The names of the objects in a state fit under it.
        expect(a.y + NODE_H + OCCUPANTS_H).toBeLessThanOrEqual(l.height);
      }
    });
  }

  it('the initial state comes first and a forward transition never points left', () => {
    const l = layoutChart(machineDiagram('module'));
    const at = new Map(l.states.map((s) => [s.id, s]));
    expect(at.get('MODULE_STATE_UNFORMED')!.rank).toBe(0);
    expect(at.get('MODULE_STATE_COMING')!.rank).toBeLessThan(at.get('MODULE_STATE_LIVE')!.rank);
    expect(at.get('MODULE_STATE_LIVE')!.rank).toBeLessThan(at.get('MODULE_STATE_GOING')!.rank);
    expect(at.get('freed')!.rank).toBe(Math.max(...l.states.map((s) => s.rank)));
  });

  it('livepatch: the reverse transition back to patching is drawn below, as a return', () => {
    const l = layoutChart(machineDiagram('livepatch'));
    expect(l.transitions.find((t) => t.from === 'unpatching' && t.to === 'patching')?.shape).toBe('arc-below');
    expect(l.transitions.find((t) => t.from === 'patching' && t.to === 'unpatching')?.events.sort()).toEqual(['klp_cancel_transition', 'klp_reverse_transition']);
  });
});
