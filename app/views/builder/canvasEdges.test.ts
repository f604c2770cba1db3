import { describe, expect, it } from 'vitest';
import { getPreset } from '@engine';
import { emptyScenario } from './builderDoc';
import { addItem } from './docOps';
import { connect } from './connect';
import { canvasEdges } from './canvasEdges';

describe('canvasEdges', () => {
  it('draws the type C preset as the engine classifies it, per variant', () => {
    const s = getPreset('P10')!.scenario;
    const split = canvasEdges(s, 'split', true);
    expect(split.find((e) => e.depType === 'C')).toMatchObject({ source: 'livepatch:lp', sourceHandle: 'obj:M', target: 'livepatch:lp', label: 'C: lp_shared_cb' });
    // Upstream has no per-object module: the single lp module uses its own export, no C edge.
    expect(canvasEdges(s, 'upstream', true).some((e) => e.depType === 'C')).toBe(false);
  });

  it('types A (vmlinux), B (patched module), D (other module), plain, and patches', () => {
    let s = emptyScenario();
    for (const k of ['module', 'module', 'livepatch'] as const) s = addItem(s, k).scenario;
    s = connect(s, { kind: 'module', name: 'M2' }, { kind: 'module', name: 'M1' });
    s = connect(s, { kind: 'patch', patch: 'lp1' }, { kind: 'module', name: 'M1' });
    s = connect(s, { kind: 'patch', patch: 'lp1' }, { kind: 'module', name: 'M2' });
    s = connect(s, { kind: 'object', patch: 'lp1', object: 'M1' }, { kind: 'module', name: 'M1' });
    s = connect(s, { kind: 'object', patch: 'lp1', object: 'M1' }, { kind: 'module', name: 'M2' });
    s = { ...s, livepatches: [{ ...s.livepatches[0], objects: s.livepatches[0].objects.map((o, i) => (i === 0 ? { ...o, imports: ['printk'] } : o)) }] };
    const byType = Object.fromEntries(canvasEdges(s, 'split', true).map((e) => [e.depType, e]));
    expect(byType.plain).toMatchObject({ source: 'module:M2', target: 'module:M1', label: 'M1_fn' });
    expect(byType.B).toMatchObject({ sourceHandle: 'obj:M1', target: 'module:M1' });
    expect(byType.D).toMatchObject({ sourceHandle: 'obj:M1', target: 'module:M2' });
    expect(byType.A).toMatchObject({ sourceHandle: 'obj:vmlinux', target: 'vmlinux', label: 'A: printk' });
    // M2's object only patches: a dashed edge; M1's object has its B edge instead.
    expect(byType.patches).toMatchObject({ sourceHandle: 'obj:M2', target: 'module:M2' });
  });

  it('still draws an invalid document, unclassified', () => {
    const s = { ...emptyScenario(), title: '', modules: [{ name: 'a', imports: ['b_fn'] }, { name: 'b', exports: ['b_fn'] }] };
    expect(canvasEdges(s, 'split', false)).toEqual([
      { id: 'module:a/out->module:b', source: 'module:a', sourceHandle: 'out', target: 'module:b', depType: null, symbols: ['b_fn'], label: 'b_fn' },
    ]);
  });
});
