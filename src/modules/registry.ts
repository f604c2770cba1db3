/**
 * registry.ts - behaviours of modules that are modelled in code rather than scripted: the
 * callbacks of livepatch modules such as lib/livepatch/test_klp_state.c, and the init/exit/work
 * functions of target modules such as test_klp_callbacks_busy.c.
 */
import type { Ctx } from '../engine/context';
import type { KlpObject, KlpPatch } from '../kernel/types';
import type { Proc } from '../engine/ops';
import type { CallbackName } from '../kernel/livepatch/callbacks';
import { testKlpStateModels } from './test_klp_state';
import { busyProcs } from './test_klp_callbacks_busy';

export interface LivepatchModel {
  /** Runs a callback of `obj`; returns the callback's value (pre_patch) or 0. */
  callback(k: Ctx, patch: KlpPatch, obj: KlpObject, cb: CallbackName): number;
}

export const LIVEPATCH_MODELS: Record<string, LivepatchModel> = {
  ...testKlpStateModels,
};

/** Procedures of modelled modules, named `<model>_init`, `<model>_exit` and their work functions. */
export const MODULE_PROCS: Record<string, Proc> = {
  ...busyProcs,
};
