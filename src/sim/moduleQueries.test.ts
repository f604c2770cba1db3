import { describe, expect, it } from 'vitest';
import { perTest } from '../test/helpers';
import { getPreset } from '../presets/index';
import { run } from '../test/run';
import { worldAt } from '../engine/replay';
import { moduleInstances, moduleWaiters } from './moduleQueries';

describe('questions about one module of a world', () => {
  // P08 (type B) in the split POC: U1 loads M, whose klp_module_coming() makes H1 load lp__M,
  // which needs M: H1 waits in add_unformed_module() for U1's COMING M.
  const t = perTest(() => run(getPreset('P08')!.scenario, { variant: 'split' }));
  const w = perTest(() => t().final);

  it("names each instance, its state, its loader and its refcount", () => {
    expect(moduleInstances(w(), 'M')).toEqual([{ key: 'M#1', state: 'MODULE_STATE_COMING', owner: 'U1', refcnt: 1 }]);
    expect(moduleInstances(w(), 'nope')).toEqual([]);
  });

  it('names who sleeps on the module and where', () => {
    expect(moduleWaiters(w(), 'M').map(({ task, fn }) => ({ task, fn }))).toEqual([{ task: 'H1', fn: 'add_unformed_module' }]);
    expect(moduleWaiters(w(), 'lp')).toEqual([]);
    expect(moduleWaiters(worldAt(t(), 0), 'M')).toEqual([]);
  });
});

describe('every module at once', () => {
  it('agrees with the one-module questions', async () => {
    const { instancesByName, waitersByName } = await import('./moduleQueries');
    const t = run(getPreset('P10')!.scenario, { variant: 'split' });
    for (const i of [0, 30, 60, t.steps.length - 1]) {
      const w = worldAt(t, i);
      const all = instancesByName(w);
      const waiting = waitersByName(w);
      for (const name of ['M', 'lp', 'lp__M']) {
        expect(all.get(name) ?? []).toEqual(moduleInstances(w, name));
        expect(waiting.get(name) ?? []).toEqual(moduleWaiters(w, name));
      }
    }
  });
});
