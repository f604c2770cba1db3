import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';
import { livepatchEvent, livepatchMachine, type LivepatchEventType, type LivepatchState } from './livepatch.machine';

const STATES: LivepatchState[] = ['early_init', 'initialized', 'patching', 'enabled', 'unpatching', 'disabled', 'replaced', 'freed'];
const EVENTS: LivepatchEventType[] = [
  'klp_init_patch',
  'klp_start_patching',
  'klp_complete_transition',
  'klp_start_unpatching',
  'klp_reverse_transition',
  'klp_cancel_transition',
  'klp_free_patch',
  'klp_replaced',
];

/**
 * The life of a klp_patch (kernel/livepatch/core.c, transition.c:
 * klp_init_patch_early -> klp_init_patch -> __klp_enable_patch (patching) -> klp_complete_transition
 * (enabled) -> enabled_store(0) (unpatching) -> complete (disabled) -> klp_free_patch_*; a pending
 * transition can be reversed; klp_cancel_transition turns a failed enable into unpatching; an
 * atomic-replace patch disables the older ones without a transition of their own.
 */
const LEGAL: Record<string, LivepatchState> = {
  'early_init/klp_init_patch': 'initialized',
  'early_init/klp_free_patch': 'freed',
  'initialized/klp_start_patching': 'patching',
  'initialized/klp_free_patch': 'freed',
  'patching/klp_complete_transition': 'enabled',
  'patching/klp_reverse_transition': 'unpatching',
  'patching/klp_cancel_transition': 'unpatching',
  'enabled/klp_start_unpatching': 'unpatching',
  'enabled/klp_replaced': 'replaced',
  'unpatching/klp_complete_transition': 'disabled',
  'unpatching/klp_reverse_transition': 'patching',
  'disabled/klp_free_patch': 'freed',
  'replaced/klp_free_patch': 'freed',
};

describe('livepatch machine: legal transitions', () => {
  for (const [key, to] of Object.entries(LEGAL)) {
    const [from, ev] = key.split('/') as [LivepatchState, LivepatchEventType];
    it(`${from} --${ev}--> ${to}`, () => expect(livepatchEvent(from, ev)).toBe(to));
  }

  it('enable, disable, free: early_init -> ... -> freed', () => {
    const evs: LivepatchEventType[] = ['klp_init_patch', 'klp_start_patching', 'klp_complete_transition', 'klp_start_unpatching', 'klp_complete_transition', 'klp_free_patch'];
    expect(evs.reduce<string>((s, e) => livepatchEvent(s, e), 'early_init')).toBe('freed');
  });

  it('a failed enable (pre-patch callback, ftrace): patching -> cancel -> unpatching -> disabled -> freed', () => {
    const evs: LivepatchEventType[] = ['klp_cancel_transition', 'klp_complete_transition', 'klp_free_patch'];
    expect(evs.reduce<string>((s, e) => livepatchEvent(s, e), 'patching')).toBe('freed');
  });

  it('a reversed transition can be reversed again (enabled_store on klp_transition_patch, both ways)', () => {
    expect(livepatchEvent(livepatchEvent('patching', 'klp_reverse_transition'), 'klp_reverse_transition')).toBe('patching');
  });
});

describe('livepatch machine: illegal transitions throw', () => {
  const illegal = STATES.flatMap((s) => EVENTS.filter((e) => !(`${s}/${e}` in LEGAL)).map((e) => [s, e] as const));
  for (const [s, e] of illegal) {
    it(`${s} cannot take ${e}`, () => {
      expect(() => livepatchEvent(s, e)).toThrow(`internal: klp_patch in state ${s} cannot take event ${e}`);
    });
  }

  it('an enabled patch cannot be freed without being disabled first', () => {
    expect(() => livepatchEvent('enabled', 'klp_free_patch')).toThrow();
  });

  it('a disabled patch cannot be re-enabled (enabled_store: "Do not allow to re-enable a disabled patch")', () => {
    expect(() => livepatchEvent('disabled', 'klp_start_patching')).toThrow();
  });

  it('freed is final', () => {
    for (const e of EVENTS) expect(() => livepatchEvent('freed', e)).toThrow();
  });
});

describe('the memoised stepper agrees with XState transition()', () => {
  for (const s of STATES) {
    for (const e of EVENTS) {
      it(`${s} + ${e}`, () => {
        const snap = livepatchMachine.resolveState({ value: s, context: {} });
        if (!snap.can({ type: e })) {
          expect(() => livepatchEvent(s, e)).toThrow();
          return;
        }
        const [next] = transition(livepatchMachine, snap, { type: e });
        expect(livepatchEvent(s, e)).toBe(next.value);
        expect(livepatchEvent(s, e)).toBe(next.value);
      });
    }
  }
});
