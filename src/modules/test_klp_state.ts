/**
 * test_klp_state.ts - lib/livepatch/test_klp_state.c (state version 1) and test_klp_state2.c
 * (version 2, takes over a previous patch's state; test_klp_state3.c #includes it).
 * Each callback prints callback_info() and then does its part of the console_loglevel fix.
 */
import type { Ctx, LivepatchModel } from '../sim/context';
import type { CallbackName, KlpObject, KlpPatch, KlpStateRecord } from '../model/world';
import { callback_info } from '../kernel/livepatch/callbacks';
import { listedPatches } from '../kernel/livepatch/free';
import { ERRNO } from '../model/errno';

const CONSOLE_LOGLEVEL_STATE = 1;

/** klp_get_state(). */
function klp_get_state(patch: KlpPatch, id: number): KlpStateRecord | undefined {
  return patch.states.find((s) => s.id === id);
}

/** klp_get_prev_state(): the state of the last patch before the transition patch. */
function klp_get_prev_state(k: Ctx, id: number): KlpStateRecord | undefined {
  if (!k.w.klp.transition) return undefined; // WARN_ON_ONCE(!klp_transition_patch)
  let last: KlpStateRecord | undefined;
  for (const p of listedPatches(k.w)) {
    if (p.name === k.w.klp.transition) break;
    last = klp_get_state(p, id) ?? last;
  }
  return last;
}

function model(migrates: boolean): LivepatchModel {
  return {
    callback(k: Ctx, patch: KlpPatch, obj: KlpObject, cb: CallbackName): number {
      callback_info(k, patch, obj, cb);
      const say = (fn: string, text: string): void => k.printk(`${patch.name}: ${fn}: ${text}`);
      const prev = migrates ? klp_get_prev_state(k, CONSOLE_LOGLEVEL_STATE) : undefined;
      const mine = klp_get_state(patch, CONSOLE_LOGLEVEL_STATE);
      switch (cb) {
        case 'pre_patch':
          if (prev) {
            say('allocate_loglevel_state', 'space to store console_loglevel already allocated');
            return 0;
          }
          if (!mine) return -ERRNO.EINVAL;
          say('allocate_loglevel_state', 'allocating space to store console_loglevel');
          return 0;
        case 'post_patch':
          if (!mine) return 0;
          if (prev) say('fix_console_loglevel', 'taking over the console_loglevel change');
          else say('fix_console_loglevel', 'fixing console_loglevel');
          return 0;
        case 'pre_unpatch':
          if (prev) say('restore_console_loglevel', 'passing the console_loglevel change back to the old livepatch');
          else if (mine) say('restore_console_loglevel', 'restoring console_loglevel');
          return 0;
        case 'post_unpatch':
          if (prev) say('free_loglevel_state', 'keeping space to store console_loglevel');
          else if (mine) say('free_loglevel_state', 'freeing space for the stored console_loglevel');
          return 0;
      }
    },
  };
}

export const testKlpStateModels: Record<string, LivepatchModel> = {
  test_klp_state: model(false),
  test_klp_state2: model(true),
};
