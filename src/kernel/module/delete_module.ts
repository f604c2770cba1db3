/**
 * delete_module.ts - kernel/module.c: delete_module(2) and try_stop_module(); the split POC's
 * module_put_and_delete() (POC 01), which the livepatch core uses to remove per-object modules.
 */
import type { Proc } from '../../sim/ops';
import { call, num, ret, str } from '../../sim/ops';
import type { Ctx } from '../../sim/context';
import type { ModuleInstance } from '../../model/world';
import { ERRNO, EWOULDBLOCK } from '../../model/errno';
import { free_module, module_put } from './refs';
import { module_refcount } from '../../rules/refcount';

/**
 * try_force_unload(): O_TRUNC (`rmmod -f`) forces, with CONFIG_MODULE_FORCE_UNLOAD ([S] always
 * configured here), and taints the kernel with TAINT_FORCED_RMMOD. add_taint(...,
 * LOCKDEP_NOW_UNRELIABLE) turns lock debugging off, saying so the first time.
 */
function try_force_unload(k: Ctx, force: boolean): boolean {
  if (!force) return false;
  if (k.w.debugLocks) {
    k.w.debugLocks = false;
    k.printk('Disabling lock debugging due to kernel taint');
  }
  k.note('TAINT_FORCED_RMMOD');
  return true;
}

/** stop_module() (POC 01 name for delete_module steps 2-5). 0 or -errno; on 0 the module is GOING. */
function stop_module(k: Ctx, m: ModuleInstance, force: boolean): number {
  if (m.holders.length) {
    k.note(`${m.name} is used by ${m.holders.join(' ')}`);
    return -EWOULDBLOCK;
  }
  if (m.state !== 'MODULE_STATE_LIVE') {
    k.note(`${m.name} is ${m.state}`);
    return -ERRNO.EBUSY;
  }
  // "If it has an init func, it must have an exit func to unload".
  if (m.permanent && !try_force_unload(k, force)) {
    k.note(`${m.name} has an init but no exit function`);
    return -ERRNO.EBUSY;
  }
  // try_stop_module(): drop the base reference; anyone else's reference keeps it unless forced.
  if (m.refcnt - 1 > 0 && !try_force_unload(k, force)) {
    k.note(`module_refcount(${m.name}) = ${module_refcount(m)}`);
    return -EWOULDBLOCK;
  }
  if (m.klp && k.w.klp.patches.some((p) => p.mod === m.id)) {
    // Its klp_patch lives in the module's memory and stays registered (sim/dangling.ts warns).
    k.note(`${m.name}'s klp_patch stays on klp_patches and in sysfs after its module is freed`);
  }
  m.refcnt = 0;
  m.owner = k.task.pid;
  k.moduleEvent(m, 'try_stop_module');
  return 0;
}

/** The tail of delete_module(): exit, klp_module_going(), free_module(), wake_up_all(). */
const destructSteps = {
  exit: (k: Ctx, l: import('../../model/world').Locals) => call('modExit', { mod: l.mod }, 'going'),
  going: (k: Ctx, l: import('../../model/world').Locals) => call('klp_module_going', { mod: l.mod }, 'free'),
  free: (k: Ctx, l: import('../../model/world').Locals) => {
    const m = k.moduleById(num(l, 'mod'));
    // Stryker disable next-line ConditionalExpression: a type guard; the GOING module is freed only here, by the task that set it GOING (every other delete_module() or load refuses it), so it is always there
    if (m) free_module(k, m);
    k.wake_up_all_module_wq();
    return ret(0);
  },
};

export const delete_module: Proc = {
  start: (k, l) => {
    const m = k.find_module(str(l, 'name'));
    if (!m) return ret(-ERRNO.ENOENT);
    const err = stop_module(k, m, l.force === true);
    if (err) return ret(err);
    l.mod = m.id;
    return destructSteps.exit(k, l);
  },
  ...destructSteps,
};

/**
 * module_put_and_delete() (POC 01): drop one reference and remove the module if nobody else uses
 * it. Runs from a work item; its caller ignores errors, so a refused removal leaves the module.
 */
export const module_put_and_delete: Proc = {
  start: (k, l) => {
    const m = k.find_module(str(l, 'name'));
    if (!m) return ret(-ERRNO.ENOENT);
    module_put(m);
    const err = stop_module(k, m, false);
    if (err) {
      k.note(`stop_module(${m.name}) = ${err}: ignored, the module stays loaded`);
      return ret(err);
    }
    l.mod = m.id;
    return destructSteps.exit(k, l);
  },
  ...destructSteps,
};
