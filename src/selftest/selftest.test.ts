import { describe, expect, it } from 'vitest';
import { SELFTEST_CORPUS } from './corpus';
import { caseScenario, kernelOfCase, runSelftest as runCaseOn } from './runCase';
import { CaseError, parseCase, type SelftestCase } from './caseFile';
import { expandStep } from './functionsSh';
import { run } from '../test/run';
import { TEST_MAX_STEPS } from '../test/helpers';
import type { VariantId } from '../model/variant';

/** runSelftest() with the tests' step limit (src/test/run.ts says why). */
const runSelftest = (input: unknown, variant?: VariantId) => runCaseOn(input, variant, { maxSteps: TEST_MAX_STEPS });

const v510 = SELFTEST_CORPUS.filter((c) => c.corpus === 'v5.10');
const modern = SELFTEST_CORPUS.filter((c) => c.corpus === 'v7.1' && !c.own);
const modernOwn = SELFTEST_CORPUS.filter((c) => c.corpus === 'v7.1' && c.own);
const difficulty = (c: { data: unknown }) => parseCase(c.data).difficulty ?? 0;
const modernCase = (part: string): SelftestCase => parseCase(modern.find((x) => x.file.includes(part))!.data);

describe('the kernel livepatch selftests (v5.10) match line for line on the v5.5 model', () => {
  for (const { file, data } of v510) {
    it(file, () => {
      const r = runSelftest(data, 'upstream');
      expect(r.log).toEqual(r.expected);
    });
  }
});

describe('the kernel livepatch selftests (v7.1) match line for line on v7.1', () => {
  it('the modern corpus holds 17 cases of difficulty 1-3 and 4 of difficulty 4', () => {
    expect(modern.filter((c) => difficulty(c) <= 3)).toHaveLength(17);
    expect(modern.filter((c) => difficulty(c) === 4)).toHaveLength(4);
  });
  for (const { file, data } of modern) {
    it(`${file} (difficulty ${difficulty({ data })})`, () => {
      const r = runSelftest(data);
      expect(r.variant).toBe('v7.1');
      expect(r.log).toEqual(r.expected);
    });
  }
});

describe('the v7.1 script cases we wrote ourselves (not the oracle) match on v7.1 too', () => {
  for (const { file, data } of modernOwn) {
    it(file, () => {
      const r = runSelftest(data);
      expect(r.log).toEqual(r.expected);
    });
  }
});

describe('selftest case files', () => {
  it('name the bad field of an invalid case', () => {
    expect(() => parseCase({ title: 't', script: 's', case_no: 1, steps: [{}], expected_log: [] })).toThrow('steps[0].cmd');
    expect(() => parseCase([])).toThrow(CaseError);
    expect(() => parseCase({ title: 't', script: 's', case_no: 1, steps: [], expected_log: [3] })).toThrow('expected_log');
  });

  it('reject a helper functions.sh does not have', () => {
    expect(() => expandStep({ cmd: 'frobnicate x', helper: 'frob', module: 'x' }, 4)).toThrow("steps[4]: unsupported helper 'frob'");
    expect(() => expandStep({ cmd: 'frobnicate x', helper: 'frob', module: 'x' }, 4, 'v7.1')).toThrow("steps[4]: unsupported helper 'frob'");
  });

  it('build the % lines from the command as functions.sh does (trailing blank trimmed)', () => {
    expect(expandStep({ cmd: 'modprobe m', helper: 'load_mod', module: 'm' }, 0)[0]).toBe('log % modprobe m');
    expect(expandStep({ cmd: 'modprobe m', helper: 'load_lp', module: 'm', params: { replace: '1' } }, 0)[0]).toBe('log % modprobe m replace=1');
    // v7.1: is_livepatch_mod() first, then `% insmod test_modules/M.ko`.
    const v71 = expandStep({ cmd: 'insmod test_modules/m.ko', helper: 'load_lp', module: 'm', params: { replace: '1' } }, 0, 'v7.1');
    expect(v71.slice(0, 2)).toEqual(['modinfo_check test_modules/m.ko livepatch', 'log % insmod test_modules/m.ko replace=1']);
  });

  it('pick the kernel from kernel_version: v5.10 cases on the v5.5 model, v7.1 cases on v7.1', () => {
    expect(kernelOfCase({ kernel_version: 'v5.10' })).toBe('upstream');
    expect(kernelOfCase({})).toBe('upstream');
    expect(kernelOfCase({ kernel_version: "v7.1 (merge window: torvalds/master at d3d9443f8bac, 'Merge tag livepatching-for-7.1', 2026-04-16)" })).toBe('v7.1');
  });

  it('a different kernel gives a different log (the comparison can fail)', () => {
    const c = SELFTEST_CORPUS.find((x) => x.file.includes('callbacks__07'))!;
    const r = runSelftest(c.data, 'split');
    // In the split POC the failing pre_patch callback fails the per-object module's load, which
    // klp_module_coming() turns into -EINVAL (POC 10): modprobe says 'Invalid argument'.
    expect(r.firstDiff).toBeGreaterThanOrEqual(0);
    expect(r.log).toContain('livepatch: Module load failed: test_klp_callbacks_demo__test_klp_callbacks_mod');
    expect(r.log).toContain("modprobe: ERROR: could not insert 'test_klp_callbacks_mod': Invalid argument");
  });

  it('a v7.1 case fails on the v5.5 model where v5.5 differs: no replace or stack_order files, no "true" for a bool', () => {
    const sysfs = runSelftest(modern.find((x) => x.file.includes('sysfs__01'))!.data, 'upstream');
    // check_sysfs_rights of .../replace dies: the rest of the script never runs.
    expect(sysfs.log).toContain('ERROR: Unexpected access rights of /sys/kernel/livepatch/test_klp_livepatch/replace: -r--r--r-- vs. ');
    const kprobe = runSelftest(modern.find((x) => x.file.includes('kprobe__01'))!.data, 'upstream');
    // kstrtobool() of v5.5 has no 't': parse_args() refuses the parameter and insmod fails.
    expect(kprobe.log).toContain("test_klp_kprobe: `true' invalid for parameter `has_post_handler'");
    expect(kprobe.firstDiff).toBeGreaterThanOrEqual(0);
  });
});

describe('difficulty-4 cases match because the model does what they need', () => {
  it('test-ftrace 02/03: the function tracer records the original and the replacement; without the read, check_traced_functions dies', () => {
    for (const part of ['ftrace__02', 'ftrace__03']) {
      const c = modernCase(part);
      // Drop the /proc/cmdline read: nothing calls the traced function, the grep fails, the script dies.
      const noRead = { ...c, steps: c.steps.filter((s) => s.cmd.split(' ')[0] !== 'log_if') };
      const r = runSelftest(noRead);
      expect(r.log).not.toContain("livepatch: 'test_klp_livepatch': initializing unpatching transition");
      const dmesg = r.trace.final.dmesg.map((l) => l.text);
      expect(dmesg.some((l) => /^ERROR: Function \((livepatch_)?cmdline_proc_show\) did not appear in the trace$/.test(l))).toBe(true);
    }
  });

  it('test-ftrace 02: the trace holds the replacement while the patch is live', () => {
    const c = modernCase('ftrace__02');
    const upToCheck = c.steps.slice(0, c.steps.findIndex((s) => s.helper === 'check_traced_functions'));
    const t = run(caseScenario({ ...c, steps: upToCheck }), { variant: 'v7.1' });
    expect(t.final.tracing.buffer.some((l) => / livepatch_cmdline_proc_show <-seq_read_iter$/.test(l))).toBe(true);
  });

  it('test-kprobe 01: without a post_handler the kprobe coexists and the livepatch loads', () => {
    const c = modernCase('kprobe__01');
    const steps = c.steps.map((s) => (s.module === 'test_klp_kprobe' && s.params ? { ...s, params: { has_post_handler: 'false' } } : s));
    const r = runSelftest({ ...c, steps });
    expect(r.log).toContain('ERROR: test_klp_livepatch unexpectedly loaded');
    expect(r.log).not.toContain("livepatch: failed to register ftrace handler for function 'cmdline_proc_show' (-16)");
  });

  it('test-syscall 01: npids counts down as each listed hammer calls the new getpid; the pids are the harness\'s', () => {
    const r = runSelftest(modernCase('syscall__01'));
    const pids = r.trace.final.tasks.filter((t) => t.argv === './test_klp-call_getpid');
    expect(pids).toHaveLength(4);
    expect(r.log[0]).toBe(`% insmod test_modules/test_klp_syscall.ko klp_pids=${pids.map((t) => t.pid).join(',')}`);
    expect(r.trace.steps.filter((s) => s.text.includes('lp_sys_getpid(): ')).map((s) => /npids_pending = (\d+)/.exec(s.text)?.[1])).toEqual(['3', '2', '1', '0']);
  });
});
