/**
 * patient.ts - kernel/module/main.c (v6.4+): early_mod_check() and module_patient_check_exists(),
 * the same-name check that v7.1 runs twice per load: before allocating (early_mod_check(), reason
 * FAIL_DUP_MOD_BECOMING) and again in add_unformed_module() (FAIL_DUP_MOD_LOAD).
 *
 * Since v6.2 ("module: Don't wait for GOING modules", 0254127ab977) the loader no longer retries
 * after the wait: it waits (interruptibly, on module_wq) only while the other module is COMING
 * or UNFORMED, then returns -EEXIST if that module went LIVE and -EBUSY otherwise (it failed, or
 * it was GOING from the start). In v5.5 the wait was followed by `goto again`, so this loader
 * loaded the module itself after the other load failed.
 */
import { block, call, next, num, proc, ret, str } from '../../sim/ops';
import type { Ctx } from '../../sim/context';
import { ERRNO } from '../../model/errno';
import { instanceName } from '../../rules/names';

/** finished_loading(): no module of that name, or it is LIVE or GOING (UNFORMED ones count). */
function finished_loading(k: Ctx, name: string): boolean {
  const mod = k.findAny(name);
  return !mod || mod.state === 'MODULE_STATE_LIVE' || mod.state === 'MODULE_STATE_GOING';
}

/** module_patient_check_exists(name, reason), called with module_mutex held. */
export const module_patient_check_exists = proc({ labels: { wait: 'checks finished_loading()', verdict: 'looks at the module again' } }, {
  start: (k, l) => {
    const old = k.findAny(str(l, 'name'));
    if (!old) return ret(0);
    if (old.state === 'MODULE_STATE_COMING' || old.state === 'MODULE_STATE_UNFORMED') {
      k.note(`${instanceName(old)} is ${old.state}: wait in case it fails to load`);
      return next('wait');
    }
    return next('verdict');
  },
  /** wait_event_interruptible(module_wq, finished_loading(name)). */
  wait: (k, l) => {
    if (l.signal) return ret(-ERRNO.ERESTARTSYS);
    if (finished_loading(k, str(l, 'name'))) return next('verdict');
    return block({ kind: 'module_wq', fn: 'module_patient_check_exists', name: str(l, 'name'), killable: true }, 'wait');
  },
  verdict: (k, l) => {
    // try_add_failed_module() is a no-op without CONFIG_MODULE_STATS (default n).
    const old = k.findAny(str(l, 'name'));
    if (old && old.state === 'MODULE_STATE_LIVE') {
      k.note(`${instanceName(old)} is LIVE`);
      return ret(-ERRNO.EEXIST);
    }
    k.note(old ? `${instanceName(old)} is ${old.state}: no retry since v6.2` : `${str(l, 'name')} is gone: no retry since v6.2`);
    return ret(-ERRNO.EBUSY);
  },
});

/**
 * early_mod_check() (v6.4): blacklist, modinfo and vermagic checks on the temporary copy, then
 * module_patient_check_exists() before layout_and_allocate(). [S] Only the last one is modelled:
 * the scenario's modules are neither blacklisted nor built for another kernel.
 */
export const early_mod_check = proc({}, {
  start: (k, l) => call('module_patient_check_exists', { name: l.name, reason: 'FAIL_DUP_MOD_BECOMING' }, 'done'),
  done: (k, l) => ret(num(l, 'ret')),
});
