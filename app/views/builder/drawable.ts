/**
 * drawable.ts - what the builder can draw and edit. The builder keeps invalid documents (work in
 * progress: a bad name, a command that does not parse; validateScenario names those), but every
 * field must have the type its editors expect: a module's exports a list of strings, a livepatch
 * its vmlinux object first. drawableProblem() names the first field that does not; repairScenario()
 * keeps everything that does and says what it had to leave out or add.
 */
import { SCENARIO_TYPE, SCENARIO_VERSION, type LivepatchObjectSpec, type LivepatchSpec, type ModuleOp, type ModuleSpec, type Scenario, type TaskSpec } from '@engine';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isOp = (v: unknown): v is ModuleOp => isObj(v) && Object.keys(v).length === 1 && ['print', 'sleep', 'return', 'request_module'].includes(Object.keys(v)[0]);

/** The first field the builder could not draw, as `path: problem`, or null when it can draw it all. */
export function drawableProblem(v: unknown): string | null {
  if (!isObj(v)) return 'the scenario is not a JSON object';
  if (typeof v.title !== 'string') return 'title: must be a string';
  for (const k of ['modules', 'livepatches', 'tasks'] as const) if (!Array.isArray(v[k])) return `${k}: must be a list`;
  const problems: string[] = [];
  const need = (ok: boolean, path: string, what: string) => {
    if (!ok && !problems.length) problems.push(`${path}: ${what}`);
  };
  (v.modules as unknown[]).forEach((m, i) => {
    const p = `modules[${i}]`;
    if (!isObj(m)) return need(false, p, 'must be an object');
    need(typeof m.name === 'string', `${p}.name`, 'must be a string');
    for (const k of ['exports', 'imports'] as const) need(m[k] === undefined || isStrings(m[k]), `${p}.${k}`, 'must be a list of strings');
    need(m.init === undefined || (Array.isArray(m.init) && m.init.every(isOp)), `${p}.init`, 'must be a list of steps');
    need(m.exit === undefined || m.exit === null || (Array.isArray(m.exit) && m.exit.every(isOp)), `${p}.exit`, 'must be a list of steps or null');
    need(m.params === undefined || isObj(m.params), `${p}.params`, 'must be an object');
  });
  (v.livepatches as unknown[]).forEach((lp, i) => {
    const p = `livepatches[${i}]`;
    if (!isObj(lp)) return need(false, p, 'must be an object');
    need(typeof lp.name === 'string', `${p}.name`, 'must be a string');
    if (!Array.isArray(lp.objects) || !lp.objects.length) return need(false, `${p}.objects`, 'must list the vmlinux object first');
    need(isObj(lp.objects[0]) && lp.objects[0].name === 'vmlinux', `${p}.objects[0].name`, "must be 'vmlinux'");
    lp.objects.forEach((o, j) => {
      const q = `${p}.objects[${j}]`;
      if (!isObj(o)) return need(false, q, 'must be an object');
      need(typeof o.name === 'string', `${q}.name`, 'must be a string');
      for (const k of ['funcs', 'imports', 'exports'] as const) need(o[k] === undefined || isStrings(o[k]), `${q}.${k}`, 'must be a list of strings');
    });
  });
  (v.tasks as unknown[]).forEach((t, i) => {
    const p = `tasks[${i}]`;
    if (!isObj(t)) return need(false, p, 'must be an object');
    need(t.id === undefined || typeof t.id === 'string', `${p}.id`, 'must be a string');
    need(isStrings(t.commands), `${p}.commands`, 'must be a list of strings');
    need(t.start === undefined || (typeof t.start === 'number' && Number.isFinite(t.start)), `${p}.start`, 'must be a number');
  });
  return problems[0] ?? null;
}

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** What repairScenario() made of an input. */
export interface Repair {
  scenario: Scenario;
  /** What it left out or added, one line each (empty: nothing was changed). */
  changes: string[];
}

/**
 * The drawable part of any input: entries of the wrong type are left out (each named in
 * `changes`), missing lists become empty, a livepatch gets its vmlinux object back. Fields the
 * builder does not edit (description, kernel, model, states...) are kept as they are: validation
 * judges them.
 */
export function repairScenario(v: unknown): Repair {
  const changes: string[] = [];
  const drop = (path: string, why: string) => changes.push(`${path} left out: ${why}`);
  const src = isObj(v) ? v : {};
  if (!isObj(v)) changes.push('the input was not a JSON object: started from an empty scenario');
  const strings = (x: unknown, path: string): string[] | undefined => {
    if (x === undefined) return undefined;
    if (!Array.isArray(x)) {
      drop(path, 'not a list');
      return undefined;
    }
    const out = x.filter((s) => typeof s === 'string');
    if (out.length < x.length) drop(`${path}: ${count(x.length - out.length, 'entry', 'entries')}`, 'not strings');
    return out;
  };
  const ops = (x: unknown, path: string): ModuleOp[] | undefined => {
    if (x === undefined) return undefined;
    if (!Array.isArray(x)) {
      drop(path, 'not a list of steps');
      return undefined;
    }
    const out = x.filter(isOp);
    if (out.length < x.length) drop(`${path}: ${count(x.length - out.length, 'step', 'steps')}`, 'not {print}, {sleep}, {return} or {request_module}');
    return out;
  };
  const list = (k: 'modules' | 'livepatches' | 'tasks'): unknown[] => {
    if (Array.isArray(src[k])) return src[k] as unknown[];
    if (src[k] !== undefined) drop(k, 'not a list');
    return [];
  };
  const modules: ModuleSpec[] = [];
  list('modules').forEach((m, i) => {
    const p = `modules[${i}]`;
    if (!isObj(m) || typeof m.name !== 'string') return drop(p, 'no name');
    const out: ModuleSpec = { ...(m as unknown as ModuleSpec), name: m.name };
    const exports = strings(m.exports, `${p}.exports`);
    const imports = strings(m.imports, `${p}.imports`);
    const init = ops(m.init, `${p}.init`);
    const exit = m.exit === null ? null : ops(m.exit, `${p}.exit`);
    for (const [k, val] of [['exports', exports], ['imports', imports], ['init', init], ['exit', exit]] as const) {
      if (val === undefined) delete (out as unknown as Obj)[k];
      else (out as unknown as Obj)[k] = val;
    }
    if (m.params !== undefined && !isObj(m.params)) {
      drop(`${p}.params`, 'not an object');
      delete out.params;
    }
    modules.push(out);
  });
  const livepatches: LivepatchSpec[] = [];
  list('livepatches').forEach((lp, i) => {
    const p = `livepatches[${i}]`;
    if (!isObj(lp) || typeof lp.name !== 'string') return drop(p, 'no name');
    const objects: LivepatchObjectSpec[] = [];
    (Array.isArray(lp.objects) ? lp.objects : []).forEach((o, j) => {
      const q = `${p}.objects[${j}]`;
      if (!isObj(o) || typeof o.name !== 'string') return drop(q, 'no name');
      const out: LivepatchObjectSpec = { ...(o as unknown as LivepatchObjectSpec), name: o.name };
      for (const k of ['funcs', 'imports', 'exports'] as const) {
        const val = strings(o[k], `${q}.${k}`);
        if (val === undefined) delete out[k];
        else out[k] = val;
      }
      objects.push(out);
    });
    const at = objects.findIndex((o) => o.name === 'vmlinux');
    if (at > 0) {
      objects.unshift(...objects.splice(at, 1));
      changes.push(`${p}: the vmlinux object moved first`);
    } else if (at < 0) {
      objects.unshift({ name: 'vmlinux' });
      changes.push(`${p}: the vmlinux object added (a livepatch always has it)`);
    }
    livepatches.push({ ...(lp as unknown as LivepatchSpec), name: lp.name, objects });
  });
  const tasks: TaskSpec[] = [];
  list('tasks').forEach((t, i) => {
    const p = `tasks[${i}]`;
    if (!isObj(t)) return drop(p, 'not an object');
    const out: TaskSpec = { ...(t as unknown as TaskSpec), commands: strings(t.commands, `${p}.commands`) ?? [] };
    if (t.id !== undefined && typeof t.id !== 'string') {
      drop(`${p}.id`, 'not a string');
      delete out.id;
    }
    if (t.start !== undefined && !(typeof t.start === 'number' && Number.isFinite(t.start))) {
      drop(`${p}.start`, 'not a number');
      delete out.start;
    }
    tasks.push(out);
  });
  let title = src.title;
  if (typeof title !== 'string' || !title) {
    if (isObj(v)) changes.push('title: set to "Recovered scenario"');
    title = 'Recovered scenario';
  }
  const scenario: Scenario = { ...(src as unknown as Scenario), type: SCENARIO_TYPE, version: SCENARIO_VERSION, title: title as string, modules, livepatches, tasks };
  return { scenario, changes };
}
