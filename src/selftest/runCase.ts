/**
 * runCase.ts - run a livepatch selftest case through the simulator and keep the log lines the
 * harness's check_result keeps. The case's `kernel_version` picks the kernel (v5.10 cases run on
 * the v5.5 model, as they always have; v7.1 cases on v7.1), the functions.sh version and the
 * test modules.
 */
import type { Scenario } from '../model/scenario';
import { upstreamOf, type VariantId } from '../model/variant';
import type { Trace } from '../model/trace';
import { run, type RunOptions } from '../engine/run';
import { CaseError, parseCase, type SelftestCase } from './caseFile';
import { CommandError, parseCommand } from '../rules/commands';
import { expandStep, type HarnessVersion } from './functionsSh';
import { TEST_LIVEPATCHES, TEST_LIVEPATCHES_V7_1, TEST_MODULES, TEST_MODULES_V7_1 } from './testModules';

/** The selftests' version a case belongs to, from its `kernel_version` ("v7.1 (merge window ...)"; absent: v5.10). */
export function harnessOf(c: Pick<SelftestCase, 'kernel_version'>): HarnessVersion {
  return /^v7\./.test(c.kernel_version ?? '') ? 'v7.1' : 'v5.10';
}

/** The kernel a case runs on by default: the upstream variant of its version (v5.10 cases: v5.5). */
export function kernelOfCase(c: Pick<SelftestCase, 'kernel_version'>): VariantId {
  return upstreamOf(harnessOf(c) === 'v7.1' ? 'v7.1' : 'v5.5');
}

/** The scenario a case runs as: all test modules of its version on disk, one shell running the helpers. */
export function caseScenario(c: SelftestCase): Scenario {
  const harness = harnessOf(c);
  const modern = harness === 'v7.1';
  const commands = [`log ===== TEST: ${c.title} =====`];
  c.steps.forEach((s, i) => {
    for (const line of expandStep(s, i, harness)) {
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
    description: `Linux livepatch selftest ${c.script}, case ${c.case_no} (${modern ? 'v7.1' : (c.kernel_version ?? 'v5.10')}), run through functions.sh.`,
    kernel: { dyndbg: true, ftraceEnabled: true },
    modules: modern ? TEST_MODULES_V7_1 : TEST_MODULES,
    livepatches: modern ? TEST_LIVEPATCHES_V7_1 : TEST_LIVEPATCHES,
    tasks: [{ id: 'sh', commands }],
  };
}

/**
 * check_result's filter: lines new since start_test that contain 'livepatch:' or 'test_klp',
 * without taint notices. (Timestamps and PRINTK_CALLER prefixes are not modelled, so there is
 * nothing to strip.)
 */
export function harnessLog(trace: Trace): string[] {
  return trace.final.dmesg
    .flatMap((l) => l.text.split('\n'))
    .filter((t) => (t.includes('livepatch:') || t.includes('test_klp')) && !/(tainting|taints) kernel/.test(t));
}

/**
 * The expected log with the case's runtime placeholders (`<pid_list>`) replaced by what the
 * script's variables held in this run, as bash would have expanded them.
 */
export function expectedLog(c: SelftestCase, trace: Trace): string[] {
  const names = Object.keys(c.runtime_placeholders ?? {});
  if (!names.length) return c.expected_log;
  const sh = trace.final.tasks.find((t) => t.label === 'sh');
  const values: Record<string, string> = { '<pid_list>': sh?.env?.pids_list ?? '' };
  return c.expected_log.map((line) => names.reduce((acc, n) => (values[n] !== undefined ? acc.split(n).join(values[n]) : acc), line));
}

export interface SelftestResult {
  trace: Trace;
  variant: VariantId;
  log: string[];
  expected: string[];
  /** First differing line (0-based), or -1 when the logs match exactly. */
  firstDiff: number;
}

/** Run a case on `variant`, by default the kernel its `kernel_version` names. */
export function runSelftest(input: unknown, variant?: VariantId, opts: Pick<RunOptions, 'maxSteps'> = {}): SelftestResult {
  const c = parseCase(input);
  const v = variant ?? kernelOfCase(c);
  const trace = run(caseScenario(c), { ...opts, variant: v });
  const log = harnessLog(trace);
  const expected = expectedLog(c, trace);
  let firstDiff = -1;
  for (let i = 0; i < Math.max(log.length, expected.length); i++) {
    if (log[i] !== expected[i]) {
      firstDiff = i;
      break;
    }
  }
  return { trace, variant: v, log, expected, firstDiff };
}
