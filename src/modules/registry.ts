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
