/**
 * names.ts - how simulator procedures are named to people: by the kernel function or construct
 * they stand for.
 */

/** Simulator procedures that stand for a kernel construct without a function of that name. */
const DISPLAY: Record<string, string> = {
  mod_init: 'do_one_initcall',
  mod_init_ops: 'mod->init',
  mod_exit: 'mod->exit',
  mod_exit_ops: 'mod->exit',
  mutex_lock_klp: 'mutex_lock',
  sh_builtin: 'sh',
  sh_one: 'sh',
};

/** The kernel name of a procedure: the split POC's versions keep the function's own name. */
export function displayName(fn: string): string {
  return DISPLAY[fn] ?? fn.replace(/_split$/, '');
}
