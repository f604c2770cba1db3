/**
 * caseFile.ts - the JSON format of a livepatch selftest case (see cases/README.md) and its
 * validation. Only the fields the harness needs are read: the commands and helpers, never the
 * expected log (that is the oracle).
 */
export interface CaseStep {
  cmd: string;
  helper?: string;
  module?: string;
  params?: Record<string, string>;
  value?: number | string;
  path?: string;
  file?: string;
  mode?: string;
  pattern?: string;
  equals?: string;
  not_equals?: string;
  /** The literal shell statement, where the case gives one. */
  shell?: string;
  /** set_ftrace_enabled --fail. */
  flags?: string[];
  /** trace_function / check_traced_functions. */
  function?: string;
  tracing_dir?: string;
  /** log / log_if: the message written to /dev/kmsg. */
  message?: string;
  count?: number;
}

export interface SelftestCase {
  title: string;
  script: string;
  case_no: number;
  kernel_version?: string;
  difficulty?: number;
  /** Difficulty 4: what the case needs that a simulator can hardly model. */
  needs?: string;
  /** `<name>` in the expected log stands for the script's runtime value of `name` (test-syscall's pids). */
  runtime_placeholders?: Record<string, string>;
  steps: CaseStep[];
  expected_log: string[];
}

export class CaseError extends Error {}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validate a parsed case file; errors name the field, e.g. `steps[3].module: missing`. */
export function parseCase(input: unknown): SelftestCase {
  if (!isObj(input)) throw new CaseError('a selftest case must be a JSON object');
  for (const k of ['title', 'script'] as const) {
    if (typeof input[k] !== 'string') throw new CaseError(`${k}: must be a string`);
  }
  if (typeof input.case_no !== 'number') throw new CaseError('case_no: must be a number');
  if (!Array.isArray(input.steps)) throw new CaseError('steps: must be a list');
  if (!Array.isArray(input.expected_log) || !input.expected_log.every((x) => typeof x === 'string')) {
    throw new CaseError('expected_log: must be a list of strings');
  }
  input.steps.forEach((s, i) => {
    if (!isObj(s) || typeof s.cmd !== 'string') throw new CaseError(`steps[${i}].cmd: must be a string`);
    if (s.params !== undefined && !isObj(s.params)) throw new CaseError(`steps[${i}].params: must be an object`);
  });
  return input as unknown as SelftestCase;
}
