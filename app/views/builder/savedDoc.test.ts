import { describe, expect, it } from 'vitest';
import { emptyScenario } from './builderDoc';
import { parseSaved, serializeDoc } from './savedDoc';
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
