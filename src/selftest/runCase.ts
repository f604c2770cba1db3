/**
 * runCase.ts - run a livepatch selftest case through the simulator and keep the log lines the
 * harness's check_result keeps.
 */
import type { Scenario } from '../model/scenario';
import type { VariantId } from '../model/variant';
import type { Trace } from '../model/trace';
import { run } from '../engine/run';
import { CaseError, parseCase, type SelftestCase } from './caseFile';
import { CommandError, parseCommand } from '../rules/commands';
import { expandStep } from './functionsSh';
import { TEST_LIVEPATCHES, TEST_MODULES } from './testModules';

/** The scenario a case runs as: all test modules on disk, one shell running the helpers. */
export function caseScenario(c: SelftestCase): Scenario {
  const commands = [`log ===== TEST: ${c.title} =====`];
  c.steps.forEach((s, i) => {
    for (const line of expandStep(s, i)) {
      // A problem in a command is a problem of the case step it came from, named as such.
      try {
        parseCommand(line);
      } catch (e) {
        if (e instanceof CommandError) throw new CaseError(`steps[${i}]: the harness command '${line}' does not parse: ${e.message}`);
        throw e;
      }
      commands.push(line);
    }
  });
  return {
    type: 'klp-playground/scenario',
    version: 1,
    title: `${c.script.replace(/\.sh$/, '')} ${String(c.case_no).padStart(2, '0')} - ${c.title}`,
    description: `Linux livepatch selftest ${c.script}, case ${c.case_no} (${c.kernel_version ?? 'v5.10'}), run through functions.sh.`,
    kernel: { dyndbg: true, ftraceEnabled: true },
    modules: TEST_MODULES,
    livepatches: TEST_LIVEPATCHES,
    tasks: [{ id: 'sh', commands }],
  };
}

/**
 * check_result's filter: lines new since start_test that contain 'livepatch:' or 'test_klp',
 * without taint notices. (Timestamps are not modelled, so there is nothing to strip.)
 */
export function harnessLog(trace: Trace): string[] {
  return trace.final.dmesg
    .flatMap((l) => l.text.split('\n'))
    .filter((t) => (t.includes('livepatch:') || t.includes('test_klp')) && !/(tainting|taints) kernel/.test(t));
}

export interface SelftestResult {
  trace: Trace;
  log: string[];
  expected: string[];
  /** First differing line (0-based), or -1 when the logs match exactly. */
  firstDiff: number;
}

export function runSelftest(input: unknown, variant: VariantId = 'upstream'): SelftestResult {
  const c = parseCase(input);
  const trace = run(caseScenario(c), { variant });
  const log = harnessLog(trace);
  const expected = c.expected_log;
  let firstDiff = -1;
  for (let i = 0; i < Math.max(log.length, expected.length); i++) {
    if (log[i] !== expected[i]) {
      firstDiff = i;
      break;
    }
  }
  return { trace, log, expected, firstDiff };
}
