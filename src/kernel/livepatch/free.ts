/**
 * free.ts - freeing a klp_patch (kernel/livepatch/core.c: klp_free_patch_start/finish, the
 * async free work, klp_free_replaced_patches_async). In the split POC, freeing a module object
 * also queues the removal of its per-object module (POC 12: module_put_and_delete()).
 */
import type { Proc } from '../../sim/ops';
import { num, ret } from '../../sim/ops';
import type { Ctx } from '../../sim/context';
import type { KlpPatch, World } from '../../model/world';
import { module_put } from '../module/refs';

/** klp_for_each_patch(): the patches on the klp_patches list. */
export function listedPatches(w: World): KlpPatch[] {
  return w.klp.patches.filter((p) => p.listed);
}

/** klp_free_patch_start(): take the patch off klp_patches. */
export function klp_free_patch_start(k: Ctx, patch: KlpPatch): void {
  patch.listed = false;
  k.note(`'${patch.name}' removed from klp_patches`);
}

/**
 * Queue the removal of a split per-object module whose object was freed (POC 12). Objects that
 * were part of a forced transition stay forever.
 */
export function klp_free_object_module(k: Ctx, carrier: string, forced: boolean): void {
  if (forced) return;
  k.w.work.push({ fn: 'module_put_and_delete', args: { name: carrier }, at: k.now });
  k.note(`queued module_put_and_delete(${carrier})`);
}

/** klp_free_patch_finish(): sysfs directory gone, the self-reference on the module dropped. */
export function klp_free_patch_finish(k: Ctx, patch: KlpPatch): void {
  // Stryker disable next-line BooleanLiteral: the patch leaves klp_patches below, and nothing reads a patch once it is off that array
  patch.sysfs = false;
  k.patchEvent(patch, 'klp_free_patch');
  if (k.env.variant.split) {
    for (const o of patch.objects) if (o.name !== null && !o.dynamic) klp_free_object_module(k, o.carrier, patch.forced);
  }
  if (!patch.forced) {
    // module_put(patch->mod): nothing to put if `rmmod -f` freed the module already.
    const mod = k.moduleById(patch.mod);
    if (mod) module_put(mod);
  }
  k.w.klp.patches = k.w.klp.patches.filter((p) => p !== patch);
  k.note(`/sys/kernel/livepatch/${patch.name} removed; patch freed`);
}

/** klp_free_patch_async(): start now, finish from a work item. */
export function klp_free_patch_async(k: Ctx, patch: KlpPatch): void {
  klp_free_patch_start(k, patch);
  k.w.work.push({ fn: 'klp_free_patch_work_fn', args: { patch: patch.name, ts: patch.ts }, at: k.now });
}

/** klp_free_replaced_patches_async(): every patch before the new cumulative one goes. */
export function klp_free_replaced_patches(k: Ctx, patch: KlpPatch): void {
  for (const old of listedPatches(k.w)) {
    if (old === patch) return;
    k.patchEvent(old, 'klp_replaced');
    klp_free_patch_async(k, old);
  }
}

export const klp_free_patch_work_fn: Proc = {
  start: (k, l) => {
    // The work item holds its patch by identity (klp_free_patch_async() queues it with the ts).
    const p = k.patchByTs(num(l, 'ts'));
    // Stryker disable next-line ConditionalExpression: only this work frees a patch queued here, once, so it is always found
    if (p) klp_free_patch_finish(k, p);
    return ret(0);
  },
};
