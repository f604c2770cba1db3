/**
 * conditions.ts - the conditions the selftest harness polls for (functions.sh loop_until).
 * Encoded as strings so that a waiting task stays plain data: 'exists:PATH', 'gone:PATH',
 * 'equals:PATH:VALUE'.
 */
import type { World } from '../model/world';
import { readFile } from './files';

export function evalCond(w: World, cond: string): boolean {
  const [kind, ...rest] = cond.split(':');
  if (kind === 'exists') return readFile(w, rest.join(':')) !== null;
  if (kind === 'gone') return readFile(w, rest.join(':')) === null;
  if (kind === 'equals') {
    const value = rest.pop() ?? '';
    return readFile(w, rest.join(':')) === value;
  }
  return false;
}
