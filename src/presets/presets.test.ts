import { describe, expect, it } from 'vitest';
import { PRESETS } from './index';
import { run } from '../engine/run';
import type { Expectation } from './types';
import type { VariantId } from '../model/variant';
import type { Trace } from '../model/trace';
import { missingInOrder } from '../test/helpers';

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

  it('P11, location ii in isolation, is about the add_unformed_module hunk alone', () => {
    expect(PRESETS.find((p) => p.id === 'P11')?.variant).toBe('split-break-only');
  });
});

describe('presets reproduce their expected outcomes in each kernel', () => {
  for (const p of PRESETS) {
    for (const [variant, e] of Object.entries(p.expected) as [VariantId, Expectation][]) {
      it(`${p.id} ${p.title} [${variant}]`, () => check(run(p.scenario, { variant }), e));
    }
  }
});
