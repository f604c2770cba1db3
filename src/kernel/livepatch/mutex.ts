/**
 * mutex.ts - klp_mutex, the one sleeping lock of the livepatch core. module_mutex is never held
 * across a sleep in the code simulated here, so its sections are atomic steps [S]
 * (kernel/README.md, "What is simplified").
 */
import { block, ret, proc } from '../../sim/ops';
import type { Ctx } from '../../sim/context';

export const lockKlpMutex = proc({ kernelName: 'mutex_lock', args: '&klp_mutex' }, {
  start: (k) => {
    if (k.w.klpMutex === null) {
      k.w.klpMutex = k.task.pid;
      k.note('mutex_lock(&klp_mutex)');
      return ret(0);
    }
    // Stryker disable next-line ConditionalExpression,StringLiteral: internal invariant: no procedure takes klp_mutex while holding it (if one did, `false` would sleep on itself instead of throwing)
    if (k.w.klpMutex === k.task.pid) throw new Error('internal: klp_mutex taken twice by one task');
    return block({ kind: 'mutex', fn: 'mutex_lock', name: 'klp_mutex', killable: false }, 'start');
  },
});

export function unlockKlpMutex(k: Ctx): void {
  // Stryker disable next-line StringLiteral: internal invariant: only the holder releases klp_mutex
  if (k.w.klpMutex !== k.task.pid) throw new Error('internal: klp_mutex released by a task that does not hold it');
  k.w.klpMutex = null;
  k.note('mutex_unlock(&klp_mutex)');
  for (const t of k.w.tasks) {
    if (t.status === 'blocked' && t.wait?.kind === 'mutex') k.wake(t);
  }
}
