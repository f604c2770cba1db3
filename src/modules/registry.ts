/**
 * registry.ts - behaviours of modules that are modelled in code rather than scripted: the
 * callbacks of livepatch modules such as lib/livepatch/test_klp_state.c, and the init/exit/work
 * functions of target modules such as test_klp_callbacks_busy.c.
 */
import type { LivepatchModel } from '../sim/context';
import type { Proc } from '../sim/ops';
import { testKlpStateModels } from './test_klp_state';
import { busyProcs } from './test_klp_callbacks_busy';
import { syscallProcs, testKlpSyscallModel } from './test_klp_syscall';
import { kprobeProcs } from './test_klp_kprobe';
import { modTargetProcs } from './test_klp_mod_target';

export const LIVEPATCH_MODELS: Record<string, LivepatchModel> = {
  ...testKlpStateModels,
  ...testKlpSyscallModel,
};

/** Procedures of modelled modules, named `<model>_init`, `<model>_exit` and their work functions. */
export const MODULE_PROCS: Record<string, Proc> = {
  ...busyProcs,
  ...syscallProcs,
  ...kprobeProcs,
  ...modTargetProcs,
};

/**
 * The `model` a scenario's module may name: one whose init (`<model>_init`) and exit are modelled,
 * and which is not a livepatch (a livepatch's init calls klp_enable_patch(): it belongs in
 * `livepatches`, whose entry gives the patch its objects).
 */
export const MODULE_MODEL_NAMES: readonly string[] = Object.keys(MODULE_PROCS)
  .filter((n) => n.endsWith('_init') && Object.prototype.hasOwnProperty.call(MODULE_PROCS, `${n.slice(0, -'_init'.length)}_exit`))
  .map((n) => n.slice(0, -'_init'.length))
  .filter((n) => !Object.prototype.hasOwnProperty.call(LIVEPATCH_MODELS, n));

/** The `model` a scenario's livepatch may name: one whose callbacks are modelled. */
export const LIVEPATCH_MODEL_NAMES: readonly string[] = Object.keys(LIVEPATCH_MODELS);
