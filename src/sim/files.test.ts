/**
 * /proc/modules as kernel/module.c m_show() prints it: "name size refcount users state address",
 * then module_flags() only for a tainted module: a livepatch module carries TAINT_LIVEPATCH (K),
 * with '+' while COMING and '-' while GOING.
 */
import { describe, expect, it } from 'vitest';
import { bareCtx, scn } from '../test/helpers';
import type { ModuleInstance, ModuleState } from '../model/world';
import { procModules } from './files';

function withModules(...mods: [name: string, state: ModuleState, klp: boolean][]): string {
  const { w } = bareCtx(scn({ tasks: [{ commands: [] }] }));
  w.modules = mods.map(
    ([name, state, klp], i): ModuleInstance => ({
      id: i + 1,
      inst: 1,
      name,
      state,
      refcnt: 1,
      holders: [],
      uses: [],
      klp,
      klpAlive: false,
      owner: 0,
      sysfs: true,
      params: {},
      permanent: false,
      work: null,
    }),
  );
  return procModules(w);
}

describe('/proc/modules', () => {
  it('a livepatch module shows (K), (K+) while COMING and (K-) while GOING', () => {
    expect(withModules(['lp', 'MODULE_STATE_LIVE', true])).toBe('lp 16384 0 - Live 0x0000000000000000 (K)');
    expect(withModules(['lp', 'MODULE_STATE_COMING', true])).toBe('lp 16384 0 - Loading 0x0000000000000000 (K+)');
    expect(withModules(['lp', 'MODULE_STATE_GOING', true])).toBe('lp 16384 0 - Unloading 0x0000000000000000 (K-)');
  });

  it('an untainted module has no flags in any state, and UNFORMED modules are not listed', () => {
    expect(
      withModules(['a', 'MODULE_STATE_GOING', false], ['b', 'MODULE_STATE_COMING', false], ['c', 'MODULE_STATE_UNFORMED', false]).split('\n'),
    ).toEqual(['a 16384 0 - Unloading 0x0000000000000000', 'b 16384 0 - Loading 0x0000000000000000']);
  });
});
