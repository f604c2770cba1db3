/**
 * seed.ts - the seed patch's vocabulary (livepatch RFC 19/23, "klp_break_recursion"): where a
 * recursive load can deadlock. Location i: the recursive instance waits in add_unformed_module()
 * for the first instance to become LIVE. Location ii: resolve_symbol_wait() cannot take a
 * reference on a module still in MODULE_STATE_COMING (strong_try_module_get() returns -EBUSY).
 *
 * Location i moved in later kernels. Since v6.5 a `modprobe` of a module whose load waits for it
 * opens the same file, and idempotent_init_module() makes it wait in
 * idempotent_wait_for_completion() before the kernel reads the file; since v6.4 a load of another
 * file of the same name waits in module_patient_check_exists(), called from early_mod_check()
 * before anything is allocated. Both are location i, moved: the same wait for the same load,
 * reached before add_unformed_module(), where 19/23 put its hook. Location ii did not move.
 */
export type SeedLocation = 'i' | 'ii';

export const SEED_LOCATIONS: Readonly<Record<string, SeedLocation>> = Object.freeze({
  add_unformed_module: 'i',
  resolve_symbol_wait: 'ii',
  // v6.4+: early_mod_check() / add_unformed_module() -> module_patient_check_exists().
  module_patient_check_exists: 'i',
  // v6.5+: finit_module() -> idempotent_init_module() of a file another task is loading.
  idempotent_wait_for_completion: 'i',
});

/** Where location i moved to, with the kernel that moved it and what that means for 19/23's hook. */
export interface SeedMove {
  fn: string;
  since: string;
  /** One sentence: why 19/23's hook in add_unformed_module() is not reached from here. */
  why: string;
}

export const SEED_MOVES: Readonly<Record<string, SeedMove>> = Object.freeze({
  idempotent_wait_for_completion: {
    fn: 'idempotent_wait_for_completion',
    since: 'v6.5',
    why:
      'finit_module() of a file another task is loading waits for that task in idempotent_init_module(), keyed on the inode, ' +
      'before the file is read: the module name is not known yet and add_unformed_module() is never reached.',
  },
  module_patient_check_exists: {
    fn: 'module_patient_check_exists',
    since: 'v6.4',
    why:
      'early_mod_check() waits for a same-name module that is COMING before layout_and_allocate(); ' +
      'add_unformed_module() only runs after that wait, and then refuses with -EEXIST or -EBUSY.',
  },
});

/** The seed's location for a kernel function a task waits in, if it is one of the two. */
export function seedLocationOf(fn: string): SeedLocation | undefined {
  return Object.prototype.hasOwnProperty.call(SEED_LOCATIONS, fn) ? SEED_LOCATIONS[fn] : undefined;
}

/** Where location i moved (for the v6.4+/v6.5+ waits), or undefined for the 2020 locations. */
export function seedMoveOf(fn: string): SeedMove | undefined {
  return Object.prototype.hasOwnProperty.call(SEED_MOVES, fn) ? SEED_MOVES[fn] : undefined;
}
