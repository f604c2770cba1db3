/**
 * patch.ts - kernel/livepatch/patch.c and the shared pieces of core.c: registering the ftrace
 * handlers of an object, enabling and disabling a patch, the states compatibility check.
 */
import type { Ctx } from '../../sim/context';
import type { KlpObject, KlpPatch } from '../../model/world';
import { ERRNO } from '../../model/errno';
import { klp_pre_patch_callback, klp_pre_unpatch_callback } from './callbacks';
import { klp_cancel_transition, klp_init_transition, klp_start_transition, klp_try_complete_transition } from './transition';
import { listedPatches } from './free';
import { objectFuncs } from './funcs';

export function objName(o: KlpObject): string {
  return o.name ?? 'vmlinux';
}

/** klp_is_object_loaded(): vmlinux always; a module object when bound to its module. */
export function klp_is_object_loaded(o: KlpObject): boolean {
  return o.name === null || o.bound;
}

/** Some patch already redirects `f`: its klp_ops (and ftrace_ops) exist, a new patch only pushes onto func_stack. */
function klpOpsExist(k: Ctx, f: string): boolean {
  return k.w.klp.patches.some((p) => p.objects.some((o) => o.patched && objectFuncs(o).includes(f)));
}

/**
 * klp_patch_object() -> klp_patch_func() for every func: the first patch of a function registers
 * its ftrace_ops (FTRACE_OPS_FL_PERMANENT | FTRACE_OPS_FL_IPMODIFY). register_ftrace_function()
 * fails with -EBUSY while kernel.ftrace_enabled=0 (PERMANENT), or when another IPMODIFY ops owns
 * the function: an armed kprobe with a post_handler (kprobe_ipmodify_ops, kernel/kprobes.c).
 */
export function klp_patch_object(k: Ctx, o: KlpObject): number {
  for (const f of objectFuncs(o)) {
    if (klpOpsExist(k, f)) continue;
    const kprobe = k.w.kprobes.find((p) => p.fn === f && p.armed && p.postHandler);
    if (!k.w.ftraceEnabled || kprobe) {
      if (kprobe) k.note(`${f} has an armed kprobe with a post_handler (${kprobe.owner}): its IPMODIFY ftrace_ops own the function`);
      k.printk(`livepatch: failed to register ftrace handler for function '${f}' (${-ERRNO.EBUSY})`);
      o.patched = false; // klp_unpatch_object()
      return -ERRNO.EBUSY;
    }
  }
  o.patched = true;
  return 0;
}

/** klp_is_patch_compatible(): a cumulative patch must carry every installed state, at >= version. */
export function klp_is_patch_compatible(k: Ctx, patch: { replace: boolean; states: { id: number; version: number }[] }): boolean {
  for (const old of listedPatches(k.w)) {
    for (const s of old.states) {
      const mine = patch.states.find((x) => x.id === s.id);
      if (!mine) {
        if (patch.replace) return false;
        continue;
      }
      if (mine.version < s.version) return false;
    }
  }
  return true;
}

/** __klp_enable_patch(). */
export function __klp_enable_patch(k: Ctx, patch: KlpPatch): number {
  if (k.w.klp.transition || (k.env.variant.split && k.w.klp.loading)) {
    k.note('another patch is in transition: -EBUSY');
    return -ERRNO.EBUSY;
  }
  k.printk(`livepatch: enabling patch '${patch.name}'`);
  klp_init_transition(k, patch, 'KLP_TRANSITION_PATCHED');
  k.patchEvent(patch, 'klp_start_patching');
  for (const o of patch.objects) {
    if (!klp_is_object_loaded(o)) continue;
    let r = klp_pre_patch_callback(k, patch, o);
    if (r) {
      k.printk(`livepatch: pre-patch callback failed for object '${objName(o)}'`);
      return enableFailed(k, patch, r);
    }
    r = klp_patch_object(k, o);
    if (r) {
      k.printk(`livepatch: failed to patch object '${objName(o)}'`);
      return enableFailed(k, patch, r);
    }
  }
  klp_start_transition(k);
  patch.enabled = true;
  klp_try_complete_transition(k);
  return 0;
}

function enableFailed(k: Ctx, patch: KlpPatch, r: number): number {
  k.printk(`livepatch: failed to enable patch '${patch.name}'`);
  klp_cancel_transition(k);
  return r;
}

/** __klp_disable_patch(): start the unpatching transition. */
export function __klp_disable_patch(k: Ctx, patch: KlpPatch): number {
  // Stryker disable next-line ConditionalExpression,UnaryOperator: enabled_store() calls it only for an enabled patch (the kernel's WARN_ON(!patch->enabled))
  if (!patch.enabled) return -ERRNO.EINVAL;
  if (k.w.klp.transition) return -ERRNO.EBUSY;
  klp_init_transition(k, patch, 'KLP_TRANSITION_UNPATCHED');
  k.patchEvent(patch, 'klp_start_unpatching');
  for (const o of patch.objects) if (o.patched) klp_pre_unpatch_callback(k, patch, o);
  klp_start_transition(k);
  patch.enabled = false;
  klp_try_complete_transition(k);
  return 0;
}

/**
 * klp_add_nops(): an atomic-replace patch gets a nop klp_func for every function an older patch
 * on klp_patches changes and it does not, in a dynamic object (no callbacks) when it has no object
 * of that name. A nop runs the original code, so once the older patches are gone nothing of
 * theirs is left; klp_discard_nops() drops the nops when the transition completes.
 */
export function klp_add_nops(k: Ctx, patch: KlpPatch): void {
  for (const old of listedPatches(k.w)) {
    // Stryker disable next-line ConditionalExpression: the split POC lists the patch before klp_init_patch(), but its own objects find themselves below and every func of theirs is already there: no nop
    if (old === patch) continue;
    for (const oo of old.objects) {
      let mine = patch.objects.find((o) => o.name === oo.name);
      if (!mine) {
        mine = {
          name: oo.name,
          carrier: patch.name,
          funcs: [],
          // Stryker disable next-line BooleanLiteral: klp_init_patch() binds every object (klp_find_object_module()) right after this, and a vmlinux object counts as loaded either way
          bound: false,
          patched: false,
          // Stryker disable next-line BooleanLiteral: a dynamic object has no callbacks (callbacks.ts invoke()), so the flag is never acted on
          postUnpatchEnabled: false,
          dynamic: true,
        };
        patch.objects.push(mine);
      }
      for (const f of objectFuncs(oo)) {
        if (objectFuncs(mine).includes(f)) continue;
        (mine.nops ??= []).push(f);
      }
    }
  }
}

/** klp_find_object_module(): bind a module object if its module is loaded and klp_alive. */
export function klp_find_object_module(k: Ctx, o: KlpObject): void {
  if (o.name === null) return;
  const mod = k.find_module(o.name);
  o.bound = !!mod && mod.klpAlive;
}
