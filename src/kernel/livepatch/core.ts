/**
 * core.ts - kernel/livepatch/core.c (v5.5, and v7.1 where its capability flags say so):
 * klp_enable_patch() from a livepatch module's init, the module coming/going hooks, and the sysfs
 * writes. The split POC's versions of klp_enable_patch() and klp_module_coming() are in split.ts.
 */
import type { Proc } from '../../sim/ops';
import { call, next, num, ret, str, proc } from '../../sim/ops';
import type { Ctx } from '../../sim/context';
import type { KlpObject, KlpPatch, Locals, ModuleInstance } from '../../model/world';
import { ERRNO } from '../../model/errno';
import { kstrtobool } from '../../rules/kstrtobool';
import { try_module_get } from '../module/refs';
import { unlockKlpMutex } from './mutex';
import {
  klp_post_patch_callback,
  klp_post_unpatch_callback,
  klp_pre_patch_callback,
  klp_pre_unpatch_callback,
} from './callbacks';
import {
  __klp_disable_patch,
  __klp_enable_patch,
  klp_add_nops,
  klp_find_object_module,
  klp_is_patch_compatible,
  klp_patch_object,
} from './patch';
import { klp_reverse_transition } from './transition';
import { klp_free_object_module, klp_free_patch_finish, klp_free_patch_start, listedPatches } from './free';
import { kstrtoint } from '../../rules/kstrtoint';
import { objectFuncs } from './funcs';

export function modArg(k: Ctx, l: Locals): ModuleInstance {
  const m = k.moduleById(num(l, 'mod'));
  // Stryker disable next-line StringLiteral: internal invariant: the caller's module instance is linked while its frame runs
  if (!m) throw new Error('internal: module instance gone');
  return m;
}

/** A klp_object for a patch spec object. */
export function newObject(name: string | null, carrier: string, funcs: string[]): KlpObject {
  return { name, carrier, funcs, bound: false, patched: false, postUnpatchEnabled: false, dynamic: false };
}

/**
 * patch.replace as the module's init sets it: test_klp_atomic_replace.c and friends do
 * `patch.replace = replace` from an int parameter (any non-zero value), others set it statically.
 */
export function patchReplace(k: Ctx, mod: ModuleInstance, name: string): boolean {
  const v = mod.params.replace;
  if (v !== undefined) return (kstrtoint(v) ?? 0) !== 0;
  return !!k.env.patches[name].replace;
}

/** klp_init_patch_early(): the patch record and the self-reference on its module. */
export function klp_init_patch_early(k: Ctx, mod: ModuleInstance, name: string, objects: KlpObject[], objNames: string[]): KlpPatch | number {
  const spec = k.env.patches[name];
  // Stryker disable next-line UnaryOperator: try_module_get() fails only on a GOING module, and klp_enable_patch() runs in its module's init, while it is COMING
  if (!try_module_get(mod)) return -ERRNO.ENODEV;
  const patch: KlpPatch = {
    name,
    machine: 'early_init',
    enabled: false,
    replace: patchReplace(k, mod, name),
    states: spec.states ?? [],
    objNames,
    objects,
    sysfs: false,
    forced: false,
    listed: false,
    ts: ++k.w.klp.tsCounter,
    mod: mod.id,
  };
  k.w.klp.patches.push(patch);
  k.machineChange({ machine: 'livepatch', name, inst: patch.ts, from: null, to: patch.machine, event: 'klp_init_patch_early' });
  return patch;
}

/**
 * klp_init_patch(): sysfs, nops for atomic replace, bind loaded objects, list the patch. 0 or
 * -EEXIST: kobject_add() of /sys/kernel/livepatch/<name> fails while a patch of the same name still
 * has that directory, which happens after `rmmod -f` freed a registered patch's module.
 */
export function klp_init_patch(k: Ctx, patch: KlpPatch): number {
  if (k.w.klp.patches.some((p) => p !== patch && p.sysfs && p.name === patch.name)) {
    // fs/sysfs/dir.c sysfs_warn_dup() (its dump_stack() is left out [S]), then lib/kobject.c
    // kobject_add_internal().
    k.printk(`sysfs: cannot create duplicate filename '/kernel/livepatch/${patch.name}'`);
    k.printk(`kobject_add_internal failed for ${patch.name} with -EEXIST, don't try to register things with the same name in the same directory.`);
    return -ERRNO.EEXIST;
  }
  patch.sysfs = true;
  if (patch.replace) klp_add_nops(k, patch);
  for (const o of patch.objects) klp_find_object_module(k, o);
  patch.listed = true;
  k.patchEvent(patch, 'klp_init_patch');
  k.note(`/sys/kernel/livepatch/${patch.name} created`);
  return 0;
}

/** The error path of klp_enable_patch(): free the patch and drop the self-reference. */
export function klpEnablePatchErr(k: Ctx, patch: KlpPatch, err: number): ReturnType<typeof ret> {
  klp_free_patch_start(k, patch);
  unlockKlpMutex(k);
  klp_free_patch_finish(k, patch);
  return ret(err);
}

export function notCompatible(k: Ctx, name: string): ReturnType<typeof ret> {
  k.printk(`livepatch: Livepatch patch (${name}) is not compatible with the already installed livepatches.`);
  unlockKlpMutex(k);
  return ret(-ERRNO.EINVAL);
}

/** klp_enable_patch(): called by the livepatch module's init while the module is COMING. */
export const klp_enable_patch: Proc = {
  start: (k, l) => {
    if (k.env.variant.split) return call('klp_enable_patch_split', { mod: l.mod, patch: l.patch }, 'done');
    return call('lockKlpMutex', {}, 'locked');
  },
  done: (k, l) => ret(num(l, 'ret')),
  locked: (k, l) => {
    const name = str(l, 'patch');
    const spec = k.env.patches[name];
    const mod = modArg(k, l);
    // Stryker disable next-line ArrayDeclaration: klp_is_patch_compatible() looks states up by id, and a string has none: as with [], no installed state is found
    if (!klp_is_patch_compatible(k, { replace: patchReplace(k, mod, name), states: spec.states ?? [] })) return notCompatible(k, name);
    const objects = spec.objects.map((o) => newObject(o.name === 'vmlinux' ? null : o.name, name, o.funcs ?? []));
    // Stryker disable next-line ArrayDeclaration: objNames (per-object modules) is read only by the split POC's code, never on this upstream path
    const patch = klp_init_patch_early(k, mod, name, objects, []);
    // Stryker disable next-line ConditionalExpression,StringLiteral,BlockStatement: try_module_get() fails only on a GOING module, and klp_enable_patch() runs in its module's init, while it is COMING
    if (typeof patch === 'number') {
      unlockKlpMutex(k);
      return ret(patch);
    }
    l.ts = patch.ts;
    const err = klp_init_patch(k, patch);
    if (err) return klpEnablePatchErr(k, patch, err);
    return next('enable');
  },
  enable: (k, l) => klpEnablePatchTail(k, setupPatch(k, l)),
};

/** The klp_patch this klp_enable_patch() call set up (by identity: `l.ts`). */
export function setupPatch(k: Ctx, l: Locals): KlpPatch {
  const p = k.patchByTs(num(l, 'ts'));
  // Stryker disable next-line StringLiteral: internal invariant: nothing frees a patch while its klp_enable_patch() runs (its module is COMING, so no rmmod; in the split POC sysfs writes and other enables get -EBUSY while klp_loading_patch is set)
  if (!p) throw new Error(`internal: the patch '${String(l.patch)}' being enabled is gone`);
  return p;
}

/** The end of klp_enable_patch() in both kernels: __klp_enable_patch(), then unlock or unwind. */
export function klpEnablePatchTail(k: Ctx, patch: KlpPatch): ReturnType<typeof ret> {
  const r = __klp_enable_patch(k, patch);
  if (r) return klpEnablePatchErr(k, patch, r);
  unlockKlpMutex(k);
  return ret(0);
}

/**
 * klp_cleanup_module_patches_limited(): revert the module's objects in every patch before
 * `limit`. In the split POC the objects are freed too, which removes their per-object modules.
 */
export function klp_cleanup_module_patches_limited(k: Ctx, mod: ModuleInstance, limit: KlpPatch | null): void {
  for (const patch of listedPatches(k.w)) {
    // Stryker disable next-line ConditionalExpression: from `limit` on no patch has a bound object for the module: comingFailed() unbinds limit's, and the later ones were not reached (klp_mutex held since)
    if (patch === limit) break;
    const obj = patch.objects.find((o) => o.name === mod.name && o.bound);
    if (!obj) continue;
    if (patch.name !== k.w.klp.transition) klp_pre_unpatch_callback(k, patch, obj);
    k.printk(`livepatch: reverting patch '${patch.name}' on unloading module '${mod.name}'`);
    obj.patched = false;
    klp_post_unpatch_callback(k, patch, obj);
    obj.bound = false;
    if (k.env.variant.split && !obj.dynamic) {
      patch.objects = patch.objects.filter((o) => o !== obj);
      klp_free_object_module(k, obj.carrier, false);
    }
  }
}

/** klp_module_coming(): called for every module in prepare_coming_module(). */
export const klp_module_coming = proc({ mark: 'klp_module_coming' }, {
  start: (k, l) => {
    // Stryker disable next-line ConditionalExpression,UnaryOperator: WARN_ON() of an invariant: prepare_coming_module() runs right after complete_formation() made the module COMING
    if (modArg(k, l).state !== 'MODULE_STATE_COMING') return ret(-ERRNO.EINVAL);
    // v5.8 "livepatch: Disallow vmlinux.ko" (the "\n" came in v6.1).
    if (k.env.variant.kernel.klpVmlinuxCheck && modArg(k, l).name === 'vmlinux') {
      k.printk('livepatch: vmlinux.ko: invalid module name');
      return ret(-ERRNO.EINVAL);
    }
    if (k.env.variant.split) return call('klp_module_coming_split', { mod: l.mod }, 'done');
    return call('lockKlpMutex', {}, 'locked');
  },
  done: (k, l) => ret(num(l, 'ret')),
  locked: (k, l) => {
    const mod = modArg(k, l);
    mod.klpAlive = true;
    for (const patch of listedPatches(k.w)) {
      const obj = patch.objects.find((o) => o.name === mod.name);
      if (!obj) continue;
      obj.bound = true;
      k.printk(`livepatch: applying patch '${patch.name}' to loading module '${mod.name}'`);
      let r = klp_pre_patch_callback(k, patch, obj);
      if (r) {
        k.printk(`livepatch: pre-patch callback failed for object '${mod.name}'`);
        return comingFailed(k, mod, patch, obj, r);
      }
      r = klp_patch_object(k, obj);
      if (r) {
        k.printk(`livepatch: failed to apply patch '${patch.name}' to module '${mod.name}' (${r})`);
        klp_post_unpatch_callback(k, patch, obj);
        return comingFailed(k, mod, patch, obj, r);
      }
      if (patch.name !== k.w.klp.transition) klp_post_patch_callback(k, patch, obj);
    }
    unlockKlpMutex(k);
    return ret(0);
  },
});

function comingFailed(k: Ctx, mod: ModuleInstance, patch: KlpPatch, obj: KlpObject, r: number): ReturnType<typeof ret> {
  k.printk(`livepatch: patch '${patch.name}' failed for module '${mod.name}', refusing to load module '${mod.name}'`);
  // Stryker disable next-line BooleanLiteral: load_module() unlinks the refused instance in the same step (bug_cleanup): nothing reads it again
  mod.klpAlive = false;
  obj.bound = false;
  klp_cleanup_module_patches_limited(k, mod, patch);
  unlockKlpMutex(k);
  return ret(r);
}

/** klp_module_going(): after the module's exit (or a failed init), for every module. */
export const klp_module_going: Proc = {
  start: () => call('lockKlpMutex', {}, 'locked'),
  locked: (k, l) => {
    const mod = modArg(k, l);
    // Stryker disable next-line BooleanLiteral: the caller frees the module right after (delete_module(), or a failed load's unwind), with no scheduling point between: nothing reads it again
    mod.klpAlive = false;
    klp_cleanup_module_patches_limited(k, mod, null);
    unlockKlpMutex(k);
    return ret(0);
  },
};

/** /sys/kernel/livepatch/<patch>/enabled writes. */
export const enabled_store: Proc = {
  start: (k, l) => {
    const v = kstrtobool(str(l, 'value'), k.env.variant.kernel.kstrtoboolTrueFalse);
    if (v === null) return ret(-ERRNO.EINVAL);
    l.enabled = v;
    return call('lockKlpMutex', {}, 'locked');
  },
  locked: (k, l) => {
    const patch = k.patch(str(l, 'patch'));
    let r = 0;
    // Stryker disable next-line ConditionalExpression,UnaryOperator: the shell found /sys/kernel/livepatch/<patch> in this same step, and klp_mutex is never held across a sleep, so the patch is there
    if (!patch) r = -ERRNO.EINVAL;
    else if (k.env.variant.split && k.w.klp.loading) r = -ERRNO.EBUSY;
    else if (patch.enabled === l.enabled) r = -ERRNO.EINVAL;
    else if (patch.name === k.w.klp.transition) klp_reverse_transition(k);
    else {
      // Stryker disable next-line ConditionalExpression: writing 1 reaches here only for a disabled patch, for which __klp_disable_patch() returns -EINVAL as the else does
      if (!l.enabled) r = __klp_disable_patch(k, patch);
      else r = -ERRNO.EINVAL;
    }
    unlockKlpMutex(k);
    return ret(r);
  },
};

/** /sys/kernel/livepatch/<patch>/force: klp_force_transition(). */
export const force_store: Proc = {
  start: (k, l) => {
    const v = kstrtobool(str(l, 'value'), k.env.variant.kernel.kstrtoboolTrueFalse);
    if (v === null) return ret(-ERRNO.EINVAL);
    if (!v) return ret(0); // `if (!val) return count;`
    return call('lockKlpMutex', {}, 'locked');
  },
  locked: (k, l) => {
    const patch = k.patch(str(l, 'patch'));
    if (!patch || patch.name !== k.w.klp.transition) {
      unlockKlpMutex(k);
      return ret(-ERRNO.EINVAL);
    }
    k.printk('livepatch: forcing remaining tasks to the patched state');
    // klp_force_transition(): klp_update_patch_state() on every task, so the next try completes
    // the transition whatever the stacks hold; `forced` only keeps the patches' modules.
    // Stryker disable next-line ArrayDeclaration: pending holds pids, and a string is no task's: as with [], every task is switched
    k.w.klp.pending = [];
    if (k.env.variant.kernel.klpForceSafe) {
      // v5.18 klp_force_transition(): only a patch that may still run old code is marked forced:
      // the transition patch when it is being removed, or the patches a replace supersedes.
      if (k.w.klp.target === 'KLP_TRANSITION_UNPATCHED') patch.forced = true;
      else if (patch.replace) for (const p of listedPatches(k.w)) if (p !== patch) p.forced = true;
    } else {
      for (const p of listedPatches(k.w)) p.forced = true;
    }
    unlockKlpMutex(k);
    return ret(0);
  },
};

/**
 * kernel.ftrace_enabled (kernel/trace/ftrace.c: ftrace_enable_sysctl()): it cannot be turned off
 * while FTRACE_OPS_FL_PERMANENT ops (livepatch handlers) are registered.
 */
export const ftrace_enable_sysctl: Proc = {
  start: (k, l) => {
    const on = str(l, 'value') !== '0';
    if (!on && k.w.klp.patches.some((p) => p.objects.some((o) => o.patched && objectFuncs(o).length > 0))) {
      return ret(-ERRNO.EBUSY);
    }
    k.w.ftraceEnabled = on;
    return ret(0);
  },
};

