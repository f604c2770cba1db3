/**
 * seed.ts - the seed patch's vocabulary (livepatch RFC 19/23, "klp_break_recursion"): where a
 * recursive load can deadlock. Location i: the recursive instance waits in add_unformed_module()
 * for the first instance to become LIVE. Location ii: resolve_symbol_wait() cannot take a
 * reference on a module still in MODULE_STATE_COMING (strong_try_module_get() returns -EBUSY).
 */
export type SeedLocation = 'i' | 'ii';

export const SEED_LOCATIONS: Readonly<Record<string, SeedLocation>> = Object.freeze({
  add_unformed_module: 'i',
  resolve_symbol_wait: 'ii',
});

/** The seed's location for a kernel function a task waits in, if it is one of the two. */
export function seedLocationOf(fn: string): SeedLocation | undefined {
  return Object.prototype.hasOwnProperty.call(SEED_LOCATIONS, fn) ? SEED_LOCATIONS[fn] : undefined;
}
