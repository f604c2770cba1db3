/**
 * arbitraries.ts - fast-check generators of scenarios as a hostile user would write them: valid
 * shapes filled with names that collide with JavaScript's own (`toString`, `__proto__`), the same
 * symbol exported twice, modules that import each other in a cycle, and commands that kill tasks,
 * force modules out and write sysfs files. Some inputs are deliberately malformed (a misspelled
 * field, a wrong type) so that rejections are exercised too.
 *
 * Used by the property tests (fuzz.test.ts) and by `npm run fuzz` (main.ts); not by the engine.
 */
import fc from 'fast-check';
import { VARIANT_IDS, type VariantId } from '../model/variant';
import { ERRNO } from '../model/errno';
import { LIVEPATCH_MODEL_NAMES, MODULE_MODEL_NAMES } from '../modules/registry';

/** Names that are valid module names and symbols but are also keys of Object.prototype. */
export const HOSTILE_NAMES = [
  'toString',
  'hasOwnProperty',
  'constructor',
  '__proto__',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupSetter__',
  'prototype',
  'length',
  'name',
] as const;

/** Ordinary names that make modules, patches and objects refer to each other often. */
const PLAIN_NAMES = ['M', 'N', 'a', 'lp', 'lp2', 'core', 'user', 'lp__M', 'M__lp', 'x1'] as const;

const name = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PLAIN_NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NAMES) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/) },
);

const symbol = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('m_fn', 'n_fn', 'shared', 'lp_cb', 'core_fn') },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NAMES) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/) },
);

const symbols = fc.array(symbol, { maxLength: 3 });

const errnoNames = Object.keys(ERRNO);

const op = fc.oneof(
  fc.record({ print: fc.constantFrom('hello', 'init', '') }),
  fc.record({ sleep: fc.constantFrom(0, 0.001, 0.5, 1, 5, 30) }),
  fc.record({ return: fc.oneof(fc.constantFrom(...errnoNames), fc.constantFrom(...errnoNames).map((e) => `-${e}`), fc.integer({ min: -600, max: 5 }), fc.constantFrom(...HOSTILE_NAMES)) }),
  fc.record({ request_module: name }),
);

const ops = fc.array(op, { maxLength: 3 });

const params = fc.dictionary(
  fc.oneof(fc.constantFrom('debug', 'block_transition', 'replace', 'pre_patch_ret'), fc.constantFrom(...HOSTILE_NAMES)),
  fc.oneof(
    fc.record({ type: fc.constant('int'), default: fc.constantFrom('0', '1', '-19', 'x') }),
    fc.record({ type: fc.constant('bool'), default: fc.constantFrom('N', 'Y', '1') }),
  ),
  { maxKeys: 2 },
);

/** Mostly no model; sometimes a modelled one; rarely a name no model has (a rejection). */
const sometimes = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 24, arbitrary: fc.constant(undefined) }, { weight: 6, arbitrary: valid }, { weight: 1, arbitrary: invalid });
const moduleModel = sometimes(fc.constantFrom(...MODULE_MODEL_NAMES), fc.constantFrom('mod', 'toString', '__proto__'));
const livepatchModel = sometimes(fc.constantFrom(...LIVEPATCH_MODEL_NAMES), fc.constantFrom('mod', 'constructor'));

/** Drop the keys whose value is undefined, as a JSON document has none. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const moduleSpec = fc.record(
  {
    name,
    exports: symbols,
    imports: symbols,
    init: ops,
    exit: fc.oneof(ops, fc.constant(null)),
    model: moduleModel,
    params,
  },
  { requiredKeys: ['name', 'model'] },
).map(defined);

const objectSpec = fc.record(
  { name, funcs: symbols, imports: symbols, exports: symbols, initDelay: fc.constantFrom(0, 0.5, 1, 2) },
  { requiredKeys: ['name'] },
);

/** Livepatch names: mostly their own, sometimes a module's. */
const patchName = fc.oneof({ weight: 7, arbitrary: fc.constantFrom('lp', 'lp2', 'klp_x', 'valueOf', 'hasOwnProperty') }, { weight: 1, arbitrary: name });

const livepatchSpec = fc
  .record(
    {
      name: patchName,
      replace: fc.boolean(),
      states: fc.array(fc.record({ id: fc.integer({ min: 0, max: 3 }), version: fc.integer({ min: 0, max: 3 }) }), { maxLength: 2 }),
      callbacks: fc.constantFrom('none', 'print'),
      model: livepatchModel,
      params,
      vmlinux: fc.record({ funcs: symbols, imports: symbols, exports: symbols }, { requiredKeys: [] }),
      objects: fc.array(objectSpec, { maxLength: 3 }),
    },
    { requiredKeys: ['name', 'vmlinux', 'objects', 'model'] },
  )
  .map(({ vmlinux, objects, ...rest }) => defined({ ...rest, objects: [{ name: 'vmlinux', ...vmlinux }, ...objects] }));

/** A task to kill or schedule: user tasks, kernel-spawned helpers and workers, and nonsense. */
const label = fc.oneof(fc.constantFrom('U1', 'U2', 'U3', 'H1', 'H2', 'kworker/1', 'sh', 'toString'), fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,3}$/));

/** A user task's own label (mostly none: U1, U2, ...). */
const ownLabel = fc.oneof({ weight: 19, arbitrary: fc.constantFrom('sh', 'toString', 'constructor', 'admin') }, { weight: 1, arbitrary: fc.constantFrom('__proto__', 'H1', 'U1') });

const seconds = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('0', '0.001', '1', '2.5', '30', '3600') },
  { weight: 1, arbitrary: fc.constantFrom('1e308', '1e9', '3601', 'Infinity', '-1', 'NaN', '0x10') },
);

/** Commands over `nm` (module and patch names) and `fn` (function names for `busy`). */
function commandArb(nm: fc.Arbitrary<string>, fn: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const sysfsPath = fc.oneof(
    nm.map((p) => `/sys/kernel/livepatch/${p}/enabled`),
    nm.map((p) => `/sys/kernel/livepatch/${p}/force`),
    fc.tuple(nm, fc.constantFrom('debug', 'block_transition', 'pre_patch_ret', 'toString', '__proto__')).map(([m, p]) => `/sys/module/${m}/parameters/${p}`),
    fc.constantFrom('/proc/sys/kernel/modprobe', '/dev/kmsg', '/proc/modules', '/proc/cmdline'),
    nm.map((m) => `/sys/module/${m}/refcnt`),
    nm.map((m) => `/sys/kernel/livepatch/${m}/transition`),
  );
  return fc.oneof(
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom('modprobe ', 'modprobe -q ', 'modprobe --first-time '), nm, fc.constantFrom('', '', ' debug=1', ' toString=1', ' replace=1')).map(([a, n, p]) => `${a}${n}${p}`) },
    { weight: 2, arbitrary: nm.map((n) => `insmod ${n}.ko`) },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom('rmmod ', 'rmmod ', 'rmmod -f '), nm).map(([a, n]) => `${a}${n}`) },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom('0', '1', 'x', ''), sysfsPath).map(([v, p]) => `echo ${v} > ${p}`) },
    { weight: 1, arbitrary: fc.constantFrom('sysctl kernel.ftrace_enabled=0', 'sysctl -q kernel.ftrace_enabled=1', 'sysctl kernel.modprobe', 'sysctl kernel.toString=1', 'echo > /proc/sys/kernel/modprobe') },
    { weight: 1, arbitrary: sysfsPath.map((p) => `cat ${p}`) },
    { weight: 1, arbitrary: fc.constant('lsmod') },
    { weight: 2, arbitrary: seconds.map((x) => `sleep ${x}`) },
    { weight: 3, arbitrary: fc.tuple(fc.constantFrom('kill ', 'kill -9 ', 'kill -TERM '), label).map(([a, t]) => `${a}${t}`) },
    { weight: 2, arbitrary: fc.tuple(fn, fc.oneof({ weight: 5, arbitrary: fc.constantFrom('0.5', '1', '3', '40') }, { weight: 1, arbitrary: seconds })).map(([f, x]) => `busy ${f} ${x}`) },
    { weight: 2, arbitrary: fc.oneof(sysfsPath.map((p) => `wait_until exists ${p}`), sysfsPath.map((p) => `wait_until gone ${p}`), sysfsPath.map((p) => `wait_until ${p} == 1`)) },
    { weight: 1, arbitrary: fc.constantFrom('log hello', "grep 'Live' /proc/modules", "capture 'x: ' -- lsmod && cat /proc/modules", 'assert_file /proc/sys/kernel/modprobe == /sbin/modprobe', 'check_sysfs_value /sys/module/M/refcnt 0') },
  );
}

function tasksArb(nm: fc.Arbitrary<string>, fn: fc.Arbitrary<string>) {
  const task = fc.record(
    { id: ownLabel, start: fc.constantFrom(0, 0.001, 1, 3600), commands: fc.array(commandArb(nm, fn), { minLength: 1, maxLength: 5 }) },
    { requiredKeys: ['commands'] },
  );
  return fc.oneof(
    { weight: 4, arbitrary: fc.uniqueArray(task, { minLength: 1, maxLength: 4, selector: (t) => t.id ?? {} }) },
    { weight: 1, arbitrary: fc.array(task, { minLength: 1, maxLength: 4 }) },
  );
}

/** The names a scenario's commands should mostly use: its modules, patches and per-object modules. */
function namesOf(s: { modules: { name: string }[]; livepatches: { name: string; objects: { name: string; funcs?: string[] }[] }[] }) {
  const names = [...s.modules.map((m) => m.name), ...s.livepatches.flatMap((p) => [p.name, ...p.objects.slice(1).map((o) => `${p.name}__${o.name}`)])];
  const funcs = s.livepatches.flatMap((p) => p.objects.flatMap((o) => o.funcs ?? []));
  return { names, funcs };
}

const oneOfOr = (own: string[], other: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  own.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...own) }, { weight: 1, arbitrary: other }) : other;

const kernel = fc.record(
  { modprobePath: fc.constantFrom('', '/sbin/modprobe'), ftraceEnabled: fc.boolean(), dyndbg: fc.boolean() },
  { requiredKeys: [] },
);

/**
 * A scenario of the right shape whose names and commands are chosen to break lookups. Commands
 * mostly name the scenario's own modules, patches and patched functions, so that most runs reach
 * the kernel code (loads, waits, transitions, forced removals) rather than "not found".
 */
export const scenarioArb = fc
  .record(
    {
      type: fc.constant('klp-playground/scenario'),
      version: fc.constant(1),
      title: fc.constantFrom('fuzz', 'toString', '__proto__'),
      kernel,
      // Mostly distinct names (so that most scenarios validate and run), sometimes clashing ones.
      modules: fc.oneof({ weight: 4, arbitrary: fc.uniqueArray(moduleSpec, { maxLength: 5, selector: (m) => m.name }) }, { weight: 1, arbitrary: fc.array(moduleSpec, { maxLength: 5 }) }),
      livepatches: fc.oneof(
        { weight: 4, arbitrary: fc.uniqueArray(livepatchSpec, { maxLength: 3, selector: (p) => p.name }) },
        { weight: 1, arbitrary: fc.array(livepatchSpec, { maxLength: 3 }) },
      ),
    },
    { requiredKeys: ['type', 'version', 'title', 'modules', 'livepatches'] },
  )
  .chain((s) => {
    const { names, funcs } = namesOf(s);
    return tasksArb(oneOfOr(names, name), oneOfOr(funcs, symbol)).map((tasks) => ({ ...s, tasks }));
  });

/** Misspelled or mistyped fields a scenario may carry: validation must name each. */
const MISTAKES: [path: (string | number)[], value: unknown][] = [
  [['exprots'], ['x']],
  [['modules', 0, 'exprots'], ['x']],
  [['modules', 0, 'inits'], []],
  [['livepatches', 0, 'replace'], 'true'],
  [['livepatches', 0, 'callback'], 'print'],
  [['livepatches', 0, 'states'], [{ id: 'one', version: 1 }]],
  [['livepatches', 0, 'states'], [{ id: 1 }]],
  [['livepatches', 0, 'objects', 0, 'func'], ['x']],
  [['kernel', 'ftraceEnabled'], 'false'],
  [['kernel', 'modprobe'], '/bin/true'],
  [['tasks', 0, 'command'], ['lsmod']],
  [['tasks', 0, 'start'], '1'],
  [['modules', 0, 'model'], 'no_such_model'],
  [['modules', 0, 'params', 'p', 'typ'], 'int'],
  [['__proto__'], { polluted: true }],
  [['constructor'], 1],
];

/** Put a mistake at `path` in a (copied) scenario, creating the containers on the way. */
function plant(s: Record<string, unknown>, path: (string | number)[], value: unknown): Record<string, unknown> {
  const root = JSON.parse(JSON.stringify(s)) as Record<string, unknown>;
  let at: Record<string | number, unknown> = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    let child = at[key];
    if (typeof child !== 'object' || child === null) {
      child = typeof path[i + 1] === 'number' ? [] : {};
      if (Array.isArray(child) && path[i + 1] === 0) child.push(key === 'livepatches' ? { name: 'lpx', objects: [{ name: 'vmlinux' }] } : key === 'tasks' ? { commands: ['lsmod'] } : { name: 'mx' });
      Object.defineProperty(at, key, { value: child, enumerable: true, writable: true, configurable: true });
    } else if (Array.isArray(child) && child.length === 0 && path[i + 1] === 0) {
      child.push(key === 'livepatches' ? { name: 'lpx', objects: [{ name: 'vmlinux' }] } : key === 'tasks' ? { commands: ['lsmod'] } : { name: 'mx' });
    }
    at = child as Record<string | number, unknown>;
  }
  // defineProperty so that `__proto__` becomes an own field, as JSON.parse makes it.
  Object.defineProperty(at, path[path.length - 1], { value, enumerable: true, writable: true, configurable: true });
  return root;
}

/** A scenario with one planted mistake: validation must reject it and name where. */
export const mistakeArb = fc.tuple(scenarioArb, fc.constantFrom(...MISTAKES)).map(([s, [path, value]]) => ({
  input: plant(s as Record<string, unknown>, path, value),
  path,
}));

export const variantArb: fc.Arbitrary<VariantId> = fc.constantFrom(...VARIANT_IDS);

/** Task labels to pick at scheduling choices: mostly none, sometimes a few (including bad ones). */
export const scheduleArb = fc.oneof({ weight: 3, arbitrary: fc.constant([] as string[]) }, { weight: 1, arbitrary: fc.array(label, { maxLength: 6 }) });

/** One generated case: what to run and how. */
export const caseArb = fc.record({ scenario: scenarioArb, variant: variantArb, schedule: scheduleArb, probe: fc.nat() });
export type FuzzCase = { scenario: unknown; variant: VariantId; schedule: string[]; probe: number };
