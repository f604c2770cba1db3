/**
 * cloneWorld.ts - a copy of a world for the search to go on from, without structuredClone's
 * cost: the world is plain JSON data, so a recursive copy of objects and arrays is exact. The logs
 * are append-only arrays of lines that are never changed once written: the copy shares the lines.
 */
import type { World } from '../model/world';

function copy<T>(v: T): T {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) {
    const n = v.length;
    const out = new Array(n);
    for (let i = 0; i < n; i++) out[i] = copy(v[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const k in v) out[k] = copy((v as Record<string, unknown>)[k]);
  return out as T;
}

export function cloneWorld(w: World): World {
  const out: Record<string, unknown> = {};
  for (const k in w) {
    const v = (w as unknown as Record<string, unknown>)[k];
    out[k] = k === 'dmesg' || k === 'userspace' ? (v as unknown[]).slice() : copy(v);
  }
  return out as unknown as World;
}
