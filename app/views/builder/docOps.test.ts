import { describe, expect, it } from 'vitest';
import { emptyScenario, withTaskIds } from './builderDoc';
import { addItem, deleteItem, newModule, renameItem } from './docOps';
import { connect } from './connect';
import { checkScenario } from './docCheck';
import type { Scenario } from '@engine';

const build = (): Scenario => {
  let s = emptyScenario();
  s = addItem(s, 'module').scenario; // M1
  s = addItem(s, 'module').scenario; // M2
  s = addItem(s, 'livepatch').scenario; // lp1
  s = addItem(s, 'task').scenario; // U1
  return s;
};

describe('addItem', () => {
  it('names items freshly per kind; the result is valid once the new task has a command', () => {
    const s = build();
    expect(s.modules.map((m) => m.name)).toEqual(['M1', 'M2']);
    expect(s.livepatches[0]).toEqual({ name: 'lp1', callbacks: 'print', objects: [{ name: 'vmlinux' }] });
    expect(s.tasks).toEqual([{ id: 'U1', commands: [] }]);
    expect(checkScenario(s)).toMatchObject({ ok: false, path: 'tasks[0].commands' });
    expect(checkScenario({ ...s, tasks: [{ id: 'U1', commands: ['lsmod'] }] })).toEqual({ ok: true });
    expect(addItem(s, 'module').ref).toEqual({ kind: 'module', name: 'M3' });
  });

  it('skips names taken by another kind or by a per-object module', () => {
    const s: Scenario = { ...emptyScenario(), livepatches: [{ name: 'M1', objects: [{ name: 'vmlinux' }] }] };
    expect(addItem(s, 'module').ref.name).toBe('M2');
  });
});

describe('renameItem', () => {
  it('renames a module with its patched objects and the commands that name it', () => {
    let s = build();
    s = connect(s, { kind: 'patch', patch: 'lp1' }, { kind: 'module', name: 'M1' });
    s = { ...s, tasks: [{ id: 'U1', commands: ['modprobe M1', 'insmod M1.ko', 'modprobe M10'] }] };
    const r = renameItem(s, { kind: 'module', name: 'M1' }, 'foo');
    if (!('scenario' in r)) throw new Error(r.error);
    expect(r.scenario.modules[0].name).toBe('foo');
    expect(r.scenario.livepatches[0].objects.map((o) => o.name)).toEqual(['vmlinux', 'foo']);
    expect(r.scenario.tasks[0].commands).toEqual(['modprobe foo', 'insmod foo.ko', 'modprobe M10']);
  });

  it('refuses bad and taken names', () => {
    const s = build();
    expect(renameItem(s, { kind: 'module', name: 'M1' }, 'a-b')).toEqual({ error: expect.stringMatching(/letters/) });
    expect(renameItem(s, { kind: 'module', name: 'M1' }, 'x'.repeat(56))).toHaveProperty('error');
    expect(renameItem(s, { kind: 'module', name: 'M1' }, 'lp1')).toEqual({ error: 'the name lp1 is taken' });
    expect(renameItem(s, { kind: 'task', name: 'U1' }, '1x')).toHaveProperty('error');
  });

  it('renames a patch in the sysfs paths of commands', () => {
    const s = { ...build(), tasks: [{ id: 'U1', commands: ['echo 0 > /sys/kernel/livepatch/lp1/enabled'] }] };
    const r = renameItem(s, { kind: 'livepatch', name: 'lp1' }, 'fix');
    expect('scenario' in r && r.scenario.tasks[0].commands[0]).toBe('echo 0 > /sys/kernel/livepatch/fix/enabled');
  });
});

describe('deleteItem', () => {
  it('removes a module, its symbols from importers and the objects that patch it', () => {
    let s = build();
    s = connect(s, { kind: 'module', name: 'M2' }, { kind: 'module', name: 'M1' });
    s = connect(s, { kind: 'patch', patch: 'lp1' }, { kind: 'module', name: 'M1' });
    s = connect(s, { kind: 'object', patch: 'lp1', object: 'M1' }, { kind: 'module', name: 'M1' });
    const d = deleteItem(s, { kind: 'module', name: 'M1' });
    expect(d.modules.map((m) => m.name)).toEqual(['M2']);
    expect(d.modules[0].imports).toBeUndefined();
    expect(d.livepatches[0].objects).toEqual([{ name: 'vmlinux' }]);
    expect(checkScenario({ ...d, tasks: [{ id: 'U1', commands: ['lsmod'] }] })).toEqual({ ok: true });
  });

  it('keeps an import that another item still exports', () => {
    let s = build();
    s = connect(s, { kind: 'module', name: 'M2' }, { kind: 'module', name: 'M1' });
    s = { ...s, modules: [...s.modules, { name: 'M3', exports: ['M1_fn'] }] };
    expect(deleteItem(s, { kind: 'module', name: 'M1' }).modules[0].imports).toEqual(['M1_fn']);
  });

  it("removes a patch's shared symbols from importers, and tasks by label", () => {
    let s = build();
    s = connect(s, { kind: 'module', name: 'M1' }, { kind: 'livepatch', patch: 'lp1' });
    expect(s.modules[0].imports).toEqual(['lp1_shared_cb']);
    const d = deleteItem(s, { kind: 'livepatch', name: 'lp1' });
    expect(d.livepatches).toEqual([]);
    expect(d.modules[0].imports).toBeUndefined();
    expect(deleteItem(d, { kind: 'task', name: 'U1' }).tasks).toEqual([]);
  });
});

describe('withTaskIds', () => {
  it('names tasks by their default label, leaving named ones', () => {
    const s = { ...emptyScenario(), tasks: [{ commands: [] }, { id: 'T', commands: [] }, { commands: [] }] };
    expect(withTaskIds(s).tasks.map((t) => t.id)).toEqual(['U1', 'T', 'U3']);
  });
});

describe('vmlinux stays the kernel (issue 8)', () => {
  it('no module may be renamed vmlinux, and deleting a module never takes a livepatch’s vmlinux object', () => {
    const s = { ...emptyScenario(), modules: [newModule('M1')], livepatches: [{ name: 'lp1', objects: [{ name: 'vmlinux' }, { name: 'M1' }] }] };
    expect(renameItem(s, { kind: 'module', name: 'M1' }, 'vmlinux')).toEqual({ error: 'vmlinux is the kernel itself, not a module' });
    const weird = { ...s, modules: [newModule('vmlinux')], livepatches: [{ name: 'lp1', objects: [{ name: 'vmlinux' }, { name: 'vmlinux' }] }] };
    expect(deleteItem(weird, { kind: 'module', name: 'vmlinux' }).livepatches[0].objects).toEqual([{ name: 'vmlinux' }]);
  });
});
