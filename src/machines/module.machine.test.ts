import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';
import { moduleEvent, moduleMachine, type ModuleEventType } from './module.machine';
import type { ModuleState } from '../model/world';

const STATES: (ModuleState | 'freed')[] = [
  'MODULE_STATE_UNFORMED',
  'MODULE_STATE_COMING',
  'MODULE_STATE_LIVE',
  'MODULE_STATE_GOING',
  'freed',
];
const EVENTS: ModuleEventType[] = ['complete_formation', 'init_done', 'coming_cleanup', 'try_stop_module', 'free_module'];

/**
 * enum module_state as kernel/module.c (v5.5) drives it:
 * add_unformed_module -> UNFORMED; complete_formation -> COMING; do_init_module -> LIVE or, on an
 * init failure / coming_cleanup, GOING; bug_cleanup (failed prepare_coming_module) unlinks a
 * COMING module; early failures unlink an UNFORMED one; delete_module -> try_stop_module -> GOING
 * -> free_module.
 */
const LEGAL: Record<string, ModuleState | 'freed'> = {
  'MODULE_STATE_UNFORMED/complete_formation': 'MODULE_STATE_COMING',
  'MODULE_STATE_UNFORMED/free_module': 'freed',
  'MODULE_STATE_COMING/init_done': 'MODULE_STATE_LIVE',
  'MODULE_STATE_COMING/coming_cleanup': 'MODULE_STATE_GOING',
  'MODULE_STATE_COMING/free_module': 'freed',
  'MODULE_STATE_LIVE/try_stop_module': 'MODULE_STATE_GOING',
  'MODULE_STATE_GOING/free_module': 'freed',
};

const step = (s: ModuleState | 'freed', e: ModuleEventType) => moduleEvent(s as ModuleState, e);

describe('module machine: the transitions load_module/do_init_module/delete_module make', () => {
  for (const [key, to] of Object.entries(LEGAL)) {
    const [from, ev] = key.split('/') as [ModuleState, ModuleEventType];
    it(`${from} --${ev}--> ${to}`, () => expect(step(from, ev)).toBe(to));
  }

  it('a full load and unload: UNFORMED -> COMING -> LIVE -> GOING -> freed', () => {
    let s: ModuleState | 'freed' = 'MODULE_STATE_UNFORMED';
    for (const ev of ['complete_formation', 'init_done', 'try_stop_module', 'free_module'] as const) s = step(s, ev);
    expect(s).toBe('freed');
  });

  it('a failed init: COMING -> GOING (do_init_module fail path) -> freed', () => {
    expect(step(step('MODULE_STATE_COMING', 'coming_cleanup'), 'free_module')).toBe('freed');
  });
});

describe('module machine: transitions the kernel never makes throw', () => {
  const illegal = STATES.flatMap((s) => EVENTS.filter((e) => !(`${s}/${e}` in LEGAL)).map((e) => [s, e] as const));

  for (const [s, e] of illegal) {
    it(`${s} cannot take ${e}`, () => {
      expect(() => step(s, e)).toThrow(`internal: module in state ${s} cannot take event ${e}`);
    });
  }

  it('LIVE never goes back to COMING (complete_formation only forms an UNFORMED module)', () => {
    expect(() => step('MODULE_STATE_LIVE', 'complete_formation')).toThrow();
  });

  it('GOING never becomes LIVE again (try_stop_module is one-way)', () => {
    expect(() => step('MODULE_STATE_GOING', 'init_done')).toThrow();
  });

  it('freed is final: no event leaves it', () => {
    for (const e of EVENTS) expect(() => step('freed', e)).toThrow();
  });

  it('an illegal transition still throws after the legal answers were cached', () => {
    step('MODULE_STATE_LIVE', 'try_stop_module');
    expect(() => step('MODULE_STATE_LIVE', 'try_stop_module')).not.toThrow();
    expect(() => step('MODULE_STATE_LIVE', 'free_module')).toThrow();
    expect(() => step('MODULE_STATE_LIVE', 'free_module')).toThrow();
  });
});

describe('the memoised stepper agrees with XState transition()', () => {
  for (const s of STATES) {
    for (const e of EVENTS) {
      it(`${s} + ${e}`, () => {
        const snap = moduleMachine.resolveState({ value: s, context: {} });
        if (!snap.can({ type: e })) {
          expect(() => step(s, e)).toThrow();
          return;
        }
        const [next] = transition(moduleMachine, snap, { type: e });
        // Twice: the first answer is computed, the second comes from the cache.
        expect(step(s, e)).toBe(next.value);
        expect(step(s, e)).toBe(next.value);
      });
    }
  }
});
