/**
 * livepatch.machine.ts - the life of one klp_patch: early init, enable with its patching
 * transition, disable with its unpatching transition, reversal, cancellation, atomic replace.
 * (Mainline renamed KLP_UNDEFINED to KLP_TRANSITION_IDLE; the transition states here follow
 * klp_target_state.)
 */
import { setup } from 'xstate';
import { makeStepper } from './transitionCache';

export type LivepatchState =
  | 'early_init'
  | 'initialized'
  | 'patching'
  | 'enabled'
  | 'unpatching'
  | 'disabled'
  | 'replaced'
  | 'freed';

export type LivepatchEventType =
  /** klp_init_patch() finished (sysfs, objects). */
  | 'klp_init_patch'
  /** __klp_enable_patch(): klp_init_transition(patch, KLP_TRANSITION_PATCHED). */
  | 'klp_start_patching'
  /** klp_complete_transition() of the current transition. */
  | 'klp_complete_transition'
  /** enabled_store(0): __klp_disable_patch(). */
  | 'klp_start_unpatching'
  /** enabled_store() on the transition patch: klp_reverse_transition(). */
  | 'klp_reverse_transition'
  /** klp_cancel_transition(): enable failed before the transition started. */
  | 'klp_cancel_transition'
  /** klp_free_patch_*() / klp_free_replaced_patches_async(). */
  | 'klp_free_patch'
  /** Superseded by an atomic-replace patch. */
  | 'klp_replaced';

export const livepatchMachine = setup({
  types: { events: {} as { type: LivepatchEventType } },
}).createMachine({
  id: 'klp_patch',
  initial: 'early_init',
  states: {
    early_init: {
      description: 'klp_init_patch_early(); POC: listed in klp_patches while per-object modules load',
      on: { klp_init_patch: 'initialized', klp_free_patch: 'freed' },
    },
    initialized: {
      on: { klp_start_patching: 'patching', klp_free_patch: 'freed' },
    },
    patching: {
      description: 'klp_transition_patch, klp_target_state = KLP_TRANSITION_PATCHED',
      on: {
        klp_complete_transition: 'enabled',
        klp_reverse_transition: 'unpatching',
        klp_cancel_transition: 'unpatching',
      },
    },
    enabled: {
      on: { klp_start_unpatching: 'unpatching', klp_replaced: 'replaced' },
    },
    unpatching: {
      description: 'klp_transition_patch, klp_target_state = KLP_TRANSITION_UNPATCHED',
      on: { klp_complete_transition: 'disabled', klp_reverse_transition: 'patching' },
    },
    disabled: {
      on: { klp_free_patch: 'freed' },
    },
    replaced: {
      description: 'klp_free_replaced_patches_async(): superseded by a cumulative patch, disabled without a transition of its own, freed by work',
      on: { klp_free_patch: 'freed' },
    },
    freed: { type: 'final' },
  },
});

const step = makeStepper<string, LivepatchEventType>(livepatchMachine, 'klp_patch');

export function livepatchEvent(state: string, ev: LivepatchEventType): string {
  return step(state, ev);
}
