import { describe, expect, it } from 'vitest';
import { promelaSituation2 } from './situation2';
import { runSpin, spinVersion } from './spin.bench';
import { explore } from '../../explorer/explore';
import { scaledSituation2 } from '../../presets/scaled';

describe('Promela model of scaled situation 2', () => {
  it('runs N users loading MK and one loading P, with klp_break_recursion() only in split-poc19', () => {
    const split = promelaSituation2(3, 2, 'split');
    expect(split.match(/run Modprobe\(K - 1, exits\)/g)).toHaveLength(3);
    expect(split).toContain('run Modprobe(P, exits)');
    expect(split).toContain('#define K 2');
    expect(split).not.toContain('klp_break_recursion(): a recursive load');
    expect(split).toContain('resolve(P, 1)');
    const fixed = promelaSituation2(3, 2, 'split-poc19');
    expect(fixed).toContain('klp_break_recursion(): a recursive load');
    // 19/23's second hunk: a livepatch module takes no reference on P.
    expect(fixed).toContain('resolve(P, 0)');
    expect(() => promelaSituation2(0, 2, 'split')).toThrow(/positive integers/);
  });

  // SPIN and the explorer must agree on the verdict: a deadlock at location i without 19/23,
  // none with it (and the model never takes a path it asserts unreachable).
  it.skipIf(!spinVersion())('SPIN agrees with the explorer at the small sizes', () => {
    for (const [n, k] of [
      [1, 1],
      [2, 1],
    ]) {
      for (const variant of ['split', 'split-poc19'] as const) {
        const spin = runSpin(promelaSituation2(n, k, variant), { hashBits: 18, allErrors: true, quick: true });
        const ex = explore(scaledSituation2(n, k), { variant });
        const exDeadlock = ex.findings.some((f) => f.outcome.kind === 'deadlock' && f.outcome.seedLocation === 'i');
        expect(spin.assertion, `N=${n} K=${k} ${variant}: an assertion`).toBe(false);
        expect(spin.deadlock, `N=${n} K=${k} ${variant}: SPIN`).toBe(variant === 'split');
        expect(exDeadlock, `N=${n} K=${k} ${variant}: explorer`).toBe(variant === 'split');
        expect(ex.findings.every((f) => f.outcome.kind === 'ok' || f.outcome.kind === 'deadlock')).toBe(true);
      }
    }
  }, 300_000);
});
