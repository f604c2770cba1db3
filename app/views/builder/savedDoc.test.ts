import { describe, expect, it } from 'vitest';
import { emptyScenario } from './builderDoc';
import { loadSaved, parseSaved, serializeDoc } from './savedDoc';
import { drawableProblem } from './drawable';
import { placeMissing } from './defaultPosition';
import { checkScenario, commandError, nodeOfPath } from './docCheck';

describe('savedDoc', () => {
  it('round-trips a document with its positions, even an invalid one', () => {
    const scenario = { ...emptyScenario(), tasks: [{ id: 'U1', commands: ['frobnicate'] }] };
    const d = { scenario, positions: { 'task:U1': { x: 1, y: 2 } } };
    expect(parseSaved(serializeDoc(d))).toEqual(d);
  });

  it('refuses what it could not draw, and drops bad positions', () => {
    for (const bad of [null, '', '{', '[]', '{"v":2}', JSON.stringify({ v: 1, scenario: { modules: [{}], livepatches: [], tasks: [] } })]) {
      expect(parseSaved(bad), String(bad)).toBeNull();
    }
    const text = JSON.stringify({ v: 1, scenario: emptyScenario(), positions: { a: { x: 'no', y: 1 }, b: { x: 3, y: 4 } } });
    expect(parseSaved(text)?.positions).toEqual({ b: { x: 3, y: 4 } });
  });
});

describe('placeMissing', () => {
  it('stacks new items of a kind in their column, keeping known positions', () => {
    const p = placeMissing(
      [
        { id: 'module:M1', kind: 'module' },
        { id: 'module:M2', kind: 'module' },
        { id: 'task:U1', kind: 'task' },
      ],
      { 'module:M1': { x: 420, y: 40 } },
    );
    expect(p['module:M1']).toEqual({ x: 420, y: 40 });
    expect(p['module:M2']).toEqual({ x: 420, y: 190 });
    expect(p['task:U1']).toEqual({ x: 760, y: 40 });
  });
});

describe('commandError', () => {
  it("is the parser's message, or null", () => {
    expect(commandError('modprobe M1')).toBeNull();
    expect(commandError('insmod M1')).toBe("insmod: expected a file name ending in '.ko'");
  });
});

describe('checkScenario', () => {
  it("names the first problem's path and the node it is in", () => {
    const s = { ...emptyScenario(), tasks: [{ id: 'U1', commands: ['modprobe M1', 'insmod M1'] }] };
    const c = checkScenario(s);
    expect(c).toEqual({ ok: false, path: 'tasks[0].commands[1]', problem: "insmod: expected a file name ending in '.ko'" });
    expect(nodeOfPath(s, 'tasks[0].commands[1]')).toBe('task:U1');
    expect(nodeOfPath(s, 'title')).toBeNull();
  });
});

describe('loadSaved: an unreadable autosave is reported and kept, never dropped (issue 8)', () => {
  it('not JSON: the raw text and why, nothing to repair', () => {
    const r = loadSaved('{"v":1,"scen');
    expect(r.kind).toBe('unreadable');
    if (r.kind !== 'unreadable') return;
    expect(r.save.raw).toBe('{"v":1,"scen');
    expect(r.save.problem).toMatch(/^it is not JSON/);
    expect(r.save.repair).toBeNull();
  });

  it('another format version is named', () => {
    const r = loadSaved('{"v":2}');
    expect(r.kind === 'unreadable' && r.save.problem).toBe('it is format version 2, this page reads version 1');
  });

  it('wrong types: the field is named, and the repair keeps the rest', () => {
    const text = JSON.stringify({
      v: 1,
      scenario: { ...emptyScenario(), modules: [{ name: 'M1', exports: 5 }, { name: 'M2', exports: ['m2_fn', 3] }], livepatches: [{ name: 'lp1', objects: [] }], tasks: [{ id: 'U1', commands: ['modprobe M1', 7] }] },
      positions: { 'module:M1': { x: 1, y: 2 } },
    });
    const r = loadSaved(text);
    expect(r.kind).toBe('unreadable');
    if (r.kind !== 'unreadable') return;
    expect(r.save.problem).toBe('scenario.modules[0].exports: must be a list of strings');
    const repaired = r.save.repair!;
    expect(repaired.scenario.modules).toEqual([{ name: 'M1' }, { name: 'M2', exports: ['m2_fn'] }]);
    expect(repaired.scenario.livepatches).toEqual([{ name: 'lp1', objects: [{ name: 'vmlinux' }] }]);
    expect(repaired.scenario.tasks).toEqual([{ id: 'U1', commands: ['modprobe M1'] }]);
    expect(repaired.positions).toEqual({ 'module:M1': { x: 1, y: 2 } });
    expect(repaired.changes).toEqual([
      'modules[0].exports left out: not a list',
      'modules[1].exports: 1 entry left out: not strings',
      'livepatches[0]: the vmlinux object added (a livepatch always has it)',
      'tasks[0].commands: 1 entry left out: not strings',
    ]);
    expect(drawableProblem(repaired.scenario)).toBeNull();
  });

  it('a livepatch without objects (what renaming a module to vmlinux then deleting it once saved) is unreadable but repairable', () => {
    const r = loadSaved(JSON.stringify({ v: 1, scenario: { ...emptyScenario(), livepatches: [{ name: 'lp1', callbacks: 'print', objects: [] }] }, positions: {} }));
    expect(r.kind === 'unreadable' && r.save.problem).toBe('scenario.livepatches[0].objects: must list the vmlinux object first');
  });

  it('a drawable save loads as it is, even when validation would refuse it', () => {
    const scenario = { ...emptyScenario(), modules: [{ name: 'bad name!' }] };
    expect(loadSaved(serializeDoc({ scenario, positions: {} }))).toEqual({ kind: 'ok', doc: { scenario, positions: {} } });
  });
});
