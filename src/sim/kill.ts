/**
 * kill.ts - which blocked tasks can be killed at this step, and what killing one does, in
 * kernel terms. These are the escape hatches of the seed's deadlocks: a fatal signal ends a wait in
 * add_unformed_module() (W1, interruptible) or in request_module()'s
 * call_usermodehelper_exec() (W3, killable); kernel threads and uninterruptible sleeps
 * (mutex_lock, msleep) cannot be interrupted.
 */
import type { Task, World } from '../model/world';
import { RESOLVE_SYMBOL_TIMEOUT_MS, seconds } from '../rules/limits';

/** Blocked user commands and modprobe helpers whose wait a signal ends, in task order. */
export function killableTasks(world: World): Task[] {
  return world.tasks.filter((t) => t.status === 'blocked' && (t.kind === 'user' || t.kind === 'helper') && t.wait?.killable === true);
}

/** The module a modprobe helper loads: the last word of '/sbin/modprobe -q -- lp__M'. */
function helperModule(t: Task): string {
  return t.argv.trim().split(/\s+/).pop() ?? 'its module';
}

export function killEffect(task: Task, world: World): string {
  const label = (pid: number | undefined) => world.tasks.find((t) => t.pid === pid)?.label;
  // W1/W2 name a module: the task loading its COMING instance is the one being waited for.
  const ownerOf = (t: Task) => world.modules.find((m) => m.name === t.wait?.name && m.state === 'MODULE_STATE_COMING')?.owner;
  const fn = task.wait?.fn ?? 'its wait';
  if (task.kind === 'helper') {
    // Whoever called request_module() sleeps in call_usermodehelper_exec() on this helper.
    const parent = world.tasks.find((t) => t.status === 'blocked' && t.wait?.kind === 'umh' && t.wait.pid === task.pid);
    const who = parent ? ` in ${parent.label}` : '';
    return `${task.label} dies → request_module("${helperModule(task)}")${who} returns its signal status → the module load that asked for it fails.`;
  }
  if (task.wait?.kind === 'umh') {
    const helper = world.tasks.find((t) => t.pid === task.wait?.pid);
    const h = helper?.label ?? 'its helper';
    // The helper sleeps on the module this task was loading: when that load is unwound, it wakes.
    const waitsOnUs = helper?.status === 'blocked' && helper.wait?.fn === 'add_unformed_module' && ownerOf(helper) === task.pid;
    if (waitsOnUs) {
      return `${task.label} dies and its COMING module is unwound, but ${h} lives on → it loads that module itself → it can deadlock one level deeper.`;
    }
    // v6.5+: the helper waits for this task's finit_module() and gets its result instead of retrying.
    const idemWaiter = helper?.status === 'blocked' && helper.wait?.fn === 'idempotent_wait_for_completion' && helper.wait.pid === task.pid;
    if (idemWaiter) {
      return `${task.label} dies and its load is unwound; ${h} is handed that load's error by idempotent_complete() → its modprobe fails, no deeper recursion.`;
    }
    const patient = helper?.status === 'blocked' && helper.wait?.fn === 'module_patient_check_exists' && ownerOf(helper) === task.pid;
    if (patient) return `${task.label} dies and its COMING module is unwound; ${h} wakes, finds it gone → -EBUSY (no retry since v6.2).`;
    return `${task.label} dies; ${h} is not killed and runs on.`;
  }
  if (task.wait?.fn === 'idempotent_wait_for_completion') {
    const owner = label(task.wait.pid);
    return `${task.label} stops waiting in idempotent_wait_for_completion() (-EINTR) and dies${owner ? `; ${owner} goes on loading the file` : ''}.`;
  }
  if (task.wait?.fn === 'module_patient_check_exists') {
    const owner = label(ownerOf(task));
    return `${task.label} stops waiting in module_patient_check_exists() (-ERESTARTSYS) and dies${owner ? `; ${owner} goes on loading the COMING module` : ''}.`;
  }
  if (task.wait?.fn === 'add_unformed_module') {
    const owner = label(ownerOf(task));
    return `${task.label} stops waiting in add_unformed_module() → its load fails${owner ? `; ${owner} goes on loading the COMING instance` : ''}.`;
  }
  if (task.wait?.fn === 'resolve_symbol_wait') {
    return `${task.label} stops waiting in resolve_symbol_wait() → its load fails now instead of after the ${seconds(RESOLVE_SYMBOL_TIMEOUT_MS)} s timeout.`;
  }
  return `The signal ends ${task.label}'s wait in ${fn}() → its command fails.`;
}
