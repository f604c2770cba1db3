import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseModuleGraph, validateModuleGraph } from './format';
import { CHAIN, smallGraph } from '../test/kernelGraphs';

const good = () => JSON.parse(JSON.stringify(smallGraph(CHAIN)));
const problem = (v: unknown) => {
  try {
    validateModuleGraph(v);
    return 'valid';
  } catch (e) {
    return (e as Error).message;
  }
};

describe('validateModuleGraph', () => {
  it('accepts the shipped Debian graph and a built one', () => {
    const text = readFileSync(new URL('../../public/data/debian-6.1.0-47-cloud-amd64.modules.json', import.meta.url), 'utf8');
    expect(Object.keys(parseModuleGraph(text).modules)).toHaveLength(1121);
    expect(problem(good())).toBe('valid');
  });

  it('names the field and the reason of each problem', () => {
    expect(problem([])).toMatch(/^a module graph must be a JSON object/);
    expect(problem({ kernel: 'x' })).toMatch(/^modules: must map module names/);
    expect(problem({ modules: {} })).toBe('modules: is empty: a graph needs at least one module');
    const g1 = good();
    g1.modules.top.depends.push('nope');
    expect(problem(g1)).toBe("modules.top.depends[2]: 'nope' is not a module of this graph");
    const g2 = good();
    g2.modules.mid.imports.core.push('core_nothing');
    expect(problem(g2)).toBe("modules.mid.imports.core[1]: 'core_nothing' is not exported by core");
    const g3 = good();
    g3.modules.side.depends = [];
    expect(problem(g3)).toBe('modules.side.imports.core: side imports from core, so core must be in its depends (modules.dep)');
    const g4 = good();
    g4.modules['bad-name'] = g4.modules.lone;
    expect(problem(g4)).toMatch(/^modules.bad-name: a module name is/);
    const g5 = good();
    g5.modules.lone.exports = [42];
    expect(problem(g5)).toBe('modules.lone.exports[0]: 42 is not a valid symbol');
    const g6 = good();
    g6.modules.lone.depends = ['lone'];
    expect(problem(g6)).toBe('modules.lone.depends[0]: a module cannot depend on itself');
  });

  it('reports JSON syntax errors as graph errors', () => {
    expect(() => parseModuleGraph('{"modules": ')).toThrow(/^not JSON: /);
  });
});
