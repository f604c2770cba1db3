/**
 * idempotent.ts - kernel/module/main.c (v6.5+): finit_module() -> idempotent_init_module().
 *
 * Concurrent finit_module() calls of the same file (the same inode) are "idempotent": the first
 * caller (the winner) loads the module; every later caller sleeps in
 * idempotent_wait_for_completion() until the winner's load_module() has returned, init included,
 * and then returns the winner's result, byte for byte (0, not -EEXIST, when it loaded).
 * The wait is interruptible since v6.11 (2124d84db293): a signal ends it with -EINTR.
 *
 * This wait comes before the kernel has read the file: the waiter does not even know the module's
 * name, so it never reaches early_mod_check() or add_unformed_module(). A recursive `modprobe` of
 * a module whose load is waiting for it blocks here on v7.1 (the seed's location i, moved).
 *
 * init_module(2) (user-space decompression) never goes through this layer; the simulated kmod
 * always uses finit_module().
 */
import { block, call, num, proc, ret, str } from '../../sim/ops';
import type { Ctx } from '../../sim/context';
import type { Task } from '../../model/world';
import { ERRNO } from '../../model/errno';
import { fileIdentity } from '../../rules/names';

/** The task whose finit_module() of this file is in flight (the first entry of its cookie). */
export function idempotentWinner(k: Ctx, cookie: string): number | undefined {
  return k.w.idem.find((e) => e.cookie === cookie)?.pid;
}

/**
 * idempotent_complete(): every entry of the cookie, the winner's own included, is taken out of the
 * hash and its waiter completed with `ret`. A waiter a signal has woken but that has not run yet
 * is still in the hash: it gets `ret` too, and returns it instead of -EINTR.
 */
function idempotent_complete(k: Ctx, cookie: string, value: number): void {
  const mine = k.w.idem.filter((e) => e.cookie === cookie);
  k.w.idem = k.w.idem.filter((e) => e.cookie !== cookie);
  let n = 0;
  for (const e of mine) {
    if (e.pid === k.task.pid) continue; // the winner's own entry: nobody waits on it
    // An entry leaves the hash before its task can exit, so its task is there.
    const t = k.task_by_pid(e.pid) as Task;
    // pos->ret = ret; complete(&pos->complete): wakes it, unless a signal already has.
    t.frames[t.frames.length - 1].l.idemRet = value;
    k.wake(t);
    n++;
  }
  if (n) k.note(`idempotent_complete(): ${n} waiter${n > 1 ? 's' : ''} of ${cookie} get${n > 1 ? '' : 's'} ${value}`);
}

/** idempotent_init_module(f, uargs, flags). */
export const idempotent_init_module = proc({ labels: { loaded: 'idempotent_complete()' } }, {
  start: (k, l) => {
    const cookie = fileIdentity(str(l, 'path'));
    l.cookie = cookie;
    // idempotent(): look for the cookie, then add ourselves either way.
    const winner = idempotentWinner(k, cookie);
    k.w.idem.push({ cookie, pid: k.task.pid });
    if (winner === undefined) {
      k.note(`first finit_module() of ${cookie}: this task loads it`);
      return call('init_module_from_file', { name: l.name, params: l.params ?? {} }, 'loaded');
    }
    return call('idempotent_wait_for_completion', { cookie, winner }, 'waited');
  },
  loaded: (k, l) => {
    const r = num(l, 'ret');
    idempotent_complete(k, str(l, 'cookie'), r);
    return ret(r);
  },
  waited: (k, l) => ret(num(l, 'ret')),
});

/** init_module_from_file(): kernel_read_file() of the whole file, then load_module(). */
export const init_module_from_file = proc({}, {
  start: (k, l) => call('load_module', { name: l.name, params: l.params ?? {} }, 'done'),
  done: (k, l) => ret(num(l, 'ret')),
});

/**
 * idempotent_wait_for_completion(): wait_for_completion_interruptible(); on a signal the waiter
 * leaves the hash itself if idempotent_complete() has not taken it out yet. Either way it returns
 * u->ret: -EINTR (never -ERESTARTSYS: no restart), or the winner's result if idempotent_complete()
 * got to it first.
 */
export const idempotent_wait_for_completion = proc({ labels: { woken: 'wakes up' } }, {
  start: (k, l) => {
    const cookie = str(l, 'cookie');
    // The winner is in the hash, so its task is there.
    const winner = k.task_by_pid(num(l, 'winner')) as Task;
    l.idemRet = -ERRNO.EINTR; // u->ret = -EINTR in idempotent()
    const hook = k.env.variant.breakRecursion
      ? '; the module name is not read yet, so add_unformed_module() and its klp_break_recursion() (19/23) are never reached'
      : '';
    k.note(`${cookie} is being loaded by ${winner.label}: wait for its finit_module() to return${hook}`);
    return block(
      { kind: 'completion', fn: 'idempotent_wait_for_completion', name: cookie, pid: num(l, 'winner'), killable: true },
      'woken',
    );
  },
  woken: (k, l) => {
    // Woken by a signal: if (!hlist_unhashed(&u->entry)) hlist_del(&u->entry). Completed, the
    // entry is already out. A task is in one finit_module() at a time: its entry has its pid.
    k.w.idem = k.w.idem.filter((e) => e.pid !== k.task.pid);
    return ret(num(l, 'idemRet')); // return u->ret
  },
});
