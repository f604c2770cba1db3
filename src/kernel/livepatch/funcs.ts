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
  if (o.nops?.includes(f) && !o.funcs.includes(f)) return f;
  const spec = k.env.patches[patch.name]?.objects.find((x) => x.name === (o.name ?? 'vmlinux'));
  return spec?.newFuncs?.[f] ?? `livepatch_${f}`;
}

