/**
 * test_klp_callbacks_busy.ts - lib/livepatch/test_klp_callbacks_busy.c (v5.10): init queues
 * busymod_work_func(), which loops in msleep(20) while the `block_transition` parameter is set,
 * so a patch of busymod_work_func() cannot finish its transition.
 *
 * The later file (tools/testing/selftests/livepatch/test_modules/, v7.1) adds
 * DECLARE_COMPLETION(busymod_work_started): the work function complete()s it right after its
 * "enter" line and init wait_for_completion()s it, so "enter" always comes before init returns
 * (model `test_klp_callbacks_busy_started`).
 */
import type { Proc } from '../sim/ops';
import { block, call, next, num, ret, str } from '../sim/ops';
import type { Ctx } from '../sim/context';
import type { Locals, ModuleInstance } from '../model/world';
import { kstrtobool } from '../rules/kstrtobool';

function mod(k: Ctx, l: Locals): ModuleInstance {
  const m = k.moduleById(num(l, 'mod'));
  if (!m) throw new Error('internal: test_klp_callbacks_busy is gone');
  return m;
}

function blockTransition(m: ModuleInstance | undefined): boolean {
  // module_param(block_transition, bool, 0644): param_set_bool() reads it with kstrtobool().
  return kstrtobool(m?.params.block_transition ?? 'N') === true;
}

function flushWork(k: Ctx, m: ModuleInstance, pc: string) {
  const worker = m.work === null ? undefined : k.task_by_pid(m.work);
  if (!worker || worker.status === 'exited') return next(pc);
  return block({ kind: 'work', fn: 'flush_work', pid: worker.pid, killable: false }, pc);
}

function busyInit(waitStarted: boolean): Proc {
  return {
    start: (k, l) => {
      const m = mod(k, l);
      k.printk(`${m.name}: test_klp_callbacks_busy_init`);
      // schedule_work(&work)
      const n = ++k.w.workerSeq;
      const worker = k.spawn({
        label: `kworker/${n}`,
        comm: `kworker/0:${n}`,
        argv: 'busymod_work_func',
        kind: 'kthread',
        parent: null,
        fn: 'busymod_work_func',
        args: { mod: m.id, modName: m.name },
      });
      m.work = worker.pid;
      if (waitStarted) return next('started');
      // Without block_transition, init waits so that the work's lines come before modprobe returns.
      if (!blockTransition(m)) return flushWork(k, m, 'done');
      return ret(0);
    },
    /** wait_for_completion(&busymod_work_started) (v7.1 file). */
    started: (k, l) => {
      const m = mod(k, l);
      const worker = m.work === null ? undefined : k.task_by_pid(m.work);
      if (worker && worker.status !== 'exited' && worker.frames[worker.frames.length - 1]?.l.started !== true) {
        return block({ kind: 'work', fn: 'wait_for_completion', pid: worker.pid, killable: false }, 'started');
      }
      if (!blockTransition(m)) return flushWork(k, m, 'done');
      return ret(0);
    },
    done: () => ret(0),
  };
}

export const busyProcs: Record<string, Proc> = {
  test_klp_callbacks_busy_init: busyInit(false),
  test_klp_callbacks_busy_started_init: busyInit(true),
  test_klp_callbacks_busy_started_exit: {
    start: (k, l) => call('test_klp_callbacks_busy_exit', { mod: l.mod }, 'done'),
    done: () => ret(0),
  },
  test_klp_callbacks_busy_exit: {
    start: (k, l) => {
      const m = mod(k, l);
      m.params.block_transition = 'N'; // WRITE_ONCE(block_transition, false)
      return flushWork(k, m, 'done');
    },
    done: (k, l) => {
      k.printk(`${mod(k, l).name}: test_klp_callbacks_busy_exit`);
      return ret(0);
    },
  },
  busymod_work_func: {
    start: (k, l) => {
      k.printk(`${str(l, 'modName')}: busymod_work_func enter`);
      // complete(&busymod_work_started) (v7.1 file; nobody waits in the v5.10 one)
      l.started = true;
      for (const t of k.w.tasks) {
        if (t.status === 'blocked' && t.wait?.fn === 'wait_for_completion' && t.wait.pid === k.task.pid) k.wake(t);
      }
      return next('loop');
    },
    loop: (k, l) => {
      if (blockTransition(k.moduleById(num(l, 'mod')))) {
        return block({ kind: 'sleep', fn: 'msleep', until: k.now + 20, killable: false }, 'loop');
      }
      k.printk(`${str(l, 'modName')}: busymod_work_func exit`);
      return ret(0);
    },
  },
};
