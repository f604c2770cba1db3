/**
 * getpid.ts - tools/testing/selftests/livepatch/test_klp-call_getpid.c: a user program that calls
 * syscall(SYS_getpid) in a loop until SIGINT or SIGHUP (SIGINT prints "%ld iterations done"). The
 * test-syscall.sh script stops it with a plain `kill` (SIGTERM): it dies silently.
 * [S] Each iteration is one getpid() and then 1 ms of logical time in user space (its time
 * slice), so that the other tasks and time move on while it hammers.
 */
import { block, call, next, proc } from '../sim/ops';
import { exitTask } from '../sim/exit';

export const GETPID_PROGRAM = 'test_klp-call_getpid';

/** One loop iteration takes this much logical time (ms). */
const SLICE_MS = 1;

export const test_klp_call_getpid = proc({ kernelName: 'main', labels: { loop: 'syscall(SYS_getpid)' } }, {
  start: (k) => {
    // SIGTERM's default action: the process dies; nobody waits for its status.
    const sig = k.task.sigpending;
    if (sig !== null) {
      exitTask(k, k.task, sig, sig);
      return next('start');
    }
    return call('__x64_sys_getpid', {}, 'slice');
  },
  slice: (k) => block({ kind: 'sleep', fn: 'user space', until: k.now + SLICE_MS, killable: true }, 'start'),
});
