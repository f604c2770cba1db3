import { describe, expect, it } from 'vitest';
import { ScenarioError, validateScenario } from './validate';
import { PRESETS } from '../presets/index';

const base = () => ({
  type: 'klp-playground/scenario',
  version: 1,
  title: 't',
  modules: [] as unknown[],
  livepatches: [] as unknown[],
  tasks: [{ commands: ['lsmod'] }] as unknown[],
});

/** The ScenarioError thrown for `input` (fails the test if it validates). */
function errorOf(input: unknown): ScenarioError {
  try {
    validateScenario(input);
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

function rejects(input: unknown, path: string, problem?: string | RegExp): void {
  const e = errorOf(input);
  expect(e.path).toBe(path);
  if (problem !== undefined) expect(e.problem).toMatch(problem);
  expect(e.message).toBe(path ? `${path}: ${e.problem}` : e.problem);
}

describe('valid scenarios', () => {
  it('every preset validates and comes back unchanged', () => {
    for (const p of PRESETS) expect(validateScenario(p.scenario)).toBe(p.scenario);
  });
});

describe('document header', () => {
  it('not an object', () => rejects([], '', 'a scenario must be a JSON object'));
  it('type', () => rejects({ ...base(), type: 'x' }, 'type', "must be 'klp-playground/scenario'"));
  it('version', () => rejects({ ...base(), version: 2 }, 'version', 'must be 1'));
  it('title', () => rejects({ ...base(), title: '' }, 'title', 'must be a non-empty string'));
  it('lists', () => {
    rejects({ ...base(), modules: {} }, 'modules', 'must be a list');
    rejects({ ...base(), livepatches: null }, 'livepatches', 'must be a list');
    rejects({ ...base(), tasks: 'modprobe lp' }, 'tasks', 'must be a list');
  });
});

describe('modules[i]', () => {
  it('a name longer than 55 characters (MODULE_NAME_LEN 56 with the NUL) points at .name', () => {
    rejects({ ...base(), modules: [{ name: 'a'.repeat(56) }] }, 'modules[0].name', 'must be 1-55 letters, digits or underscores');
    expect(() => validateScenario({ ...base(), modules: [{ name: 'a'.repeat(55) }] })).not.toThrow();
  });

  it('a dash is not allowed in a stored module name', () => {
    rejects({ ...base(), modules: [{ name: 'a-b' }] }, 'modules[0].name');
  });

  it('a duplicate name points at the second one', () => {
    rejects({ ...base(), modules: [{ name: 'core' }, { name: 'core' }] }, 'modules[1].name', "duplicate module name 'core'");
  });

  it('bad symbols point at the list element', () => {
    rejects({ ...base(), modules: [{ name: 'm', exports: ['ok', '1bad'] }] }, 'modules[0].exports[1]', "'1bad' is not a valid symbol");
    rejects({ ...base(), modules: [{ name: 'm', imports: 'x' }] }, 'modules[0].imports', 'must be a list of symbols');
  });

  it('init and exit steps', () => {
    rejects({ ...base(), modules: [{ name: 'm', init: [{ print: 'a' }, { jump: 1 }] }] }, 'modules[0].init[1]', "unknown step 'jump'");
    rejects({ ...base(), modules: [{ name: 'm', init: [{ sleep: 4000 }] }] }, 'modules[0].init[0]', 'sleep takes 0..3600 seconds');
    rejects({ ...base(), modules: [{ name: 'm', init: [{ return: 'EWHATEVER' }] }] }, 'modules[0].init[0]', /return takes an integer or an errno name/);
    rejects({ ...base(), modules: [{ name: 'm', init: [{ print: 'a', sleep: 1 }] }] }, 'modules[0].init[0]');
    rejects({ ...base(), modules: [{ name: 'm', exit: [{ request_module: 'bad-name' }] }] }, 'modules[0].exit[0]', 'request_module takes a module name');
    expect(() => validateScenario({ ...base(), modules: [{ name: 'm', exit: null, init: [{ return: '-ENODEV' }, { return: 3 }] }] })).not.toThrow();
    rejects({ ...base(), modules: [{ name: 'm', init: null }] }, 'modules[0].init', 'must be a list of steps');
  });

  it('params', () => {
    rejects({ ...base(), modules: [{ name: 'm', params: { debug: { type: 'string', default: '' } } }] }, 'modules[0].params.debug.type', "must be 'int', 'bool' or 'intarray'");
  });
});

describe('livepatches[i]', () => {
  const lp = (extra: object = {}) => ({ name: 'lp', objects: [{ name: 'vmlinux' }, { name: 'M' }], ...extra });

  it('the vmlinux object, if any, comes first (the main livepatch module); a patch of module functions only has none', () => {
    rejects({ ...base(), livepatches: [{ name: 'lp', objects: [{ name: 'M' }, { name: 'vmlinux' }] }] }, 'livepatches[0].objects[1].name', /the vmlinux object must come first/);
    expect(() => validateScenario({ ...base(), livepatches: [{ name: 'lp', objects: [{ name: 'M', funcs: ['m_fn'] }] }] })).not.toThrow();
  });

  it('at least one object', () => {
    rejects({ ...base(), livepatches: [{ name: 'lp', objects: [] }] }, 'livepatches[0].objects', 'must list at least one object (vmlinux or a module)');
  });

  it('a patch name that is already a module name', () => {
    rejects({ ...base(), modules: [{ name: 'lp' }], livepatches: [lp()] }, 'livepatches[0].name', "'lp' is already a module name");
  });

  it('a duplicate object points at the second one', () => {
    rejects({ ...base(), livepatches: [{ name: 'lp', objects: [{ name: 'vmlinux' }, { name: 'M' }, { name: 'M' }] }] }, 'livepatches[0].objects[2].name', "duplicate object 'M'");
  });

  it('object fields', () => {
    rejects({ ...base(), livepatches: [lp({ objects: [{ name: 'vmlinux', funcs: ['ok', 'no way'] }] })] }, 'livepatches[0].objects[0].funcs[1]', "'no way' is not a valid function name");
    rejects({ ...base(), livepatches: [lp({ objects: [{ name: 'vmlinux' }, { name: 'M', initDelay: -1 }] })] }, 'livepatches[0].objects[1].initDelay', 'must be 0..3600 seconds');
    rejects({ ...base(), livepatches: [lp({ callbacks: 'loud' })] }, 'livepatches[0].callbacks', "must be 'none' or 'print'");
    rejects({ ...base(), livepatches: [lp({ states: {} })] }, 'livepatches[0].states');
  });

  it('a per-object module name <patch>__<obj> longer than 55 characters is refused', () => {
    const e = errorOf({ ...base(), livepatches: [lp({ name: 'p'.repeat(30), objects: [{ name: 'vmlinux' }, { name: 'm'.repeat(30) }] })] });
    expect(e.problem).toBe(`per-object module name '${'p'.repeat(30)}__${'m'.repeat(30)}' exceeds MODULE_NAME_LEN`);
  });

  it('a per-object module name that clashes with a module is refused', () => {
    const e = errorOf({ ...base(), modules: [{ name: 'lp__M' }], livepatches: [lp()] });
    expect(e.problem).toBe("'lp__M' clashes with a module name");
  });

  // Like every other rule, the per-object name check points at the offending field by index.
  it('the per-object clash points at the offending object by index', () => {
    rejects({ ...base(), modules: [{ name: 'lp__M' }], livepatches: [lp()] }, 'livepatches[0].objects[1].name');
  });
});

describe('tasks', () => {
  it('a scenario with nothing to run is refused: no task, or a task without commands', () => {
    rejects({ ...base(), tasks: [] }, 'tasks', /at least one command/);
    rejects({ ...base(), tasks: [{ commands: ['lsmod'] }, { commands: [] }] }, 'tasks[1].commands', /at least one command/);
  });
});

describe('tasks[i]', () => {
  const t = (extra: object) => ({ ...base(), tasks: [extra] });

  it('a command that does not parse points at tasks[i].commands[j] with the parser message', () => {
    rejects(t({ commands: ['modprobe lp', 'lsmod', 'foo bar'] }), 'tasks[0].commands[2]', "unknown command 'foo'");
    rejects(t({ commands: ['insmod lp'] }), 'tasks[0].commands[0]', "insmod: expected a file name ending in '.ko'");
    rejects(t({ commands: ['kill -HUP H1'] }), 'tasks[0].commands[0]', "kill: unknown signal '-HUP'");
    rejects(t({ commands: [42] }), 'tasks[0].commands[0]', 'must be a string');
    rejects(t({ commands: 'lsmod' }), 'tasks[0].commands', 'must be a list of commands');
  });

  it('labels H<n> and kworker/<n> are reserved for kernel-spawned tasks', () => {
    rejects(t({ id: 'H1', commands: ['lsmod'] }), 'tasks[0].id', 'H<n> and kworker/<n> are reserved for kernel-spawned tasks');
    rejects(t({ id: 'H12', commands: ['lsmod'] }), 'tasks[0].id', /reserved/);
    rejects(t({ id: 'kworker/1', commands: ['lsmod'] }), 'tasks[0].id');
    expect(() => validateScenario(t({ id: 'Helper', commands: ['lsmod'] }))).not.toThrow();
  });

  it('duplicate labels, including a default U<n> taken explicitly', () => {
    rejects({ ...base(), tasks: [{ commands: ['lsmod'] }, { id: 'U1', commands: ['lsmod'] }] }, 'tasks[1].id', "duplicate task label 'U1'");
  });

  it('start time', () => {
    rejects(t({ start: -1, commands: [] }), 'tasks[0].start', 'must be 0..3600 seconds');
    rejects(t({ start: '5', commands: [] }), 'tasks[0].start');
  });
});

describe('unknown and mistyped fields (issue 8: misspelled optional fields were silently ignored)', () => {
  const lp = (extra: object = {}) => ({ name: 'lp', objects: [{ name: 'vmlinux' }], ...extra });

  it('an unknown field is named, with the closest known field', () => {
    rejects({ ...base(), titel: 'x' }, 'titel', "unknown field (did you mean 'title'?)");
    rejects({ ...base(), modules: [{ name: 'm', exprots: ['x'] }] }, 'modules[0].exprots', "unknown field (did you mean 'exports'?)");
    rejects({ ...base(), modules: [{ name: 'm', inits: [] }] }, 'modules[0].inits', "unknown field (did you mean 'init'?)");
    rejects({ ...base(), livepatches: [lp({ callback: 'print' })] }, 'livepatches[0].callback', "unknown field (did you mean 'callbacks'?)");
    rejects({ ...base(), livepatches: [lp({ objects: [{ name: 'vmlinux', func: ['f'] }] })] }, 'livepatches[0].objects[0].func', "unknown field (did you mean 'funcs'?)");
    rejects({ ...base(), tasks: [{ command: ['lsmod'] }] }, 'tasks[0].command', "unknown field (did you mean 'commands'?)");
    rejects({ ...base(), kernel: { modprobe: '/bin/true' } }, 'kernel.modprobe', "unknown field (did you mean 'modprobePath'?)");
    rejects({ ...base(), modules: [{ name: 'm', params: { p: { typ: 'int', default: '0' } } }] }, 'modules[0].params.p.typ', "unknown field (did you mean 'type'?)");
  });

  it('a field far from every known one lists the known ones', () => {
    rejects({ ...base(), modules: [{ name: 'm', zzzzzzzz: 1 }] }, 'modules[0].zzzzzzzz', 'unknown field (known: name, exports, imports, init, exit, model, params)');
  });

  it('__proto__ and constructor from a JSON file are unknown fields, not prototype tricks', () => {
    rejects(JSON.parse('{"type":"klp-playground/scenario","version":1,"title":"t","modules":[],"livepatches":[],"tasks":[],"__proto__":{"x":1}}'), '__proto__', /unknown field/);
    rejects({ ...base(), constructor: 1 }, 'constructor', /unknown field/);
  });

  it('kernel settings have their types', () => {
    rejects({ ...base(), kernel: { ftraceEnabled: 'false' } }, 'kernel.ftraceEnabled', 'must be true or false');
    rejects({ ...base(), kernel: { dyndbg: 0 } }, 'kernel.dyndbg', 'must be true or false');
    rejects({ ...base(), kernel: { modprobePath: 1 } }, 'kernel.modprobePath', 'must be a string');
    rejects({ ...base(), kernel: [] }, 'kernel', 'must be an object');
    rejects({ ...base(), description: 5 }, 'description', 'must be a string');
  });

  it('replace is a boolean', () => {
    rejects({ ...base(), livepatches: [lp({ replace: 'true' })] }, 'livepatches[0].replace', 'must be true or false');
  });

  it('a model must be one the simulator has (issue 8: `model: "mod"` threw inside run())', () => {
    rejects({ ...base(), modules: [{ name: 'm', model: 'mod' }] }, 'modules[0].model', /^no modelled module 'mod' \(known: .*test_klp_callbacks_busy.*\)$/);
    rejects({ ...base(), modules: [{ name: 'm', model: 'test_klp_callbacks_bsy' }] }, 'modules[0].model', /did you mean 'test_klp_callbacks_busy'/);
    rejects({ ...base(), modules: [{ name: 'm', model: 'toString' }] }, 'modules[0].model', /no modelled module 'toString'/);
    rejects({ ...base(), livepatches: [lp({ model: 'constructor' })] }, 'livepatches[0].model', /no modelled module 'constructor'/);
    expect(() => validateScenario({ ...base(), livepatches: [lp({ model: 'test_klp_state2' })] })).not.toThrow();
  });

  it('states entries are {id, version} with non-negative integers', () => {
    rejects({ ...base(), livepatches: [lp({ states: [null] })] }, 'livepatches[0].states[0]', 'must be {id, version}');
    rejects({ ...base(), livepatches: [lp({ states: [{ id: 'one', version: 1 }] })] }, 'livepatches[0].states[0].id', 'must be a non-negative integer');
    rejects({ ...base(), livepatches: [lp({ states: [{ id: 1 }] })] }, 'livepatches[0].states[0].version', 'must be a non-negative integer');
    rejects({ ...base(), livepatches: [lp({ states: [{ id: 1, version: 1, ver: 2 }] })] }, 'livepatches[0].states[0].ver', /did you mean 'version'/);
  });

  it('an errno name is looked up among errno names only (`return: "toString"`)', () => {
    rejects({ ...base(), modules: [{ name: 'm', init: [{ return: 'toString' }] }] }, 'modules[0].init[0]', /return takes an integer or an errno name/);
    rejects({ ...base(), modules: [{ name: 'm', init: [{ return: '__proto__' }] }] }, 'modules[0].init[0]', /return takes an integer or an errno name/);
  });

  it('times are finite and at most MAX_SCENARIO_SECONDS (issue 8: `sleep 1e308` printed [Infinity] timestamps)', () => {
    rejects({ ...base(), tasks: [{ commands: ['sleep 1e308'] }] }, 'tasks[0].commands[0]', 'sleep: expected a number of seconds, 0..3600');
    rejects({ ...base(), tasks: [{ commands: ['sleep 3601'] }] }, 'tasks[0].commands[0]', /0\.\.3600/);
    rejects({ ...base(), tasks: [{ commands: ['sleep Infinity'] }] }, 'tasks[0].commands[0]', /sleep/);
    rejects({ ...base(), tasks: [{ commands: ['busy f 1e9'] }] }, 'tasks[0].commands[0]', /busy: expected FUNCTION SECONDS/);
    rejects({ ...base(), tasks: [{ start: Infinity, commands: [] }] }, 'tasks[0].start', 'must be 0..3600 seconds');
    expect(() => validateScenario({ ...base(), tasks: [{ commands: ['sleep 3600', 'sleep 0.5', 'busy f 2'] }] })).not.toThrow();
  });
});

describe('size bounds (issue 8: big scenarios must end in bounded time and memory)', () => {
  it('lists longer than the simulator takes are rejected at the list, with the bound', () => {
    rejects({ ...base(), modules: Array.from({ length: 5001 }, (_, i) => ({ name: `m${i}` })) }, 'modules', 'has 5001 entries; the simulator takes at most 5000');
    rejects({ ...base(), modules: Array.from({ length: 4000 }, (_, i) => ({ name: `m${i}` })), livepatches: Array.from({ length: 1001 }, (_, i) => ({ name: `p${i}`, objects: [{ name: 'vmlinux' }] })) }, 'livepatches', /at most 1000$/);
    rejects({ ...base(), tasks: Array.from({ length: 101 }, () => ({ commands: [] })) }, 'tasks', /at most 100$/);
    rejects({ ...base(), tasks: [{ commands: Array.from({ length: 1001 }, () => 'lsmod') }] }, 'tasks[0].commands', /at most 1000$/);
    rejects({ ...base(), modules: [{ name: 'm', exports: Array.from({ length: 5001 }, (_, i) => `s${i}`) }] }, 'modules[0].exports', /at most 5000$/);
    expect(() => validateScenario({ ...base(), modules: Array.from({ length: 5000 }, (_, i) => ({ name: `m${i}` })) })).not.toThrow();
  });
});

describe("'vmlinux' (issue 8: a module renamed vmlinux and deleted left a livepatch without objects)", () => {
  it('is no module or livepatch name', () => {
    rejects({ ...base(), modules: [{ name: 'vmlinux' }] }, 'modules[0].name', /'vmlinux' is the kernel itself/);
    rejects({ ...base(), livepatches: [{ name: 'vmlinux', objects: [{ name: 'vmlinux' }] }] }, 'livepatches[0].name', /'vmlinux' is the kernel itself/);
  });
});
