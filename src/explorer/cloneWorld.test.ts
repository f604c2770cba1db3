import { describe, expect, it } from 'vitest';
import { cloneWorld } from './cloneWorld';
import { run, worldOfCheckpoint } from '../engine/run';
import { PRESETS } from '../presets/index';
import { VARIANT_IDS } from '../model/variant';
import type { World } from '../model/world';

/** Logs are only ever appended to, so their lines may be shared (cloneWorld.ts says which). */
const SHARED_LOGS = new Set(['dmesg', 'userspace', 'failures', 'stalls']);

/** Every object and array reachable from `w`, but the lines of its append-only logs. */
function mutableParts(w: World): Map<object, string> {
  const seen = new Map<object, string>();
  const walk = (v: unknown, path: string): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.set(v, path);
    for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k], `${path}.${k}`);
  };
  for (const k of Object.keys(w)) {
    const v = (w as unknown as Record<string, unknown>)[k];
    if (SHARED_LOGS.has(k)) seen.set(v as object, k);
    else walk(v, k);
  }
  return seen;
}

/** Worlds of every preset in every kernel, every 8 steps or so, and their ends. */
function worlds(): World[] {
  const out: World[] = [];
  for (const p of PRESETS) {
    for (const v of VARIANT_IDS) {
      const t = run(p.scenario, { variant: v, checkpointEvery: 8 });
      out.push(...t.checkpoints.map((c) => worldOfCheckpoint(c, t.final)), t.final);
    }
  }
  return out;
}

describe('cloneWorld', () => {
  const all = worlds();

  it('copies every world exactly, prototypes included (null-prototype dictionaries stay so)', () => {
    for (const w of all) {
      const c = cloneWorld(w);
      expect(c).toStrictEqual(w);
    }
  });

  it('shares nothing a step could change with the original (a search branch cannot touch another)', () => {
    // A module's own globals (test_klp_syscall's npids), a task's shell variables, parameters:
    // a shared one would let one branch of the search change what another branch reads.
    for (const w of all) {
      const orig = mutableParts(w);
      const copied = mutableParts(cloneWorld(w));
      const shared = [...copied.entries()].filter(([o]) => orig.has(o) && !SHARED_LOGS.has(copied.get(o)!)).map(([, path]) => path);
      expect(shared).toEqual([]);
    }
  });
});
