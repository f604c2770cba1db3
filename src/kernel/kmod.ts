/**
 * kmod.ts - kernel/kmod.c (v5.5), kernel/module/kmod.c (v6.4+): request_module() runs
 * `modprobe -q -- NAME` as a usermode helper and waits for it (W3), with at most
 * MAX_KMOD_CONCURRENT (50) at once (W4). v6.4 replaced the throttle with a semaphore: the slot
 * wait is an uninterruptible down_timeout() with no "throttling" or "sigkill sent" lines; since
 * v5.7 an empty modprobe_path gives -ENOENT instead of 0.
 * [S] CONFIG_MODULE_DEBUG_AUTOLOAD_DUPS (kmod_dup_request_*(), default n) is not modelled.
 */
import { block, next, num, ret, str, proc } from '../sim/ops';
import type { Ctx } from '../sim/context';
import { ERRNO } from '../model/errno';
import { MAX_KMOD_ALL_BUSY_TIMEOUT_MS, MAX_KMOD_CONCURRENT, MODULE_NAME_LEN, seconds } from '../rules/limits';
import { helperTaskLabel } from '../rules/names';


function releaseSlot(k: Ctx): void {
  k.w.kmodSlots++;
  // Stryker disable next-line ConditionalExpression,OptionalChaining: only a blocked task has a wait (spawn(), wake() and exitTask() clear it), a blocked one always has one, and wake() ignores a task that is not blocked
  for (const t of k.w.tasks) if (t.status === 'blocked' && t.wait?.kind === 'kmod_slot') k.wake(t);
}

export const request_module = proc({ mark: 'request_module', labels: { slot: 'looks for a free kmod slot', spawn: 'a kmod slot is free', wait: 'waits for its modprobe helper again' } }, {
  start: (k, l) => {
    const name = str(l, 'name');
    if (k.w.modprobePath === '') {
      if (k.env.variant.kernel.emptyModprobePathEnoent) {
        k.note('/proc/sys/kernel/modprobe is empty: request_module() returns -ENOENT (since v5.7)');
        return ret(-ERRNO.ENOENT);
      }
      k.note('/proc/sys/kernel/modprobe is empty: request_module() returns 0 without loading anything');
      return ret(0);
    }
    if (name.length >= MODULE_NAME_LEN) return ret(-ERRNO.ENAMETOOLONG);
    l.deadline = k.now + MAX_KMOD_ALL_BUSY_TIMEOUT_MS;
    return next('slot');
  },
  slot: (k, l) => {
    const name = str(l, 'name');
    const semaphore = k.env.variant.kernel.kmodSemaphore;
    if (l.signal && !semaphore) {
      k.printk(`request_module: sigkill sent for modprobe ${name}, giving up`);
      return ret(-ERRNO.ERESTARTSYS);
    }
    if (k.w.kmodSlots > 0) return next('spawn');
    if (k.now >= num(l, 'deadline')) {
      k.printk(
        `request_module: modprobe ${name} cannot be processed, kmod busy with ${MAX_KMOD_CONCURRENT} threads for more than ${seconds(MAX_KMOD_ALL_BUSY_TIMEOUT_MS)} seconds now`,
      );
      return ret(-ERRNO.ETIME);
    }
    if (semaphore) {
      // down_timeout(&kmod_concurrent_max, MAX_KMOD_ALL_BUSY_TIMEOUT * HZ): TASK_UNINTERRUPTIBLE.
      return block({ kind: 'kmod_slot', fn: 'down_timeout', until: num(l, 'deadline'), killable: false }, 'slot');
    }
    if (l.throttled !== true) {
      l.throttled = true;
      k.printk(
        `request_module: kmod_concurrent_max (0) close to 0 (max_modprobes: ${MAX_KMOD_CONCURRENT}), for module ${name}, throttling...`,
      );
    }
    return block({ kind: 'kmod_slot', fn: '__request_module', until: num(l, 'deadline'), killable: true }, 'slot');
  },
  spawn: (k, l) => {
    const name = str(l, 'name');
    k.w.kmodSlots--;
    const n = ++k.w.helperSeq;
    const helper = k.spawn({
      label: helperTaskLabel(n),
      comm: 'modprobe',
      argv: `${k.w.modprobePath} -q -- ${name}`,
      kind: 'helper',
      parent: k.task.pid,
      fn: 'modprobe',
      args: { name, params: {}, quiet: true, firstTime: false },
    });
    l.helper = helper.pid;
    k.note(`call_usermodehelper: ${helper.label} runs '${helper.argv}'`);
    return next('wait');
  },
  /**
   * call_usermodehelper_exec(UMH_WAIT_PROC | UMH_KILLABLE): wait_for_completion_killable()
   * returns at once when the helper is already done (it can be, at fine granularity).
   */
  wait: (k, l) => {
    // Stryker disable next-line OptionalChaining: tasks are never removed from the task list, so the helper is always found
    if (k.task_by_pid(num(l, 'helper'))?.status === 'exited') return next('reaped');
    return block({ kind: 'umh', fn: 'call_usermodehelper_exec', pid: num(l, 'helper'), killable: true }, 'reaped');
  },
  reaped: (k, l) => {
    const helper = k.task_by_pid(num(l, 'helper'));
    if (l.signal) {
      // Killed while waiting: the helper goes on, orphaned.
      releaseSlot(k);
      return ret(-ERRNO.ERESTARTSYS);
    }
    // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: the umh wait is ended only by the helper's exit (exitTask()) or a signal (handled above), and tasks are never removed: here the helper is always there and exited
    if (!helper || helper.status !== 'exited') return next('wait');
    releaseSlot(k);
    // The raw wait status: exit code << 8, or the signal that killed the helper.
    const status = helper.signal !== null ? helper.signal : (helper.exitCode ?? 0) << 8;
    k.note(`${helper.label} exited: wait status ${status}`);
    return ret(status);
  },
});
