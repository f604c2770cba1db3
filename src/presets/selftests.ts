/**
 * selftests.ts - every selftest case is also a preset, so a user can open it in the playground and
 * watch the kernel produce the transcript the selftest expects. A case opens in the kernel its
 * `kernel_version` names: the v5.10 cases in upstream v5.5 (ids ST-...), the v7.1 cases in
 * upstream v7.1 (ids ST7-...).
 */
import type { Preset } from './types';
import { parseCase } from '../selftest/caseFile';
import { caseScenario, harnessOf, kernelOfCase } from '../selftest/runCase';
import { SELFTEST_CORPUS } from '../selftest/corpus';

export const SELFTEST_PRESETS: Preset[] = SELFTEST_CORPUS.map(({ file, own, data }) => {
  const c = parseCase(data);
  const harness = harnessOf(c);
  const prefix = harness === 'v7.1' ? 'ST7' : 'ST';
  const id = `${prefix}-${c.script.replace(/^test-|\.sh$/g, '')}-${String(c.case_no).padStart(2, '0')}`;
  const variant = kernelOfCase(c);
  // Lines with a runtime placeholder (test-syscall's pid list) are checked by the selftest test,
  // which knows the pids the run started.
  const placeholders = Object.keys(c.runtime_placeholders ?? {});
  const dmesg = c.expected_log.filter((l) => !placeholders.some((p) => l.includes(p)));
  return {
    id,
    title: `selftest ${harness} ${c.script} ${String(c.case_no).padStart(2, '0')}: ${c.title}`,
    summary:
      `The kernel's own livepatch selftest (${harness}, ${file}${own ? ', written by us from the script' : ''}), ` +
      'run through functions.sh as the harness does. The dmesg panel holds what check_result compares.' +
      (c.needs ? ` It needs: ${c.needs}` : ''),
    variant,
    scenario: caseScenario(c),
    expected: {
      [variant]: {
        outcome: 'ok',
        dmesg,
        ...(harness === 'v7.1' ? { why: "The kernel's own v7.1 selftest, run through functions.sh v7.1 on the v7.1 model: this is the transcript its check_result compares." } : {}),
      },
    },
  };
});
