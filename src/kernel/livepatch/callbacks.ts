/**
 * callbacks.ts - klp_pre_patch_callback() and friends (kernel/livepatch/core.h), and the
 * callback bodies of the livepatch modules (lib/livepatch/test_klp_callbacks_demo.c style, or a
 * model from src/modules/).
 */
import type { Ctx } from '../../sim/context';
import type { CallbackName, KlpObject, KlpPatch } from '../../model/world';

/** test_klp_callbacks_demo.c: module_state[] strings. */
export const MODULE_STATE_STRING: Record<string, string> = {
  MODULE_STATE_LIVE: '[MODULE_STATE_LIVE] Normal state',
  MODULE_STATE_COMING: '[MODULE_STATE_COMING] Full formed, running module_init',
  MODULE_STATE_GOING: '[MODULE_STATE_GOING] Going away',
  MODULE_STATE_UNFORMED: '[MODULE_STATE_UNFORMED] Still setting it up',
};

/** callback_info() of the selftest modules: "<callback>: vmlinux" or "<callback>: <mod> -> <state>". */
export function callback_info(k: Ctx, patch: KlpPatch, obj: KlpObject, cb: CallbackName): void {
  const fn = `${cb}_callback`;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: callbacks run only for loaded objects (klp_is_object_loaded(); obj->mod is set), so a module object here is always bound, and find_module(null) finds nothing
  const mod = obj.name && obj.bound ? k.find_module(obj.name) : undefined;
  k.printk(
    mod ? `${patch.name}: ${fn}: ${mod.name} -> ${MODULE_STATE_STRING[mod.state]}` : `${patch.name}: ${fn}: vmlinux`,
  );
}

/** Run one callback of an object; returns its value (only pre_patch's is used). */
function invoke(k: Ctx, patch: KlpPatch, obj: KlpObject, cb: CallbackName): number {
  if (obj.dynamic) return 0; // nop objects of an atomic-replace patch have no callbacks
  const spec = k.env.patches[patch.name];
  const model = spec?.model ? k.livepatchModel(spec.model) : undefined;
  if (model) return model.callback ? model.callback(k, patch, obj, cb) : 0;
  // Stryker disable next-line OptionalChaining: every klp_patch is enabled by a livepatch module built from a scenario livepatch of that name (sim/env.ts), so k.env.patches has its spec
  if ((spec?.callbacks ?? 'none') === 'none') return 0;
  callback_info(k, patch, obj, cb);
  // Stryker disable next-line ConditionalExpression: only klp_pre_patch_callback() uses the value (the other callbacks return void in the kernel)
  if (cb === 'pre_patch') return Number(k.find_module(patch.name)?.params.pre_patch_ret ?? 0);
  return 0;
}

export function klp_pre_patch_callback(k: Ctx, patch: KlpPatch, obj: KlpObject): number {
  const r = invoke(k, patch, obj, 'pre_patch');
  obj.postUnpatchEnabled = r === 0;
  return r;
}

export function klp_post_patch_callback(k: Ctx, patch: KlpPatch, obj: KlpObject): void {
  invoke(k, patch, obj, 'post_patch');
}

/** core.h: no obj->patched check here; __klp_disable_patch() checks it, the module-going path does not. */
export function klp_pre_unpatch_callback(k: Ctx, patch: KlpPatch, obj: KlpObject): void {
  invoke(k, patch, obj, 'pre_unpatch');
}

export function klp_post_unpatch_callback(k: Ctx, patch: KlpPatch, obj: KlpObject): void {
  if (obj.postUnpatchEnabled) invoke(k, patch, obj, 'post_unpatch');
  // Stryker disable next-line BooleanLiteral: after a post_unpatch callback the object is unbound, unpatched or freed, so none runs again before a pre_patch callback sets the flag anew
  obj.postUnpatchEnabled = false;
}
