/**
 * validate.ts - check an untrusted scenario (a file, a URL, a drag-and-drop edit) and name the
 * first problem and where it is, e.g. `tasks[0].commands[2]: unknown command 'foo'`.
 */
import { SCENARIO_TYPE, SCENARIO_VERSION, type Scenario } from '../model/scenario';
import { parseCommand, CommandError } from '../rules/commands';
import { ERRNO } from '../model/errno';
import { KERNEL_TASK_LABEL_RE, MODULE_NAME_RE, SYMBOL_RE, TASK_LABEL_RE, perObjectModuleName, taskLabel } from '../rules/names';
import { MAX_SCENARIO_SECONDS, MODULE_NAME_LEN } from '../rules/limits';

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

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function need(cond: unknown, path: string, problem: string): asserts cond {
  if (!cond) throw new ScenarioError(path, problem);
}

function strings(v: unknown, path: string, re: RegExp, what: string): void {
  if (v === undefined) return;
  need(Array.isArray(v), path, `must be a list of ${what}s`);
  v.forEach((s, i) => need(typeof s === 'string' && re.test(s), `${path}[${i}]`, `'${String(s)}' is not a valid ${what}`));
}

function ops(v: unknown, path: string, allowNull: boolean): void {
  if (v === undefined || (allowNull && v === null)) return;
  need(Array.isArray(v), path, 'must be a list of steps');
  v.forEach((op, i) => {
    const p = `${path}[${i}]`;
    need(isObj(op) && Object.keys(op).length === 1, p, "each step is one of {print}, {sleep}, {return}, {request_module}");
    if ('print' in op) need(typeof op.print === 'string', p, 'print takes a string');
    else if ('sleep' in op) need(typeof op.sleep === 'number' && op.sleep >= 0 && op.sleep <= MAX_S, p, `sleep takes 0..${MAX_S} seconds`);
    else if ('return' in op) {
      const r = op.return;
      need(
        typeof r === 'number' ? Number.isInteger(r) : typeof r === 'string' && r.replace(/^-/, '') in ERRNO,
        p,
        `return takes an integer or an errno name such as ENODEV, got ${JSON.stringify(r)}`,
      );
    } else if ('request_module' in op) need(typeof op.request_module === 'string' && NAME.test(op.request_module), p, 'request_module takes a module name');
    else need(false, p, `unknown step '${Object.keys(op)[0]}'`);
  });
}

function params(v: unknown, path: string): void {
  if (v === undefined) return;
  need(isObj(v), path, 'must map parameter names to {type, default}');
  for (const [name, spec] of Object.entries(v)) {
    need(
      isObj(spec) && (spec.type === 'int' || spec.type === 'bool' || spec.type === 'intarray') && typeof spec.default === 'string' && (spec.hidden === undefined || typeof spec.hidden === 'boolean'),
      `${path}.${name}`,
      "must be {type: 'int'|'bool'|'intarray', default: string, hidden?: boolean}",
    );
  }
}

/** Validate; returns the scenario or throws ScenarioError. (Version 1 is the only version so far.) */
export function validateScenario(input: unknown): Scenario {
  const s = input;
  need(isObj(s), '', 'a scenario must be a JSON object');
  need(s.type === SCENARIO_TYPE, 'type', `must be '${SCENARIO_TYPE}'`);
  need(s.version === SCENARIO_VERSION, 'version', `must be ${SCENARIO_VERSION}`);
  need(typeof s.title === 'string' && s.title.length > 0, 'title', 'must be a non-empty string');
  need(Array.isArray(s.modules), 'modules', 'must be a list');
  need(Array.isArray(s.livepatches), 'livepatches', 'must be a list');
  need(Array.isArray(s.tasks), 'tasks', 'must be a list');
  const names = new Set<string>();
  s.modules.forEach((m: unknown, i: number) => {
    const p = `modules[${i}]`;
    need(isObj(m), p, 'must be an object');
    need(typeof m.name === 'string' && NAME.test(m.name), `${p}.name`, `must be 1-${MODULE_NAME_LEN - 1} letters, digits or underscores`);
    need(!names.has(m.name), `${p}.name`, `duplicate module name '${m.name}'`);
    names.add(m.name);
    strings(m.exports, `${p}.exports`, SYMBOL, 'symbol');
    strings(m.imports, `${p}.imports`, SYMBOL, 'symbol');
    ops(m.init, `${p}.init`, false);
    ops(m.exit, `${p}.exit`, true);
    params(m.params, `${p}.params`);
    need(m.model === undefined || typeof m.model === 'string', `${p}.model`, 'must be a string');
  });
  s.livepatches.forEach((lp: unknown, i: number) => {
    const p = `livepatches[${i}]`;
    need(isObj(lp), p, 'must be an object');
    need(typeof lp.name === 'string' && NAME.test(lp.name), `${p}.name`, `must be 1-${MODULE_NAME_LEN - 1} letters, digits or underscores`);
    need(!names.has(lp.name), `${p}.name`, `'${lp.name}' is already a module name`);
    names.add(lp.name);
    need(Array.isArray(lp.objects) && lp.objects.length > 0, `${p}.objects`, 'must list at least one object (vmlinux or a module)');
    const objs = new Set<string>();
    lp.objects.forEach((o: unknown, j: number) => {
      const q = `${p}.objects[${j}]`;
      need(isObj(o) && typeof o.name === 'string' && NAME.test(o.name), `${q}.name`, "must be 'vmlinux' or a module name");
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
      need(o.initDelay === undefined || (typeof o.initDelay === 'number' && o.initDelay >= 0 && o.initDelay <= MAX_S), `${q}.initDelay`, `must be 0..${MAX_S} seconds`);
    });
    const vmlinuxAt = (lp.objects as { name: string }[]).findIndex((o) => o.name === 'vmlinux');
    need(vmlinuxAt <= 0, `${p}.objects[${vmlinuxAt}].name`, "the vmlinux object must come first (the main livepatch module carries it)");
    need(lp.states === undefined || Array.isArray(lp.states), `${p}.states`, 'must be a list of {id, version}');
    need(lp.callbacks === undefined || lp.callbacks === 'none' || lp.callbacks === 'print', `${p}.callbacks`, "must be 'none' or 'print'");
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
    const label: unknown = taskLabel(t as { id?: string }, i);
    need(typeof label === 'string' && TASK_LABEL_RE.test(label), `${p}.id`, 'must be a short label such as U1');
    need(!KERNEL_TASK_LABEL_RE.test(label), `${p}.id`, 'H<n> and kworker/<n> are reserved for kernel-spawned tasks');
    need(!labels.has(label), `${p}.id`, `duplicate task label '${label}'`);
    labels.add(label);
    need(t.start === undefined || (typeof t.start === 'number' && t.start >= 0 && t.start <= MAX_S), `${p}.start`, `must be 0..${MAX_S} seconds`);
    need(Array.isArray(t.commands), `${p}.commands`, 'must be a list of commands');
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
