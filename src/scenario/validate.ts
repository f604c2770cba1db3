/**
 * validate.ts - check an untrusted scenario (a file, a URL, a drag-and-drop edit) and name the
 * first problem and where it is, e.g. `tasks[0].commands[2]: unknown command 'foo'`.
 */
import { SCENARIO_TYPE, SCENARIO_VERSION, type Scenario } from '../model/scenario';
import { parseCommand, CommandError } from '../rules/commands';
import { ERRNO } from '../model/errno';
import { hasOwn } from '../model/dict';
import { KERNEL_TASK_LABEL_RE, MODULE_NAME_RE, SYMBOL_RE, TASK_LABEL_RE, perObjectModuleName, taskLabel } from '../rules/names';
import { MAX_LIST_ENTRIES, MAX_SCENARIO_MODULES, MAX_SCENARIO_SECONDS, MAX_SCENARIO_TASKS, MAX_TASK_COMMANDS, MODULE_NAME_LEN } from '../rules/limits';
import { LIVEPATCH_MODEL_NAMES, MODULE_MODEL_NAMES } from '../modules/registry';
import { suggestion } from './closest';

export class ScenarioError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(path ? `${path}: ${problem}` : problem);
    this.name = 'ScenarioError';
  }
}

const NAME = MODULE_NAME_RE;
const SYMBOL = SYMBOL_RE;
/** Longest time a scenario may name (a sleep, a start time, an init delay), in seconds. */
const MAX_S = MAX_SCENARIO_SECONDS;

type Obj = Record<string, unknown>;

/** A livepatch object named 'vmlinux' patches the kernel itself, so no module may take the name. */
const VMLINUX = 'vmlinux';
const VMLINUX_RESERVED = "'vmlinux' is the kernel itself (a livepatch object of that name patches it), not a module name";

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function need(cond: unknown, path: string, problem: string): asserts cond {
  if (!cond) throw new ScenarioError(path, problem);
}

/** The fields each object of the document may have: any other is a slip worth naming. */
export const SCENARIO_FIELDS = {
  scenario: ['type', 'version', 'title', 'description', 'kernel', 'modules', 'livepatches', 'tasks'],
  kernel: ['modprobePath', 'ftraceEnabled', 'dyndbg'],
  module: ['name', 'exports', 'imports', 'init', 'exit', 'model', 'params'],
  param: ['type', 'default', 'hidden'],
  livepatch: ['name', 'replace', 'states', 'callbacks', 'model', 'params', 'objects'],
  state: ['id', 'version'],
  object: ['name', 'funcs', 'newFuncs', 'imports', 'exports', 'initDelay'],
  task: ['id', 'start', 'commands'],
} as const;

/** Reject the first field of `o` that `known` does not list, naming the closest known one. */
function fields(o: Obj, path: string, known: readonly string[]): void {
  for (const key of Object.keys(o)) {
    if (!known.includes(key)) throw new ScenarioError(path ? `${path}.${key}` : key, `unknown field (${suggestion(key, known)})`);
  }
}

function optional(v: unknown, path: string, type: 'string' | 'boolean'): void {
  need(v === undefined || typeof v === type, path, type === 'boolean' ? 'must be true or false' : 'must be a string');
}

function model(v: unknown, path: string, known: readonly string[]): void {
  if (v === undefined) return;
  need(typeof v === 'string', path, 'must be a string');
  need(known.includes(v), path, `no modelled module '${v}' (${suggestion(v, known)})`);
}

/** A time in seconds that a scenario names: finite, 0..MAX_SCENARIO_SECONDS. */
function time(v: unknown, path: string, allowUndefined = true): void {
  if (allowUndefined && v === undefined) return;
  need(typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_S, path, `must be 0..${MAX_S} seconds`);
}

/** A list of at most `max` entries. */
function list(v: unknown, path: string, what: string, max = MAX_LIST_ENTRIES): asserts v is unknown[] {
  need(Array.isArray(v), path, `must be a list${what ? ` of ${what}` : ''}`);
  need(v.length <= max, path, `has ${v.length} entries; the simulator takes at most ${max}`);
}

function strings(v: unknown, path: string, re: RegExp, what: string): void {
  if (v === undefined) return;
  list(v, path, `${what}s`);
  v.forEach((s, i) => need(typeof s === 'string' && re.test(s), `${path}[${i}]`, `'${String(s)}' is not a valid ${what}`));
}

function ops(v: unknown, path: string, allowNull: boolean): void {
  if (v === undefined || (allowNull && v === null)) return;
  list(v, path, 'steps');
  v.forEach((op, i) => {
    const p = `${path}[${i}]`;
    need(isObj(op) && Object.keys(op).length === 1, p, "each step is one of {print}, {sleep}, {return}, {request_module}");
    if (hasOwn(op, 'print')) need(typeof op.print === 'string', p, 'print takes a string');
    else if (hasOwn(op, 'sleep')) need(typeof op.sleep === 'number' && Number.isFinite(op.sleep) && op.sleep >= 0 && op.sleep <= MAX_S, p, `sleep takes 0..${MAX_S} seconds`);
    else if (hasOwn(op, 'return')) {
      const r = op.return;
      need(
        typeof r === 'number' ? Number.isInteger(r) : typeof r === 'string' && hasOwn(ERRNO, r.replace(/^-/, '')),
        p,
        `return takes an integer or an errno name such as ENODEV, got ${JSON.stringify(r)}`,
      );
    } else if (hasOwn(op, 'request_module')) need(typeof op.request_module === 'string' && NAME.test(op.request_module), p, 'request_module takes a module name');
    else need(false, p, `unknown step '${Object.keys(op)[0]}' (${suggestion(Object.keys(op)[0], ['print', 'sleep', 'return', 'request_module'])})`);
  });
}

function params(v: unknown, path: string): void {
  if (v === undefined) return;
  need(isObj(v), path, 'must map parameter names to {type, default}');
  for (const [name, spec] of Object.entries(v)) {
    const p = `${path}.${name}`;
    need(isObj(spec), p, "must be {type: 'int'|'bool'|'intarray', default: string, hidden?: boolean}");
    fields(spec, p, SCENARIO_FIELDS.param);
    need(spec.type === 'int' || spec.type === 'bool' || spec.type === 'intarray', `${p}.type`, "must be 'int', 'bool' or 'intarray'");
    need(typeof spec.default === 'string', `${p}.default`, 'must be a string');
    optional(spec.hidden, `${p}.hidden`, 'boolean');
  }
}

/** Validate; returns the scenario or throws ScenarioError. (Version 1 is the only version so far.) */
export function validateScenario(input: unknown): Scenario {
  const s = input;
  need(isObj(s), '', 'a scenario must be a JSON object');
  need(s.type === SCENARIO_TYPE, 'type', `must be '${SCENARIO_TYPE}'`);
  need(s.version === SCENARIO_VERSION, 'version', `must be ${SCENARIO_VERSION}`);
  fields(s, '', SCENARIO_FIELDS.scenario);
  need(typeof s.title === 'string' && s.title.length > 0, 'title', 'must be a non-empty string');
  optional(s.description, 'description', 'string');
  if (s.kernel !== undefined) {
    need(isObj(s.kernel), 'kernel', 'must be an object');
    fields(s.kernel, 'kernel', SCENARIO_FIELDS.kernel);
    optional(s.kernel.modprobePath, 'kernel.modprobePath', 'string');
    optional(s.kernel.ftraceEnabled, 'kernel.ftraceEnabled', 'boolean');
    optional(s.kernel.dyndbg, 'kernel.dyndbg', 'boolean');
  }
  list(s.modules, 'modules', '', MAX_SCENARIO_MODULES);
  list(s.livepatches, 'livepatches', '', MAX_SCENARIO_MODULES - s.modules.length);
  list(s.tasks, 'tasks', '', MAX_SCENARIO_TASKS);
  const names = new Set<string>();
  s.modules.forEach((m: unknown, i: number) => {
    const p = `modules[${i}]`;
    need(isObj(m), p, 'must be an object');
    fields(m, p, SCENARIO_FIELDS.module);
    need(typeof m.name === 'string' && NAME.test(m.name), `${p}.name`, `must be 1-${MODULE_NAME_LEN - 1} letters, digits or underscores`);
    need(m.name !== VMLINUX, `${p}.name`, VMLINUX_RESERVED);
    need(!names.has(m.name), `${p}.name`, `duplicate module name '${m.name}'`);
    names.add(m.name);
    strings(m.exports, `${p}.exports`, SYMBOL, 'symbol');
    strings(m.imports, `${p}.imports`, SYMBOL, 'symbol');
    ops(m.init, `${p}.init`, false);
    ops(m.exit, `${p}.exit`, true);
    params(m.params, `${p}.params`);
    model(m.model, `${p}.model`, MODULE_MODEL_NAMES);
  });
  s.livepatches.forEach((lp: unknown, i: number) => {
    const p = `livepatches[${i}]`;
    need(isObj(lp), p, 'must be an object');
    fields(lp, p, SCENARIO_FIELDS.livepatch);
    need(typeof lp.name === 'string' && NAME.test(lp.name), `${p}.name`, `must be 1-${MODULE_NAME_LEN - 1} letters, digits or underscores`);
    need(lp.name !== VMLINUX, `${p}.name`, VMLINUX_RESERVED);
    need(!names.has(lp.name), `${p}.name`, `'${lp.name}' is already a module name`);
    names.add(lp.name);
    need(Array.isArray(lp.objects) && lp.objects.length > 0, `${p}.objects`, 'must list at least one object (vmlinux or a module)');
    list(lp.objects, `${p}.objects`, 'objects');
    const objs = new Set<string>();
    lp.objects.forEach((o: unknown, j: number) => {
      const q = `${p}.objects[${j}]`;
      need(isObj(o), q, 'must be an object');
      fields(o, q, SCENARIO_FIELDS.object);
      need(typeof o.name === 'string' && NAME.test(o.name), `${q}.name`, "must be 'vmlinux' or a module name");
      need(!objs.has(o.name), `${q}.name`, `duplicate object '${o.name}'`);
      objs.add(o.name);
      strings(o.funcs, `${q}.funcs`, SYMBOL, 'function name');
      if (o.newFuncs !== undefined) {
        need(isObj(o.newFuncs), `${q}.newFuncs`, 'must map a function of funcs to its replacement');
        for (const [f, r] of Object.entries(o.newFuncs)) {
          need(Array.isArray(o.funcs) && o.funcs.includes(f), `${q}.newFuncs.${f}`, `'${f}' is not in funcs`);
          need(typeof r === 'string' && SYMBOL.test(r), `${q}.newFuncs.${f}`, `'${String(r)}' is not a valid function name`);
        }
      }
      strings(o.imports, `${q}.imports`, SYMBOL, 'symbol');
      strings(o.exports, `${q}.exports`, SYMBOL, 'symbol');
      time(o.initDelay, `${q}.initDelay`);
    });
    optional(lp.replace, `${p}.replace`, 'boolean');
    if (lp.states !== undefined) list(lp.states, `${p}.states`, '{id, version}');
    ((lp.states ?? []) as unknown[]).forEach((st, j) => {
      const q = `${p}.states[${j}]`;
      need(isObj(st), q, 'must be {id, version}');
      fields(st, q, SCENARIO_FIELDS.state);
      // struct klp_state: unsigned long id, unsigned int version.
      need(Number.isSafeInteger(st.id) && (st.id as number) >= 0, `${q}.id`, 'must be a non-negative integer');
      need(Number.isSafeInteger(st.version) && (st.version as number) >= 0 && (st.version as number) <= 0xffffffff, `${q}.version`, 'must be a non-negative integer');
    });
    const vmlinuxAt = (lp.objects as { name: string }[]).findIndex((o) => o.name === 'vmlinux');
    need(vmlinuxAt <= 0, `${p}.objects[${vmlinuxAt}].name`, "the vmlinux object must come first (the main livepatch module carries it)");
    need(lp.callbacks === undefined || lp.callbacks === 'none' || lp.callbacks === 'print', `${p}.callbacks`, "must be 'none' or 'print'");
    model(lp.model, `${p}.model`, LIVEPATCH_MODEL_NAMES);
    params(lp.params, `${p}.params`);
  });
  (s.livepatches as { name: string; objects: { name: string }[] }[]).forEach((lp, i) => {
    lp.objects.forEach((o, j) => {
      if (j === 0) return;
      const per = perObjectModuleName(lp.name, o.name);
      const path = `livepatches[${i}].objects[${j}].name`;
      need(per.length < MODULE_NAME_LEN, path, `per-object module name '${per}' exceeds MODULE_NAME_LEN`);
      need(!names.has(per), path, `'${per}' clashes with a module name`);
    });
  });
  const labels = new Set<string>();
  s.tasks.forEach((t: unknown, i: number) => {
    const p = `tasks[${i}]`;
    need(isObj(t), p, 'must be an object');
    fields(t, p, SCENARIO_FIELDS.task);
    const label: unknown = taskLabel(t as { id?: string }, i);
    need(typeof label === 'string' && TASK_LABEL_RE.test(label), `${p}.id`, 'must be a short label such as U1');
    need(!KERNEL_TASK_LABEL_RE.test(label), `${p}.id`, 'H<n> and kworker/<n> are reserved for kernel-spawned tasks');
    need(!labels.has(label), `${p}.id`, `duplicate task label '${label}'`);
    labels.add(label);
    time(t.start, `${p}.start`);
    list(t.commands, `${p}.commands`, 'commands', MAX_TASK_COMMANDS);
    need(t.commands.length > 0, `${p}.commands`, 'a task needs at least one command');
    t.commands.forEach((c: unknown, j: number) => {
      need(typeof c === 'string', `${p}.commands[${j}]`, 'must be a string');
      try {
        parseCommand(c);
      } catch (e) {
        if (e instanceof CommandError) throw new ScenarioError(`${p}.commands[${j}]`, e.message);
        throw e;
      }
    });
  });
  // Nothing would run: the trace would have no step at all.
  need(s.tasks.length > 0, 'tasks', 'add a task with at least one command: without one nothing runs');
  return s as unknown as Scenario;
}
