import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './cli';
import { VARIANT_IDS } from '../model/variant';

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

describe('klp CLI on hostile input (issue 8)', () => {
  it('reads only regular files: /dev/zero and a directory are refused at once (exit 2)', () => {
    const zero = cli('run', '/dev/zero');
    expect(zero.code).toBe(2);
    expect(zero.err[0]).toBe('klp: /dev/zero: not a regular file');
    expect(cli('run', dir).err[0]).toBe(`klp: ${dir}: not a regular file`);
    expect(cli('kernel-graph', '/dev/zero')).toMatchObject({ code: 2, err: ['klp: /dev/zero: not a regular file'] });
  });

  it('refuses a file larger than a scenario may be, before reading it (exit 2)', () => {
    const big = file('big.json', ' '.repeat(2_000_001));
    const r = cli('run', big);
    expect(r.code).toBe(2);
    expect(r.err[0]).toBe(`klp: ${big}: 2000001 bytes is more than a scenario may have (2000000)`);
  });

  it('an unknown model is named as the field it is, not an internal error (exit 2)', () => {
    const r = cli('run', file('model.json', { type: 'klp-playground/scenario', version: 1, title: 't', modules: [{ name: 'M', model: 'mod' }], livepatches: [], tasks: [{ commands: ['modprobe M'] }] }));
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/^klp: modules\[0\]\.model: no modelled module 'mod' \(known: .*test_klp_callbacks_busy/);
  });

  it("selftest errors name the case's own field, not the generated scenario's", () => {
    const c = (step: object) => ({ title: 'x', script: 'test-livepatch.sh', case_no: 1, steps: [{ cmd: 'modprobe a', helper: 'load_mod', module: 'a' }, step], expected_log: [] });
    const r = cli('selftest', file('case1.json', c({ cmd: 'modprobe a b', helper: 'load_mod', module: 'a b' })));
    expect(r.code).toBe(2);
    expect(r.err).toEqual(['klp: steps[1].module: must be one word (no blanks or quotes), got "a b"']);
    expect(cli('selftest', file('case2.json', c({ cmd: 'x', helper: 'set_pre_patch_ret', module: 'a', value: 'x y' }))).err).toEqual(['klp: steps[1].value: must be a number or one word, got "x y"']);
    expect(cli('selftest', file('case3.json', c({ cmd: 'x', helper: 'load_mod', module: 'a', params: { 'p q': '1' } }))).err).toEqual(['klp: steps[1].params.p q: not a parameter name']);
  });
});

describe('klp explore', () => {
  it('--variant all --json: each kernel with its outcomes, counts and schedules', () => {
    const r = cli('explore', '--preset', 'P10', '--variant', 'all', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out.join('\n'));
    const byVariant = Object.fromEntries(j.variants.map((v: { variant: string }) => [v.variant, v]));
    expect(Object.keys(byVariant)).toEqual([...VARIANT_IDS]);
    const split = byVariant.split;
    expect(split).toMatchObject({ complete: true, granularity: 'default' });
    expect(typeof split.states).toBe('number');
    expect(typeof split.seconds).toBe('number');
    expect(split.outcomes).toEqual([
      { kind: 'deadlock', location: 'add_unformed_module', seedLocation: 'i', cycle: ['U1', 'H1'], summary: expect.any(String), count: 1, schedule: [] },
    ]);
    expect(byVariant['split-poc19'].outcomes.map((o: { kind: string }) => o.kind)).toEqual(['ok']);
  });

  it('prints the matrix of every variant in text', () => {
    const r = cli('explore', '--preset', 'P10', '--variant', 'all');
    expect(r.out).toContain('split              deadlock at location i (1 end state)');
    expect(r.out).toContain('split-poc19        ok (1 end state)');
  });

  it('says what was left when a limit stopped it', () => {
    const j = JSON.parse(cli('explore', '--preset', 'P16', '--variant', 'split', '--max-states', '1', '--json').out.join('\n'));
    expect(j.complete).toBe(false);
    expect(j.stopped).toEqual({ reason: 'states', untried: expect.any(Number) });
    const t = cli('explore', '--preset', 'P16', '--variant', 'split', '--max-states', '1');
    expect(t.out[0]).toMatch(/stopped at the state limit, \d+ choices on the current path untried/);
  });

  it('explores at fine granularity, and rejects bad limits and granularities with exit 2', () => {
    const j = JSON.parse(cli('explore', '--preset', 'P16', '--variant', 'split', '--granularity', 'fine', '--json').out.join('\n'));
    expect(j).toMatchObject({ granularity: 'fine', complete: true });
    expect(cli('explore', '--preset', 'P16', '--granularity', 'coarse').err[0]).toContain("--granularity: expected default or fine, not 'coarse'");
    expect(cli('explore', '--preset', 'P16', '--max-seconds', '0').code).toBe(2);
    expect(cli('explore', '--preset', 'P16', '--max-states', '-3').code).toBe(2);
  });
});
