/**
 * fingerprint.ts - a stable hash of the kernel state of a world, without its logs, step counter
 * and scheduling cursor: two worlds with equal fingerprints behave identically from here on.
 */
import type { World } from '../model/world';

function fnv1a(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0');
}

export function fingerprint(w: World): string {
  const { step: _step, dmesg: _d, userspace: _u, choices: _c, stalls: _s, failures: _f, ...state } = w;
  return fnv1a(JSON.stringify(state));
}
