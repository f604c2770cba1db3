/**
 * selftests.ts - every selftest case is also a preset, so a user can open it in the playground and
 * watch the kernel produce the transcript the selftest expects.
 */
import type { Preset } from './types';
import { parseCase } from '../selftest/caseFile';
import { caseScenario } from '../selftest/runCase';
import { SELFTEST_CORPUS } from '../selftest/corpus';

export const SELFTEST_PRESETS: Preset[] = SELFTEST_CORPUS.map(({ file, own, data }) => {
  const c = parseCase(data);
  const id = `ST-${c.script.replace(/^test-|\.sh$/g, '')}-${String(c.case_no).padStart(2, '0')}`;
  return {
    id,
    title: `selftest ${c.script} ${String(c.case_no).padStart(2, '0')}: ${c.title}`,
    summary:
      `The kernel's own livepatch selftest (${c.kernel_version ?? 'v5.10'}, ${file}${own ? ', written by us from the script' : ''}), ` +
      'run through functions.sh as the harness does. The dmesg panel holds what check_result compares.',
    variant: 'upstream',
    scenario: caseScenario(c),
    expected: { upstream: { outcome: 'ok', dmesg: c.expected_log } },
  };
});
