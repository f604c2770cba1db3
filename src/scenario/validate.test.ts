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
    rejects({ ...base(), modules: [{ name: 'm', params: { debug: { type: 'string', default: '' } } }] }, 'modules[0].params.debug');
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
