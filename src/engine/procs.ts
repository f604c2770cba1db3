/**
 * procs.ts - every simulated function, by name (frames refer to functions by name so that task
 * state stays plain data).
 */
import { procInfo, type Proc, type ProcInfo } from '../sim/ops';
import { add_unformed_module, do_init_module, finit_module, load_module, resolve_symbol_wait, simplify_symbols } from '../kernel/module/load_module';
import { modExit, scriptedExit, do_one_initcall, scriptedInit } from '../kernel/module/initcall';
import { idempotent_init_module, idempotent_wait_for_completion, init_module_from_file } from '../kernel/module/idempotent';
import { early_mod_check, module_patient_check_exists } from '../kernel/module/patient';
import { __x64_sys_getpid } from '../kernel/sys_getpid';
import { test_klp_call_getpid } from '../userspace/getpid';
import { delete_module, module_put_and_delete } from '../kernel/module/delete_module';
import { request_module } from '../kernel/kmod';
import { lockKlpMutex } from '../kernel/livepatch/mutex';
import { enabled_store, force_store, ftrace_enable_sysctl, klp_enable_patch, klp_module_coming, klp_module_going } from '../kernel/livepatch/core';
import { klp_add_object, klp_break_recursion, klp_enable_patch_split, klp_module_coming_split } from '../kernel/livepatch/split';
import { klp_transition_work_fn } from '../kernel/livepatch/transition';
import { klp_free_patch_work_fn } from '../kernel/livepatch/free';
import { insmod, modprobe, rmmod } from '../userspace/kmod';
import { busyIn, capture, sh, shBuiltin, shCommand } from '../userspace/shell';
import { MODULE_PROCS } from '../modules/registry';

const PROCS: Record<string, Proc> = {
  finit_module,
  idempotent_init_module,
  idempotent_wait_for_completion,
  init_module_from_file,
  load_module,
  early_mod_check,
  module_patient_check_exists,
  add_unformed_module,
  simplify_symbols,
  resolve_symbol_wait,
  do_init_module,
  do_one_initcall,
  modExit,
  scriptedInit,
  scriptedExit,
  delete_module,
  module_put_and_delete,
  request_module,
  lockKlpMutex,
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
  __x64_sys_getpid,
  test_klp_call_getpid,
  modprobe,
  insmod,
  rmmod,
  sh,
  shBuiltin,
  shCommand,
  capture,
  busyIn,
  ...MODULE_PROCS,
};

/** Every procedure's name. */
export function procNames(): string[] {
  return Object.keys(PROCS);
}

/** The procedure a frame names, or undefined for a name no procedure has. */
export function procByName(fn: string): Proc | undefined {
  return Object.prototype.hasOwnProperty.call(PROCS, fn) ? PROCS[fn] : undefined;
}

/** What the procedure of this name declares about itself (nothing for an unknown name). */
export function infoOf(fn: string): ProcInfo {
  const p = procByName(fn);
  return p ? procInfo(p) : {};
}

/** The kernel's name for a procedure: what it stands for, the function it is a version of, or its own. */
export function kernelName(fn: string): string {
  const i = infoOf(fn);
  return i.kernelName ?? i.versionOf ?? fn;
}
