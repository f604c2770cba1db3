/**
 * split.ts - the split per-object livepatch POC (Petr Mladek, Jan 2020): the main module's
 * klp_enable_patch() loads per-object modules through request_module() (POC 17), per-object
 * modules attach with klp_add_object() (POC 02-06), klp_module_coming() loads `<patch>__<mod>`
 * (POC 08), and patch 19/23's klp_break_recursion().
 */
import { call, next, num, ret, str, proc } from '../../sim/ops';
import { ERRNO } from '../../model/errno';
import { module_put, try_module_get } from '../module/refs';
import { perObjectModuleName } from '../../rules/names';
import { unlockKlpMutex } from './mutex';
import { klp_post_patch_callback, klp_post_unpatch_callback, klp_pre_patch_callback } from './callbacks';
import { klp_is_patch_compatible, klp_patch_object } from './patch';
import { klpEnablePatchErr, klpEnablePatchTail, klp_init_patch, klp_init_patch_early, modArg, newObject, notCompatible, setupPatch } from './core';
import { listedPatches } from './free';

/** request_module()'s status: a positive modprobe status becomes -EINVAL (POC 10). */
function requestStatusToErr(r: number): number {
  // Stryker disable next-line EqualityOperator: both callers pass only a non-zero status
  return r > 0 ? -ERRNO.EINVAL : r;
}

/** klp_enable_patch() of the POC, in the main ("vmlinux") livepatch module's init. */
export const klp_enable_patch_split = proc({ versionOf: 'klp_enable_patch', version: 'split POC', labels: { load_objects: 'klp_load_objects_livepatches(): next object', relock: 'takes klp_mutex again', enable: 'enables the patch' } }, {
  start: () => call('lockKlpMutex', {}, 'locked'),
  locked: (k, l) => {
    const name = str(l, 'patch');
    const spec = k.env.patches[name];
    const busy = k.w.klp.loading ?? k.w.klp.transition;
    if (busy) {
      k.printk(`livepatch: Already enabling livepatch: ${busy}`);
      unlockKlpMutex(k);
      return ret(-ERRNO.EBUSY);
    }
    if (!klp_is_patch_compatible(k, { replace: !!spec.replace, states: spec.states ?? [] })) return notCompatible(k, name);
    const vmlinux = spec.objects.find((o) => o.name === 'vmlinux');
    const objNames = spec.objects.filter((o) => o.name !== 'vmlinux').map((o) => o.name);
    const patch = klp_init_patch_early(k, modArg(k, l), name, [newObject(null, name, vmlinux?.funcs ?? [])], objNames);
    // Stryker disable next-line BlockStatement: try_module_get() fails only on a GOING module, and klp_enable_patch() runs in its module's init, while it is COMING
    if (typeof patch === 'number') {
      unlockKlpMutex(k);
      return ret(patch);
    }
    // POC 16: listed early, so that per-object modules can find it.
    patch.listed = true;
    l.ts = patch.ts;
    // POC 17: klp_loading_patch, then drop klp_mutex while the objects' modules load.
    k.w.klp.loading = name;
    k.note(`klp_loading_patch = ${name}`);
    unlockKlpMutex(k);
    l.i = 0;
    l.err = 0;
    return next('load_objects');
  },
  /** klp_load_objects_livepatches(). */
  load_objects: (k, l) => {
    const patch = setupPatch(k, l);
    const i = num(l, 'i');
    if (i >= patch.objNames.length) return next('relock');
    const obj = patch.objNames[i];
    const mod = k.find_module(obj);
    if (!mod || !mod.klpAlive) {
      k.note(`${obj} is not loaded: its module will load ${perObjectModuleName(patch.name, obj)} when it comes`);
      l.i = i + 1;
      return next('load_objects');
    }
    return call('request_module', { name: perObjectModuleName(patch.name, obj) }, 'loaded');
  },
  loaded: (k, l) => {
    const r = num(l, 'ret');
    const patch = setupPatch(k, l);
    if (r !== 0) {
      k.printk(`livepatch: Module load failed: ${perObjectModuleName(patch.name, patch.objNames[num(l, 'i')])}`);
      l.err = requestStatusToErr(r);
      return next('relock');
    }
    l.i = num(l, 'i') + 1;
    return next('load_objects');
  },
  relock: () => call('lockKlpMutex', {}, 'init'),
  init: (k, l) => {
    const patch = setupPatch(k, l);
    k.w.klp.loading = null;
    const err = num(l, 'err') || klp_init_patch(k, patch);
    if (err) return klpEnablePatchErr(k, patch, err);
    return next('enable');
  },
  enable: (k, l) => klpEnablePatchTail(k, setupPatch(k, l)),
});

/** klp_add_object(): the per-object module's init. */
export const klp_add_object = proc({ version: 'split POC' }, {
  start: () => call('lockKlpMutex', {}, 'locked'),
  locked: (k, l) => {
    const self = modArg(k, l);
    const name = str(l, 'patch');
    const objName = str(l, 'object');
    const patch = listedPatches(k.w).find((p) => p.name === name);
    const fail = (msg: string): ReturnType<typeof ret> => {
      k.printk(msg);
      unlockKlpMutex(k);
      return ret(-ERRNO.EINVAL);
    };
    if (!patch) {
      // The POC dereferences NULL right after this line (its common exit prints patch->obj->name
      // with patch == NULL; reported by Joe Lawrence, 3 Apr 2020); we stop at -EINVAL [S].
      return fail(`livepatch: Can't load livepatch (${self.name}) for module when the livepatch (${name}) for vmcore is not loaded`);
    }
    // klp_is_object_compatible() failures take POC 04's common `err:` exit, which also prints the
    // "refusing" line (through patch->obj, which is valid here).
    const refuse = `livepatch: patch '${name}' failed for module '${objName}', refusing to load module '${objName}'`;
    // The per-object module files and objNames are both built from the scenario's one spec of the
    // patch, so no simulated lp__M names an object its patch does not list (in the RFC, a P__M
    // built for another version of P does).
    // Stryker disable next-line ConditionalExpression,BlockStatement: unreachable, see above
    if (!patch.objNames.includes(objName)) {
      // Stryker disable next-line StringLiteral: unreachable, see above
      k.printk(`livepatch: Livepatch (${name}) is not supposed to livepatch the module: ${objName}`);
      return fail(refuse);
    }
    const target = k.find_module(objName);
    if (!target) {
      k.printk(`livepatch: Livepatched module is not loaded: ${objName}`);
      return fail(refuse);
    }
    const spec = k.env.patches[name].objects.find((o) => o.name === objName);
    // Stryker disable next-line OptionalChaining: objName is in objNames (checked above), which lists the spec's objects: spec is found
    const obj = newObject(objName, self.name, spec?.funcs ?? []);
    patch.objects.push(obj);
    try_module_get(self);
    if (!patch.enabled) {
      k.note(`object ${objName} linked into '${name}'; the main module will enable it`);
      unlockKlpMutex(k);
      return ret(0);
    }
    // Loaded from klp_module_coming(): initialise and patch the object now.
    obj.bound = true;
    k.printk(`livepatch: applying patch '${name}' to loading module '${objName}'`);
    let r = klp_pre_patch_callback(k, patch, obj);
    if (r) {
      k.printk(`livepatch: pre-patch callback failed for object '${objName}'`);
    } else {
      r = klp_patch_object(k, obj);
      if (r) {
        k.printk(`livepatch: failed to apply patch '${name}' to module '${objName}' (${r})`);
        klp_post_unpatch_callback(k, patch, obj);
      }
    }
    if (r) {
      patch.objects = patch.objects.filter((o) => o !== obj);
      module_put(self);
      k.printk(`livepatch: patch '${name}' failed for module '${objName}', refusing to load module '${objName}'`);
      unlockKlpMutex(k);
      return ret(r);
    }
    if (patch.name !== k.w.klp.transition) klp_post_patch_callback(k, patch, obj);
    unlockKlpMutex(k);
    return ret(0);
  },
});

/**
 * klp_module_coming() of the POC: for each patch that lists the module but has no object for it
 * yet, drop klp_mutex and request_module("<patch>__<mod>"), then start over.
 */
export const klp_module_coming_split = proc({ versionOf: 'klp_module_coming', version: 'split POC', labels: { loop: 'looks again for a patch that lists the module but has no object for it' } }, {
  start: () => call('lockKlpMutex', {}, 'loop'),
  loop: (k, l) => {
    const mod = modArg(k, l);
    for (const patch of listedPatches(k.w)) {
      if (!patch.objNames.includes(mod.name)) continue;
      if (patch.objects.some((o) => o.name === mod.name)) continue;
      // POC 15's anti-loop check tests `state & MODULE_STATE_LIVE`, and LIVE is 0: never fires.
      l.p = patch.name;
      l.ts = patch.ts;
      unlockKlpMutex(k);
      return call('request_module', { name: perObjectModuleName(patch.name, mod.name) }, 'loaded');
    }
    mod.klpAlive = true;
    unlockKlpMutex(k);
    return ret(0);
  },
  loaded: (k, l) => {
    const r = num(l, 'ret');
    l.err = r ? requestStatusToErr(r) : 0;
    if (r) k.printk(`livepatch: Module load failed: ${perObjectModuleName(str(l, 'p'), modArg(k, l).name)}`);
    return call('lockKlpMutex', {}, 'relocked');
  },
  relocked: (k, l) => {
    const err = num(l, 'err');
    if (err) {
      // The same klp_patch: ts is unique to each (klp_init_patch_early()), a reload gets a new one.
      const same = listedPatches(k.w).find((p) => p.ts === num(l, 'ts'));
      if (same) {
        unlockKlpMutex(k);
        return ret(err);
      }
      k.note('the patch went away or was reloaded meanwhile: error ignored');
    }
    return next('loop');
  },
});

/** klp_break_recursion() (POC 19): is this a recursive load of the main module being enabled? */
export const klp_break_recursion = proc({ version: 'split POC + 19/23', returns: 'bool' }, {
  start: (k, l) => {
    if (l.klp !== true) {
      k.note('klp_break_recursion: not a livepatch module');
      return ret(0);
    }
    return call('lockKlpMutex', {}, 'locked');
  },
  locked: (k, l) => {
    const hit = k.w.klp.loading === str(l, 'name');
    k.note(
      hit
        ? `klp_break_recursion: ${str(l, 'name')} is klp_loading_patch: return -EEXIST instead of waiting`
        : 'klp_break_recursion: no',
    );
    if (hit) k.mark('klp_break_recursion');
    unlockKlpMutex(k);
    return ret(hit ? 1 : 0);
  },
});
