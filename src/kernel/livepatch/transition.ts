/**
 * transition.ts - kernel/livepatch/transition.c: the consistency model. Every task starts the
 * transition pending (TIF_PATCH_PENDING, `klp.pending`); each try switches every pending task
 * that has no function of the patch on its stack, and a switched task stays switched. The
 * transition finishes when no task is pending; otherwise it is retried every second from
 * klp_transition_work. Which version of a patched function a task runs meanwhile depends on
 * whether it has switched (sim/files.ts activeFunc(), as klp_ftrace_handler() does). A reversal
 * makes the switched tasks the pending ones: the others are already in the new target state.
 * force_store() switches every task at once (klp_force_transition()).
 * [S] Otherwise a task is switched only by these tries, not also by itself on its way back to user space
 * (klp_update_patch_state()): in the simulator no task returns to user space from inside a
 * patched function, so the tries switch it as soon as it could switch itself. A task created
 * during a transition starts switched (the kernel copies its parent's state, klp_copy_process()).
 */
import type { Proc } from '../../sim/ops';
import { call, ret } from '../../sim/ops';
import type { Ctx } from '../../sim/context';
import type { KlpPatch, Task } from '../../model/world';
import { klp_post_patch_callback, klp_post_unpatch_callback } from './callbacks';
import { unlockKlpMutex } from './mutex';
import { klp_free_patch_async, klp_free_replaced_patches } from './free';
import { klpNewFunc, objectFuncs } from './funcs';
import { KLP_SIGNALS_TIMEOUT, KLP_TRANSITION_RETRY_MS } from '../../rules/limits';

function targetWord(k: Ctx): string {
  return k.w.klp.target === 'KLP_TRANSITION_PATCHED' ? 'patching' : 'unpatching';
}

function transitionPatch(k: Ctx): KlpPatch {
  const p = k.w.klp.transition ? k.patch(k.w.klp.transition) : undefined;
  // Stryker disable next-line ConditionalExpression,StringLiteral: internal invariant: these run only while klp_transition_patch is set (without it, `false` fails on the next line anyway)
  if (!p) throw new Error('internal: no klp_transition_patch');
  return p;
}

/** Names a task has on its stack: simulated functions, and functions it sits in ([S] busy). */
export function stackNames(t: Task): string[] {
  return t.frames.map((f) => (typeof f.l.as === 'string' ? f.l.as : f.fn));
}

/** klp_init_transition(). */
export function klp_init_transition(k: Ctx, patch: KlpPatch, target: 'KLP_TRANSITION_PATCHED' | 'KLP_TRANSITION_UNPATCHED'): void {
  k.w.klp.transition = patch.name;
  k.w.klp.target = target;
  k.pr_debug(`livepatch: '${patch.name}': initializing ${targetWord(k)} transition`);
}

/**
 * klp_start_transition(): set TIF_PATCH_PENDING on every task not in the target state; at the
 * start of a transition that is every task (klp_init_transition() puts all in the initial state),
 * after a reversal only those that had switched (klp_reverse_transition() drops the others).
 */
export function klp_start_transition(k: Ctx): void {
  const patch = transitionPatch(k);
  k.printk(`livepatch: '${patch.name}': starting ${targetWord(k)} transition`);
  k.w.klp.pending = k.w.tasks.filter((t) => t.status !== 'exited').map((t) => t.pid);
  k.w.klp.signalsCnt = 0;
}

/**
 * klp_try_switch_task() for every task still pending: it can switch unless a function being
 * patched (old function) or unpatched (new function) is on its stack. Tasks that switched at an
 * earlier try are not checked again: they may enter the function now, running its new version.
 */
function blockingTasks(k: Ctx, patch: KlpPatch): Task[] {
  const pending = new Set(k.w.klp.pending);
  const patching = k.w.klp.target === 'KLP_TRANSITION_PATCHED';
  // klp_check_stack_func(): patching checks the function being replaced (the previous patch's
  // new_func when one is on the func_stack below, else the original), unpatching the
  // replacement (a nop's new_func is the original).
  const funcs = new Set(
    patch.objects.filter((o) => o.bound || o.name === null).flatMap((o) => objectFuncs(o).map((f) => (patching ? previousFunc(k, patch, f) : klpNewFunc(k, patch, o, f)))),
  );
  // Stryker disable next-line StringLiteral: an exited task has no frames (sim/exit.ts), so nothing on its stack can hold the transition up
  return k.w.tasks.filter((t) => t.status !== 'exited' && pending.has(t.pid) && stackNames(t).some((n) => funcs.has(n)));
}

/** The function `patch` replaces for `f`: the new_func of the patch below it on f's func_stack, or f. */
function previousFunc(k: Ctx, patch: KlpPatch, f: string): string {
  const below = k.w.klp.patches.slice(0, k.w.klp.patches.indexOf(patch));
  for (let i = below.length - 1; i >= 0; i--) {
    const p = below[i];
    const o = p.objects.find((x) => x.patched && (x.funcs.includes(f) || x.nops?.includes(f)));
    if (o) return klpNewFunc(k, p, o, f);
  }
  return f;
}

/** klp_try_complete_transition(): a void function, as in the kernel; a failed try queues the retry. */
export function klp_try_complete_transition(k: Ctx): void {
  const patch = transitionPatch(k);
  const blockers = blockingTasks(k, patch);
  k.w.klp.pending = blockers.map((t) => t.pid);
  if (blockers.length) {
    k.note(`klp_try_complete_transition: ${blockers.map((t) => t.label).join(', ')} still on a patched function`);
    // klp_send_signals() runs every KLP_SIGNALS_TIMEOUT retries but prints only the first time.
    if (k.w.klp.signalsCnt === KLP_SIGNALS_TIMEOUT) {
      k.printk('livepatch: signaling remaining tasks');
    }
    k.w.klp.signalsCnt++;
    // Stryker disable next-line ConditionalExpression: a try runs at the start of a transition, when no retry is queued, or from the retry, which clears the flag first: never with a retry pending
    if (!k.w.klp.workQueued) {
      // Stryker disable next-line BooleanLiteral: as above, no try comes while this retry is pending
      k.w.klp.workQueued = true;
      k.w.work.push({ fn: 'klp_transition_work_fn', args: {}, at: k.now + KLP_TRANSITION_RETRY_MS });
    }
    return;
  }
  klp_complete_transition(k);
  if (!patch.enabled) klp_free_patch_async(k, patch);
  else if (patch.replace) klp_free_replaced_patches(k, patch);
}

/** klp_complete_transition(). */
export function klp_complete_transition(k: Ctx): void {
  const patch = transitionPatch(k);
  const patching = k.w.klp.target === 'KLP_TRANSITION_PATCHED';
  k.pr_debug(`livepatch: '${patch.name}': completing ${targetWord(k)} transition`);
  if (patch.replace && patching) {
    // klp_unpatch_replaced_patches() + klp_discard_nops()
    for (const old of k.w.klp.patches) {
      if (old === patch || !old.enabled) continue;
      old.enabled = false;
      for (const o of old.objects) o.patched = false;
      k.note(`'${old.name}' replaced by '${patch.name}'`);
    }
    patch.objects = patch.objects.filter((o) => !o.dynamic);
    for (const o of patch.objects) delete o.nops;
  }
  if (!patching) for (const o of patch.objects) o.patched = false; // klp_unpatch_objects()
  k.w.klp.pending = [];
  for (const o of patch.objects) {
    if (!(o.name === null || o.bound)) continue;
    if (patching) klp_post_patch_callback(k, patch, o);
    else klp_post_unpatch_callback(k, patch, o);
  }
  k.printk(`livepatch: '${patch.name}': ${targetWord(k)} complete`);
  k.patchEvent(patch, 'klp_complete_transition');
  k.w.klp.target = 'KLP_TRANSITION_IDLE';
  k.w.klp.transition = null;
}

/** klp_cancel_transition(): the enable failed before the transition started. */
export function klp_cancel_transition(k: Ctx): void {
  const patch = transitionPatch(k);
  k.pr_debug(`livepatch: '${patch.name}': canceling patching transition, going to unpatch`);
  k.patchEvent(patch, 'klp_cancel_transition');
  // Stryker disable next-line StringLiteral: klp_complete_transition() only asks whether the target is KLP_TRANSITION_PATCHED, then sets it to IDLE
  k.w.klp.target = 'KLP_TRANSITION_UNPATCHED';
  klp_complete_transition(k);
}

/** klp_reverse_transition(): enabled_store() on the transition patch. */
export function klp_reverse_transition(k: Ctx): void {
  const patch = transitionPatch(k);
  const from = k.w.klp.target === 'KLP_TRANSITION_PATCHED' ? 'patching to unpatching' : 'unpatching to patching';
  k.pr_debug(`livepatch: '${patch.name}': reversing transition from ${from}`);
  // The tasks still pending never left the initial state, which is the new target state.
  const notSwitched = new Set(k.w.klp.pending);
  patch.enabled = !patch.enabled;
  k.w.klp.target = k.w.klp.target === 'KLP_TRANSITION_PATCHED' ? 'KLP_TRANSITION_UNPATCHED' : 'KLP_TRANSITION_PATCHED';
  k.patchEvent(patch, 'klp_reverse_transition');
  klp_start_transition(k);
  // klp_start_transition() sets TIF_PATCH_PENDING only `if (task->patch_state != klp_target_state)`:
  // after a reversal, only on the tasks that had switched.
  k.w.klp.pending = k.w.klp.pending.filter((pid) => !notSwitched.has(pid));
}

/** klp_transition_work_fn(): retry the pending transition, once a second. */
export const klp_transition_work_fn: Proc = {
  start: () => call('lockKlpMutex', {}, 'locked'),
  locked: (k) => {
    k.w.klp.workQueued = false;
    // Stryker disable next-line ConditionalExpression: only a failed try queues the retry, and only a try completes a transition: the retry always finds one
    if (k.w.klp.transition) klp_try_complete_transition(k);
    unlockKlpMutex(k);
    return ret(0);
  },
};
