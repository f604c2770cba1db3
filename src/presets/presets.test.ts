import { describe, expect, it } from 'vitest';
import { PRESETS } from './index';
import { run } from '../test/run';
import type { Expectation } from './types';
import type { VariantId } from '../model/variant';
import type { Trace } from '../model/trace';
import { missingInOrder, TEST_MAX_STEPS } from '../test/helpers';
import { missingV71 } from './v71';
import { kernelName } from '../engine/procs';
import { VARIANTS } from '../model/variant';

/** The kernel functions that ran in a run (called, or run by a worker), by procedure and by kernel name. */
function called(t: Trace): Set<string> {
  const out = new Set<string>();
  for (const s of t.steps) {
    if (!s.fn) continue;
    out.add(s.fn);
    out.add(kernelName(s.fn));
  }
  return out;
}

function sameCycle(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const i = a.indexOf(b[0]);
  return i >= 0 && b.every((x, j) => a[(i + j) % a.length] === x);
}

function check(t: Trace, e: Expectation): void {
  const dmesg = t.final.dmesg.map((l) => l.text);
  const user = t.final.userspace.filter((l) => l.stream === 'stdout' || l.stream === 'stderr').map((l) => l.text);
  expect(t.outcome.kind, t.outcome.summary).toBe(e.outcome);
  if (e.location) expect(t.outcome.location).toBe(e.location);
  if (e.cycle) expect(sameCycle(t.outcome.cycle ?? [], e.cycle), `cycle ${t.outcome.cycle?.join(',')}`).toBe(true);
  if (e.dmesg) expect(missingInOrder(dmesg, e.dmesg), `missing or out of order in dmesg:\n${dmesg.join('\n')}`).toBeNull();
  for (const n of e.notDmesg ?? []) expect(dmesg).not.toContain(n);
  if (e.userspace) expect(missingInOrder(user, e.userspace), `missing in user space:\n${user.join('\n')}`).toBeNull();
  for (const n of e.notUserspace ?? []) expect(user).not.toContain(n);
  if (e.lastDmesg) expect(dmesg[dmesg.length - 1]).toBe(e.lastDmesg);
  const fns = called(t);
  for (const f of e.cites ?? []) expect(fns.has(f), `${f}() is cited but was never called`).toBe(true);
  for (const f of e.notReached ?? []) expect(fns.has(f), `${f}() must not be reached`).toBe(false);
  if (e.warnings) {
    expect(t.outcome.warnings.length, t.outcome.warnings.join('\n')).toBe(e.warnings.length);
    e.warnings.forEach((w, i) => expect(t.outcome.warnings[i]).toContain(w));
  }
}

describe('each preset opens in the kernel it is about', () => {
  it('and says what that kernel does', () => {
    const without = PRESETS.filter((p) => !p.expected[p.variant]).map((p) => `${p.id} (${p.variant})`);
    expect(without).toEqual([]);
  });

  it('every preset has an expected outcome in the three v7.1 kernels, each saying why', () => {
    expect(missingV71(PRESETS)).toEqual([]);
    const noWhy = PRESETS.flatMap((p) =>
      (Object.entries(p.expected) as [VariantId, Expectation][]).filter(([v, e]) => VARIANTS[v].kernel.version === 'v7.1' && !e.why).map(([v]) => `${p.id} [${v}]`),
    );
    expect(noWhy).toEqual([]);
  });

  it('preset ids are unique', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
  });

  it('P11, location ii in isolation, is about the add_unformed_module hunk alone', () => {
    expect(PRESETS.find((p) => p.id === 'P11')?.variant).toBe('split-break-only');
  });
});

describe('presets reproduce their expected outcomes in each kernel', () => {
  for (const p of PRESETS) {
    for (const [variant, e] of Object.entries(p.expected) as [VariantId, Expectation][]) {
      const cites = e.cites?.length ? ` (cites ${e.cites.join(', ')})` : '';
      it(`${p.id} ${p.title} [${variant}]${cites}`, () => check(run(p.scenario, { variant, maxSteps: TEST_MAX_STEPS }), e));
    }
  }
});
