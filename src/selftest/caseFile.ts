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

/** One shell word: no blanks, quotes or shell operators. */
const WORD = /^[^\s'"&|;<>]+$/;
/** A module name as modprobe takes it ('-' and '_' alike). */
const MODULE = /^[A-Za-z0-9_-]+$/;
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
    // The fields that become words of the harness's shell commands: one word each.
    if (s.helper !== undefined && typeof s.helper !== 'string') throw new CaseError(`steps[${i}].helper: must be a string`);
    for (const k of ['module', 'path', 'file', 'mode'] as const) {
      const v = s[k];
      if (v !== undefined && (typeof v !== 'string' || !WORD.test(v))) throw new CaseError(`steps[${i}].${k}: must be one word (no blanks or quotes), got ${JSON.stringify(v)}`);
    }
    if (s.module !== undefined && !MODULE.test(s.module as string)) throw new CaseError(`steps[${i}].module: '${String(s.module)}' is not a module name`);
    if (s.value !== undefined && !((typeof s.value === 'number' && Number.isFinite(s.value)) || (typeof s.value === 'string' && WORD.test(s.value)))) {
      throw new CaseError(`steps[${i}].value: must be a number or one word, got ${JSON.stringify(s.value)}`);
    }
    for (const [k, v] of Object.entries((s.params ?? {}) as Obj)) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) throw new CaseError(`steps[${i}].params.${k}: not a parameter name`);
      if (typeof v !== 'string' && typeof v !== 'number') throw new CaseError(`steps[${i}].params.${k}: must be a string or a number`);
      // A `<placeholder>` stands for a script variable (runtime_placeholders, e.g. <pid_list>).
      if (!WORD.test(String(v).replace(/<[a-z_]+>/g, 'x'))) throw new CaseError(`steps[${i}].params.${k}: must be one word, got ${JSON.stringify(v)}`);
    }
    for (const k of ['pattern', 'equals', 'not_equals'] as const) {
      if (s[k] !== undefined && (typeof s[k] !== 'string' || /['\n]/.test(s[k] as string))) throw new CaseError(`steps[${i}].${k}: must be a string without quotes or newlines`);
    }
  });
  return input as unknown as SelftestCase;
}
