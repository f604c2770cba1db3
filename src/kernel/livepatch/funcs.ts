/**
 * funcs.ts - the klp_funcs of a klp_object (include/linux/livepatch.h): its own functions and the
 * nops atomic replace adds, and what each one redirects to (klp_func.new_func).
 */
import type { Ctx } from '../../sim/context';
import type { KlpObject, KlpPatch } from '../../model/world';

/** Every klp_func of an object: its own functions, then the nops atomic replace added. */
export function objectFuncs(o: KlpObject): string[] {
  return [...o.funcs, ...(o.nops ?? [])];
}

/**
 * The replacement a patch installs for `f` (klp_func.new_func): the object's `newFuncs` in the
 * livepatch spec, else `livepatch_<f>` as in test_klp_livepatch.c; a nop's new_func is the
 * original function itself (klp_init_object_loaded()).
 */
export function klpNewFunc(k: Ctx, patch: KlpPatch, o: KlpObject, f: string): string {
  // Stryker disable next-line LogicalOperator: klp_add_nops() adds a nop only for a function the object does not have, and every caller passes a func of the object, so `||` picks the same ones
  if (o.nops?.includes(f) && !o.funcs.includes(f)) return f;
  // Stryker disable next-line OptionalChaining: every klp_patch is enabled by a livepatch module built from a scenario livepatch of that name (sim/env.ts), so k.env.patches has its spec
  const spec = k.env.patches[patch.name]?.objects.find((x) => x.name === (o.name ?? 'vmlinux'));
  // Stryker disable next-line OptionalChaining: only a dynamic object has no spec object, and its funcs are all nops (returned above)
  const newFuncs = spec?.newFuncs;
  return newFuncs?.[f] ?? `livepatch_${f}`;
}

