import { describe, expect, it } from 'vitest';
import { buildExporters, buildModuleFiles, depmod } from './env';
import { perObjectModuleName } from '../rules/names';
import { VARIANTS } from '../model/variant';
import { makeEnv } from '../engine/run';
import { scn, sh, runIn, out } from '../test/helpers';
import type { LivepatchSpec } from '../model/scenario';

/** lp patches vmlinux and two modules; each object imports and exports something. */
const lp: LivepatchSpec = {
  name: 'lp',
  objects: [
    { name: 'vmlinux', funcs: ['cmdline_proc_show'], exports: ['lp_shared_cb'], imports: ['printk'] },
    { name: 'A', funcs: ['a_fn'], imports: ['a_fn', 'lp_shared_cb'], exports: ['lpa_fn'] },
    { name: 'B', funcs: ['b_fn'], imports: ['lpa_fn', 'x_fn'], initDelay: 5 },
  ],
};
const s = scn({
  modules: [
    { name: 'A', exports: ['a_fn'], init: [{ print: 'hi' }] },
    { name: 'B', imports: ['a_fn'], exit: null },
    { name: 'X', exports: ['x_fn'], model: 'test_klp_callbacks_busy' },
  ],
  livepatches: [lp],
  tasks: [],
});

describe('buildModuleFiles: upstream has one livepatch module per patch', () => {
  const files = buildModuleFiles(s, VARIANTS.upstream);

  it('no per-object modules', () => {
    expect(Object.keys(files).sort()).toEqual(['A', 'B', 'X', 'lp']);
  });

  it('exports are the union of all objects; imports the union minus its own exports', () => {
    expect(files.lp.exports).toEqual(['lp_shared_cb', 'lpa_fn']);
    expect(files.lp.imports).toEqual(['printk', 'a_fn', 'x_fn']);
  });

  it('init calls klp_enable_patch(); MODULE_INFO(livepatch, Y) for the vmlinux object', () => {
    expect(files.lp.init).toEqual({ kind: 'klp_enable_patch', patch: 'lp' });
    expect(files.lp.livepatch).toEqual({ patch: 'lp', object: 'vmlinux' });
  });
});

describe('buildModuleFiles: split POC has <patch>__<obj> modules (two underscores, POC 03/08)', () => {
  const files = buildModuleFiles(s, VARIANTS.split);

  it('a main module plus one per-object module per patched module', () => {
    expect(Object.keys(files).sort()).toEqual(['A', 'B', 'X', 'lp', 'lp__A', 'lp__B']);
    expect(perObjectModuleName('livepatch_shadow_fix1', 'livepatch_shadow_mod')).toBe('livepatch_shadow_fix1__livepatch_shadow_mod');
  });

  it('the main module carries only the vmlinux object', () => {
    expect(files.lp).toMatchObject({
      exports: ['lp_shared_cb'],
      imports: ['printk'],
      init: { kind: 'klp_enable_patch', patch: 'lp' },
      livepatch: { patch: 'lp', object: 'vmlinux' },
    });
  });

  it('per-object modules: init is klp_add_object(), own imports and exports', () => {
    expect(files.lp__A).toMatchObject({
      exports: ['lpa_fn'],
      imports: ['a_fn', 'lp_shared_cb'],
      init: { kind: 'klp_add_object', patch: 'lp', object: 'A', delay: 0 },
      livepatch: { patch: 'lp', object: 'A' },
    });
    expect(files.lp__B.init).toEqual({ kind: 'klp_add_object', patch: 'lp', object: 'B', delay: 5 });
  });

  it('the same for the POC 19 variants', () => {
    expect(Object.keys(buildModuleFiles(s, VARIANTS['split-poc19'])).sort()).toEqual(Object.keys(files).sort());
  });
});

describe('buildModuleFiles: ordinary modules', () => {
  const files = buildModuleFiles(s, VARIANTS.upstream);
  it('scripted init, model init, exit absent vs no exit function', () => {
    expect(files.A.init).toEqual({ kind: 'ops', ops: [{ print: 'hi' }] });
    expect(files.B.init).toEqual({ kind: 'ops', ops: [] });
    expect(files.X.init).toEqual({ kind: 'model' });
    expect(files.X.model).toBe('test_klp_callbacks_busy');
    expect(files.A.exit).toEqual([]);
    expect(files.B.exit).toBeNull();
    expect(files.A.livepatch).toBeNull();
  });
});

describe('depmod: modules.dep in load order, deepest first', () => {
  it('a chain: drv -> mid -> core gives [core, mid]', () => {
    const files = buildModuleFiles(
      scn({
        modules: [
          { name: 'drv', imports: ['mid_fn'] },
          { name: 'mid', imports: ['core_fn'], exports: ['mid_fn'] },
          { name: 'core', exports: ['core_fn'] },
        ],
        tasks: [],
      }),
      VARIANTS.upstream,
    );
    const { deps, errors } = depmod(files, buildExporters(files));
    expect(errors).toEqual([]);
    expect(deps.all()).toEqual({ drv: ['core', 'mid'], mid: ['core'], core: [] });
  });

  it('a diamond lists the shared base once, before both users', () => {
    const files = buildModuleFiles(
      scn({
        modules: [
          { name: 'top', imports: ['l_fn', 'r_fn'] },
          { name: 'l', imports: ['base_fn'], exports: ['l_fn'] },
          { name: 'r', imports: ['base_fn'], exports: ['r_fn'] },
          { name: 'base', exports: ['base_fn'] },
        ],
        tasks: [],
      }),
      VARIANTS.upstream,
    );
    expect(depmod(files, buildExporters(files)).deps.get('top')).toEqual(['base', 'l', 'r']);
  });

  it('symbols nobody exports are vmlinux: no dependency', () => {
    const files = buildModuleFiles(scn({ modules: [{ name: 'm', imports: ['printk', 'kmalloc'] }], tasks: [] }), VARIANTS.upstream);
    expect(depmod(files, buildExporters(files)).deps.all()).toEqual({ m: [] });
  });

  it('split type C: lp__M depends on the main module lp', () => {
    const env = makeEnv(
      scn({
        modules: [{ name: 'M', exports: ['m_fn'] }],
        livepatches: [{ name: 'lp', objects: [{ name: 'vmlinux', exports: ['lp_shared_cb'] }, { name: 'M', imports: ['lp_shared_cb'] }] }],
        tasks: [],
      }),
      { variant: 'split' },
    );
    expect(env.deps.get('lp__M')).toEqual(['lp']);
    expect(env.deps.get('lp')).toEqual([]);
  });

  it('split type D: lp__A -> B -> A, no cycle for depmod', () => {
    const env = makeEnv(
      scn({
        modules: [{ name: 'A', exports: ['a_fn'] }, { name: 'B', imports: ['a_fn'], exports: ['b_fn'] }],
        livepatches: [{ name: 'lp', objects: [{ name: 'vmlinux' }, { name: 'A', imports: ['b_fn'] }] }],
        tasks: [],
      }),
      { variant: 'split' },
    );
    expect(env.deps.get('lp__A')).toEqual(['A', 'B']);
    expect(env.depmodErrors).toEqual([]);
  });
});

describe('depmod: symbol-dependency cycles', () => {
  const cyc = scn({
    modules: [
      { name: 'a', exports: ['a_fn'], imports: ['b_fn'] },
      { name: 'b', exports: ['b_fn'], imports: ['a_fn'] },
      { name: 'ok', exports: ['ok_fn'] },
    ],
    tasks: [sh('modprobe a', 'modprobe b', 'modprobe ok')],
  });

  it('prints kmod depmod\'s two error lines, once per cycle', () => {
    const env = makeEnv(cyc, { variant: 'upstream' });
    expect(env.depmodErrors).toEqual(['depmod: ERROR: Cycle detected: a -> b -> a', 'depmod: ERROR: Found 2 modules in dependency cycles!']);
  });

  it('modules in the cycle get no modules.dep line; the others keep theirs', () => {
    const env = makeEnv(cyc, { variant: 'upstream' });
    expect(env.deps.all()).toEqual({ ok: [] });
  });

  it('a three-module cycle', () => {
    const files = buildModuleFiles(
      scn({
        modules: [
          { name: 'x', exports: ['x_fn'], imports: ['y_fn'] },
          { name: 'y', exports: ['y_fn'], imports: ['z_fn'] },
          { name: 'z', exports: ['z_fn'], imports: ['x_fn'] },
        ],
        tasks: [],
      }),
      VARIANTS.upstream,
    );
    expect(depmod(files, buildExporters(files)).errors).toEqual([
      'depmod: ERROR: Cycle detected: x -> y -> z -> x',
      'depmod: ERROR: Found 3 modules in dependency cycles!',
    ]);
  });

  it('modprobe of a module in a cycle: FATAL not found; the trace carries the depmod errors', () => {
    const t = runIn('upstream', cyc);
    expect(out(t)).toEqual([
      'modprobe: FATAL: Module a not found in directory /lib/modules/5.5.0',
      'modprobe: FATAL: Module b not found in directory /lib/modules/5.5.0',
    ]);
    expect(t.final.failures.map((f) => [f.command, f.exit])).toEqual([
      ['modprobe a', 1],
      ['modprobe b', 1],
    ]);
    expect(t.depmodErrors).toHaveLength(2);
  });
});

describe('depmod on big inputs (issue 8)', () => {
  const chain = (n: number) =>
    buildModuleFiles(scn({ modules: Array.from({ length: n }, (_, i) => ({ name: `m${i}`, exports: [`f${i}`], imports: i ? [`f${i - 1}`] : [] })), tasks: [] }), VARIANTS.upstream);

  it('a chain of 20000 modules fits the JavaScript stack, and lines are built only when read', () => {
    const files = chain(20_000);
    const { deps, errors } = depmod(files, buildExporters(files));
    expect(errors).toEqual([]);
    expect(deps.has('m19999')).toBe(true);
    const line = deps.get('m19999')!;
    expect(line).toHaveLength(19_999);
    expect(line.slice(0, 2)).toEqual(['m0', 'm1']);
    expect(line.at(-1)).toBe('m19998');
    expect(deps.get('m19999')).toBe(line);
  });

  it('a cycle at the bottom of a long chain takes every module above it off modules.dep', () => {
    const files = chain(5000);
    files.m0.imports = ['f4999'];
    const { deps, errors } = depmod(files, buildExporters(files));
    expect(errors[1]).toBe('depmod: ERROR: Found 5000 modules in dependency cycles!');
    expect(deps.has('m2500')).toBe(false);
  });

  it('symbols named like Object.prototype keys are symbols like any other', () => {
    const files = buildModuleFiles(scn({ modules: [{ name: 'toString', exports: ['constructor', '__proto__'] }, { name: 'valueOf', imports: ['__proto__', 'hasOwnProperty'] }], tasks: [] }), VARIANTS.upstream);
    const ex = buildExporters(files);
    expect(ex.constructor).toEqual(['toString']);
    expect(Object.keys(ex).sort()).toEqual(['__proto__', 'constructor']);
    expect(depmod(files, ex).deps.get('valueOf')).toEqual(['toString']);
    expect(depmod(files, ex).deps.get('hasOwnProperty')).toBeUndefined();
  });
});
