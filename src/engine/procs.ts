/**
 * procs.ts - every simulated function, by name (frames refer to functions by name so that task
 * state stays plain data).
 */
import type { Proc } from '../sim/ops';
import { add_unformed_module, do_init_module, finit_module, load_module, resolve_symbol_wait, simplify_symbols } from '../kernel/module/load_module';
import { mod_exit, mod_exit_ops, mod_init, mod_init_ops } from '../kernel/module/mod_init';
import { delete_module, module_put_and_delete } from '../kernel/module/delete_module';
import { request_module } from '../kernel/kmod';
import { mutex_lock_klp } from '../kernel/livepatch/mutex';
import { enabled_store, force_store, ftrace_enable_sysctl, klp_enable_patch, klp_module_coming, klp_module_going } from '../kernel/livepatch/core';
import { klp_add_object, klp_break_recursion, klp_enable_patch_split, klp_module_coming_split } from '../kernel/livepatch/split';
import { klp_transition_work_fn } from '../kernel/livepatch/transition';
import { klp_free_patch_work_fn } from '../kernel/livepatch/free';
import { insmod, modprobe, rmmod } from '../userspace/kmod';
import { busy_in, capture, sh, sh_builtin, sh_one } from '../userspace/shell';
import { MODULE_PROCS } from '../modules/registry';

export const PROCS: Record<string, Proc> = {
  finit_module,
  load_module,
  add_unformed_module,
  simplify_symbols,
  resolve_symbol_wait,
  do_init_module,
  mod_init,
  mod_exit,
  mod_init_ops,
  mod_exit_ops,
  delete_module,
  module_put_and_delete,
  request_module,
  mutex_lock_klp,
  klp_enable_patch,
  klp_enable_patch_split,
  klp_add_object,
  klp_module_coming,
  klp_module_coming_split,
  klp_module_going,
  klp_break_recursion,
  klp_transition_work_fn,
  klp_free_patch_work_fn,
  enabled_store,
  force_store,
  ftrace_enable_sysctl,
  modprobe,
  insmod,
  rmmod,
  sh,
  sh_builtin,
  sh_one,
  capture,
  busy_in,
  ...MODULE_PROCS,
};
