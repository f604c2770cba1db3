import { describe, expect, it } from 'vitest';
import { emptyScenario } from './builderDoc';
import { addItem } from './docOps';
import { canConnect, connect, sourceOf, targetOf } from './connect';
import type { Scenario } from '@engine';

const base = (): Scenario => {
  let s = emptyScenario();
  for (const k of ['module', 'module', 'livepatch'] as const) s = addItem(s, k).scenario;
  return s;
};

describe('connect', () => {
  it('module to module: the provider exports <name>_fn and the user imports it', () => {
    const s = connect(base(), { kind: 'module', name: 'M1' }, { kind: 'module', name: 'M2' });
    expect(s.modules[1].exports).toEqual(['M2_fn']);
    expect(s.modules[0].imports).toEqual(['M2_fn']);
    // Again: nothing doubles.
    expect(connect(s, { kind: 'module', name: 'M1' }, { kind: 'module', name: 'M2' })).toBe(s);
  });

  it("reuses the provider's first export", () => {
    const s0 = { ...base(), modules: [{ name: 'M1' }, { name: 'M2', exports: ['x', 'y'] }] };
    expect(connect(s0, { kind: 'module', name: 'M1' }, { kind: 'module', name: 'M2' }).modules[0].imports).toEqual(['x']);
  });

  it('livepatch header to module: the patch gets an object for it, once', () => {
    const s = connect(base(), { kind: 'patch', patch: 'lp1' }, { kind: 'module', name: 'M1' });
    expect(s.livepatches[0].objects).toEqual([{ name: 'vmlinux' }, { name: 'M1', funcs: ['M1_fn'] }]);
    expect(connect(s, { kind: 'patch', patch: 'lp1' }, { kind: 'module', name: 'M1' })).toBe(s);
  });

  it("object to its own patch: a type C symbol lp_shared_cb on the vmlinux object", () => {
    let s = connect(base(), { kind: 'patch', patch: 'lp1' }, { kind: 'module', name: 'M1' });
    s = connect(s, { kind: 'object', patch: 'lp1', object: 'M1' }, { kind: 'livepatch', patch: 'lp1' });
    expect(s.livepatches[0].objects).toEqual([
      { name: 'vmlinux', exports: ['lp1_shared_cb'] },
      { name: 'M1', funcs: ['M1_fn'], imports: ['lp1_shared_cb'] },
    ]);
  });

  it('refuses meaningless edges', () => {
    const s = base();
    expect(canConnect(s, { kind: 'module', name: 'M1' }, { kind: 'module', name: 'M1' })).toBe(false);
    expect(canConnect(s, { kind: 'object', patch: 'lp1', object: 'vmlinux' }, { kind: 'livepatch', patch: 'lp1' })).toBe(false);
    expect(canConnect(s, { kind: 'patch', patch: 'lp1' }, { kind: 'livepatch', patch: 'lp1' })).toBe(false);
    expect(canConnect(s, { kind: 'module', name: 'M1' }, { kind: 'module', name: 'nope' })).toBe(false);
    expect(connect(s, { kind: 'module', name: 'M1' }, { kind: 'module', name: 'M1' })).toBe(s);
  });

  it('reads canvas node and handle ids', () => {
    expect(sourceOf('module:M1', 'out')).toEqual({ kind: 'module', name: 'M1' });
    expect(sourceOf('livepatch:lp1', 'patch')).toEqual({ kind: 'patch', patch: 'lp1' });
    expect(sourceOf('livepatch:lp1', 'obj:M1')).toEqual({ kind: 'object', patch: 'lp1', object: 'M1' });
    expect(sourceOf('task:U1', null)).toBeNull();
    expect(targetOf('livepatch:lp1')).toEqual({ kind: 'livepatch', patch: 'lp1' });
    expect(targetOf('vmlinux')).toBeNull();
  });
});
