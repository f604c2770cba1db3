import { describe, expect, it } from 'vitest';
import { machineDiagram } from './diagram';
import { moduleEvent } from './module.machine';
import { livepatchEvent } from './livepatch.machine';

describe('machineDiagram(): the statechart as data, from the machine definition', () => {
  it('the module machine: enum module_state, from UNFORMED to freed', () => {
    const d = machineDiagram('module');
    expect(d.id).toBe('module');
    expect(d.states.map((s) => s.id)).toEqual(['MODULE_STATE_UNFORMED', 'MODULE_STATE_COMING', 'MODULE_STATE_LIVE', 'MODULE_STATE_GOING', 'freed']);
    expect(d.states.find((s) => s.initial)?.id).toBe('MODULE_STATE_UNFORMED');
    expect(d.states.filter((s) => s.final).map((s) => s.id)).toEqual(['freed']);
    expect(d.transitions).toContainEqual({ from: 'MODULE_STATE_COMING', to: 'MODULE_STATE_LIVE', event: 'init_done' });
  });

  it('every transition drawn is one the engine takes, and no other', () => {
    for (const [kind, step] of [
      ['module', moduleEvent],
      ['livepatch', livepatchEvent],
    ] as const) {
      const d = machineDiagram(kind);
      const events = [...new Set(d.transitions.map((t) => t.event))];
      for (const s of d.states.filter((x) => !x.final)) {
        for (const e of events) {
          const drawn = d.transitions.find((t) => t.from === s.id && t.event === e);
          const taken = (() => {
            try {
              return (step as (a: string, b: string) => string)(s.id, e);
            } catch {
              return null;
            }
          })();
          expect(taken, `${kind}: ${s.id} --${e}-->`).toBe(drawn?.to ?? null);
        }
      }
    }
  });
});
