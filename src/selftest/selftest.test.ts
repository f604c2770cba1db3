import { describe, expect, it } from 'vitest';
import { SELFTEST_CORPUS } from './corpus';
import { runSelftest } from './runCase';
import { CaseError, parseCase } from './caseFile';
import { expandStep } from './functionsSh';

describe('the kernel livepatch selftests (v5.10) match line for line', () => {
  for (const { file, data } of SELFTEST_CORPUS) {
    it(file, () => {
      const r = runSelftest(data, 'upstream');
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
  });

  it('build the % lines from the command as functions.sh does (trailing blank trimmed)', () => {
    expect(expandStep({ cmd: 'modprobe m', helper: 'load_mod', module: 'm' }, 0)[0]).toBe('log % modprobe m');
    expect(expandStep({ cmd: 'modprobe m', helper: 'load_lp', module: 'm', params: { replace: '1' } }, 0)[0]).toBe('log % modprobe m replace=1');
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
});
