import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './cli';

function cli(...argv: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { log: (l) => out.push(l), error: (l) => err.push(l) });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'klp-cli-'));
function file(name: string, content: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

describe('klp CLI', () => {
  it('lists the presets with the seed situations first', () => {
    const r = cli('presets');
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^P10\s+Situation 2/);
    expect(r.out.some((l) => l.startsWith('P20 '))).toBe(true);
  });

  it('run --json reports the deadlock of situation 2 without 19/23', () => {
    const r = cli('run', '--preset', 'P10', '--variant', 'split', '--json');
    const j = JSON.parse(r.out.join('\n'));
    expect(j.outcome).toBe('deadlock');
    expect(j.location).toBe('add_unformed_module');
    expect(j.cycle).toEqual(['U1', 'H1']);
    expect(j.dmesg.at(-1)).toBe('lp: tainting kernel with TAINT_LIVEPATCH');
    expect(j.steps).toBeGreaterThan(10);
  });

  it('run prints dmesg with timestamps, user space and the outcome', () => {
    const r = cli('run', '--preset', 'P11', '--variant', 'split-break-only');
    const text = r.out.join('\n');
    expect(text).toContain('[   30.000000] lp__M: gave up waiting for init of module lp.');
    expect(text).toContain("U1  modprobe: ERROR: could not insert 'lp': Invalid argument");
    expect(text).toContain('outcome: stall');
  });

  it('run --preset without --variant runs the kernel the preset is about', () => {
    const p11 = JSON.parse(cli('run', '--preset', 'P11', '--json').out.join('\n'));
    expect(p11.variant).toBe('split-break-only');
    expect(p11.outcome).toBe('stall');
    expect(JSON.parse(cli('run', '--preset', 'P10', '--json').out.join('\n')).variant).toBe('split');
  });

  it('runs a scenario file and names the bad field of an invalid one (exit 2)', () => {
    const ok = file('ok.json', { type: 'klp-playground/scenario', version: 1, title: 't', modules: [{ name: 'a' }], livepatches: [], tasks: [{ commands: ['modprobe a'] }] });
    expect(cli('run', ok, '--json').code).toBe(0);
    const bad = file('bad.json', { type: 'klp-playground/scenario', version: 1, title: 't', modules: [], livepatches: [], tasks: [{ commands: ['modprobe a', 'frob'] }] });
    const r = cli('run', bad);
    expect(r.code).toBe(2);
    expect(r.err[0]).toBe("klp: tasks[0].commands[1]: unknown command 'frob'");
    expect(cli('run', file('junk.json', '{nope')).err[0]).toMatch(/invalid JSON/);
  });

  it('rejects unknown presets, variants and options with exit 2', () => {
    expect(cli('run', '--preset', 'P99').code).toBe(2);
    expect(cli('run', '--preset', 'P10', '--variant', 'v6').err[0]).toContain("unknown variant 'v6'");
    expect(cli('run', '--bogus').code).toBe(2);
    expect(cli('frob').code).toBe(2);
  });

  it('selftest --check passes a matching case and diffs a wrong one (exit 1)', () => {
    const good = 'src/selftest/cases/test-state__01_system_state_modification.json';
    expect(cli('selftest', good, '--check').code).toBe(0);
    const wrong = file('wrong.json', {
      title: 'x',
      script: 'test-livepatch.sh',
      case_no: 1,
      steps: [{ cmd: 'modprobe test_klp_livepatch', helper: 'load_lp', module: 'test_klp_livepatch' }],
      expected_log: ['% modprobe test_klp_livepatch', 'nothing else'],
    });
    const r = cli('selftest', wrong, '--check');
    expect(r.code).toBe(1);
    expect(r.out).toContain('- nothing else');
    expect(r.out).toContain("+ livepatch: enabling patch 'test_klp_livepatch'");
    expect(cli('selftest', file('c.json', { title: 1 })).code).toBe(2);
  });

  it('compare puts situation 2 on split-poc19 (v5.5) next to v7.1-split-poc19 and says where location i moved', () => {
    const r = cli('compare', '--preset', 'P10', '--variant', 'split-poc19', '--with', 'v7.1-split-poc19');
    expect(r.code).toBe(0);
    expect(r.out).toContain('   ok: every command finished successfully');
    expect(r.out).toContain('   deadlock: deadlock in idempotent_wait_for_completion() (location i): U1 -> H1 -> U1');
    expect(r.out.some((l) => l.startsWith('   location i, moved (v6.5): '))).toBe(true);
    expect(r.out).toContain("A livepatch: enabling patch 'lp'");
    expect(r.out).toContain('B (no more output: deadlock)');
    const j = JSON.parse(cli('compare', '--preset', 'P10', '--variant', 'split-poc19', '--with', 'v7.1-split-poc19', '--json').out.join(''));
    expect(j.a.outcome).toBe('ok');
    expect(j.b.location).toBe('idempotent_wait_for_completion');
    expect(j.divergence.reason).toBe('output');
  });

  it('compare needs --with, a known variant', () => {
    expect(cli('compare', '--preset', 'P10').err[0]).toContain('compare: give the second kernel with --with');
    expect(cli('compare', '--preset', 'P10', '--with', 'v9').err[0]).toContain("--with: unknown variant 'v9'");
  });

  it('selftest picks the kernel from kernel_version', () => {
    const r = cli('selftest', 'src/selftest/cases-modern/test-sysfs__01_sysfs_test.json', '--check');
    expect(r.out[0]).toMatch(/^PASS .* on v7\.1$/);
    expect(cli('selftest', 'src/selftest/cases/test-sysfs__01_sysfs_test.json', '--check').out[0]).toMatch(/on upstream$/);
  });

  it('run says which kernel it ran on and which files that kernel follows', () => {
    const r = cli('run', '--preset', 'P10', '--variant', 'v7.1-split-poc19');
    expect(r.out.join('\n').split('\n')[1]).toBe(
      '# kernel: split POC + 19/23 rebased onto v7.1 (hypothetical); follows Linux v7.1 kernel/module/main.c, kernel/module/kmod.c and kernel/livepatch/, kmod 34.2, with the RFC "livepatch: Split livepatch module per-object" (January 2020) patches 01-19 as if rebased, hooks where the 2020 patches put them (never merged)',
    );
    const j = JSON.parse(cli('run', '--preset', 'P10', '--variant', 'v7.1', '--json').out.join(''));
    expect(j.kernel).toMatchObject({ label: 'upstream v7.1', release: '7.1.0', hypothetical: false });
  });
});
