/**
 * conditions.ts - the conditions the selftest harness polls for (functions.sh loop_until).
 * Encoded as strings so that a waiting task stays plain data: 'exists:PATH', 'gone:PATH',
 * 'equals:PATH:VALUE', 'count:/sys/kernel/livepatch:N'.
 */
import type { World } from '../model/world';
import { livepatchDirs, readFile } from './files';

export function evalCond(w: World, cond: string): boolean {
  const [kind, ...rest] = cond.split(':');
  if (kind === 'exists') return readFile(w, rest.join(':')) !== null;
  if (kind === 'gone') return readFile(w, rest.join(':')) === null;
  if (kind === 'count') {
    // 'count:/sys/kernel/livepatch:N': `mods=($SYSFS_KLP_DIR/*); [[ ${#mods[@]} -eq N ]]`
    const n = Number(rest.pop());
    return livepatchDirs(w).length === n;
  }
  if (kind === 'equals') {
    const value = rest.pop() ?? '';
    return readFile(w, rest.join(':')) === value;
  }
  return false;
}
