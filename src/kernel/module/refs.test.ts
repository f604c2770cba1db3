/**
 * References and usage links (kernel/module.c: module_unload_init, ref_module,
 * strong_try_module_get, module_unload_free).
 */
import { describe, expect, it } from 'vitest';
import { bareCtx, out, perTest, runIn, scn } from '../../test/helpers';
import { ref_module, strong_try_module_get, try_module_get } from './refs';
import type { Trace } from '../../model/trace';
import { module_refcount } from '../../rules/refcount';
import type { ModuleInstance } from '../../model/world';
import { PRESETS } from '../../presets/index';

/** A real module instance (from a run), put into `state` with raw `refcnt`. */
/** What resolve_symbol_wait()'s steps said about references, in order. */
const refNotes = (t: Trace): string[] =>
  t.steps.filter((x) => x.fn === 'resolve_symbol_wait' && (x.text.startsWith('ref_module(') || x.text.startsWith('strong_try_module_get('))).map((x) => x.text);

const inst = (state: ModuleInstance['state'], refcnt = 1): ModuleInstance => {
  const m = structuredClone(runIn('upstream', scn({ modules: [{ name: 'm' }], tasks: [{ commands: ['modprobe m'] }] })).final.modules[0]);
  return { ...m, state, refcnt };
};

describe('refcnt as /sys/module/NAME/refcnt shows it (module_refcount = refcnt - 1)', () => {
  it('1 while init runs (the init reference), 0 once LIVE', () => {
    const t = runIn(
      'upstream',
      scn({
        modules: [{ name: 'slow', init: [{ sleep: 10 }] }],
        tasks: [
          { id: 'T1', commands: ['modprobe slow', 'cat /sys/module/slow/refcnt'] },
          { id: 'T2', start: 1, commands: ['cat /sys/module/slow/refcnt', 'cat /sys/module/slow/initstate'] },
        ],
      }),
    );
    expect(out(t)).toEqual(['1', 'coming', '0']);
  });

  it('each user holds one reference and one usage link; lsmod "Used by" lists them', () => {
    const t = runIn(
      'upstream',
      scn({
        modules: [{ name: 'core', exports: ['core_fn'] }, { name: 'drv', imports: ['core_fn'] }, { name: 'drv2', imports: ['core_fn'] }],
        tasks: [{ commands: ['modprobe drv', 'modprobe drv2', 'cat /sys/module/core/refcnt', 'cat /sys/module/core/holders', 'lsmod'] }],
      }),
    );
    const o = out(t);
    expect(o.slice(0, 2)).toEqual(['2', 'drv2 drv']);
    expect(o).toContain(`${'core'.padEnd(19)}    16384  2 drv2,drv`);
  });

  it('freeing a user drops its reference and its usage link (module_unload_free)', () => {
    const t = runIn(
      'upstream',
      scn({
        modules: [{ name: 'core', exports: ['core_fn'] }, { name: 'drv', imports: ['core_fn'] }],
        tasks: [{ commands: ['modprobe drv', 'rmmod drv', 'cat /sys/module/core/refcnt', 'cat /sys/module/core/holders'] }],
      }),
    );
    expect(out(t)).toEqual(['0', '']);
  });

  it('a livepatch module is pinned by its own patch (klp_init_patch_early: try_module_get) until freed', () => {
    const P05 = PRESETS.find((p) => p.id === 'P05')!;
    const s = { ...P05.scenario, tasks: [{ commands: ['modprobe lp', 'cat /sys/module/lp/refcnt', 'echo 0 > /sys/kernel/livepatch/lp/enabled', 'sleep 1', 'cat /sys/module/lp/refcnt'] }] };
    for (const v of ['upstream', 'split', 'split-poc19'] as const) expect(out(runIn(v, s))).toEqual(['1', '0']);
  });
});

describe('strong_try_module_get() / try_module_get()', () => {
  it('refuses a COMING module with -EBUSY (its init may still fail)', () => {
    const m = inst('MODULE_STATE_COMING');
    expect(strong_try_module_get(m)).toBe(-16);
    expect(m.refcnt).toBe(1);
  });

  it('refuses a GOING module with -ENOENT', () => {
    expect(strong_try_module_get(inst('MODULE_STATE_GOING'))).toBe(-2);
  });

  it('takes a reference on a LIVE module', () => {
    const m = inst('MODULE_STATE_LIVE');
    expect(strong_try_module_get(m)).toBe(0);
    expect(module_refcount(m)).toBe(1);
  });

  it('try_module_get works on a COMING module (livepatch pins itself during init), not on a GOING one', () => {
    const coming = inst('MODULE_STATE_COMING', 2);
    expect(try_module_get(coming)).toBe(true);
    expect(coming.refcnt).toBe(3);
    expect(try_module_get(inst('MODULE_STATE_GOING'))).toBe(false);
  });
});

describe('ref_module(): POC 19 hunk 2 — livepatch modules take no references', () => {
  const s = scn({
    modules: [{ name: 'X', exports: ['x_fn'] }],
    livepatches: [{ name: 'lp', objects: [{ name: 'vmlinux', imports: ['x_fn'], funcs: ['cmdline_proc_show'] }] }],
    tasks: [{ commands: ['modprobe lp', 'cat /sys/module/X/refcnt', 'cat /sys/module/X/holders'] }],
  });

  it('without it (upstream, split, split-break-only) lp holds X', () => {
    for (const v of ['upstream', 'split', 'split-break-only'] as const) expect(out(runIn(v, s))).toEqual(['1', 'lp']);
  });

  it('with it (split-poc19, split-norefs-only) X is not pinned', () => {
    for (const v of ['split-poc19', 'split-norefs-only'] as const) {
      const t = runIn(v, s);
      expect(out(t)).toEqual(['0', '']);
      expect(refNotes(t)).toEqual(['ref_module(lp, X): livepatch module, no reference taken (POC 19/23); resolve_symbol_wait() = 0']);
    }
  });

  it('ref_module(a, NULL), a symbol of vmlinux, takes nothing; with 19/23 a livepatch module says so', () => {
    for (const v of ['upstream', 'split-poc19'] as const) {
      const { k, w } = bareCtx(scn({ tasks: [{ commands: [] }] }), v);
      const lp = { ...inst('MODULE_STATE_UNFORMED', 2), name: 'lp', klp: true };
      w.modules.push(lp);
      expect(ref_module(k, lp, null)).toBe(0);
      expect([lp.refcnt, lp.uses]).toEqual([2, []]);
      expect(k.rec.text).toBe(v === 'upstream' ? '' : 'ref_module(lp, vmlinux): livepatch module, no reference taken (POC 19/23)');
    }
  });
});

describe('ref_module() and module_unload_free(): one reference per (user, used) pair', () => {
  const t = perTest(() =>
    runIn(
      'upstream',
      scn({
        modules: [{ name: 'core', exports: ['c1', 'c2'] }, { name: 'drv', imports: ['c1', 'c2'] }, { name: 'drv2', imports: ['c2'] }],
        tasks: [
          {
            commands: ['modprobe drv', 'modprobe drv2', 'cat /sys/module/core/refcnt', 'cat /sys/module/core/holders', 'rmmod drv', 'cat /sys/module/core/refcnt', 'cat /sys/module/core/holders'],
          },
        ],
      }),
      { maxSteps: 500 },
    ),
  );

  it('a module importing two symbols of core takes one reference (already_uses()), and core lists it once', () => {
    expect(refNotes(t())).toEqual([
      'ref_module(drv, core): core is now used by drv; resolve_symbol_wait() = 0',
      'ref_module(drv2, core): core is now used by drv2; resolve_symbol_wait() = 0',
    ]);
    expect(out(t()).slice(0, 2)).toEqual(['2', 'drv2 drv']);
  });

  it('freeing drv drops only its own reference and usage link: drv2 still holds core', () => {
    expect(out(t()).slice(2)).toEqual(['1', 'drv2']);
    expect(t().final.modules.find((m) => m.name === 'core')).toMatchObject({ refcnt: 2, holders: ['drv2'] });
  });

  it('a COMING exporter: strong_try_module_get() refuses with -EBUSY and the importer waits, then takes its reference', () => {
    const w = runIn(
      'upstream',
      scn({
        modules: [{ name: 'slow', exports: ['s1'], init: [{ sleep: 5 }] }, { name: 'u', imports: ['s1'] }],
        tasks: [{ commands: ['modprobe slow'] }, { start: 1, commands: ['insmod u.ko', 'cat /sys/module/slow/holders'] }],
      }),
      { maxSteps: 300 },
    );
    expect(refNotes(w)).toEqual(['strong_try_module_get(slow) = -16 (MODULE_STATE_COMING)', 'ref_module(u, slow): slow is now used by u; resolve_symbol_wait() = 0']);
    expect(out(w)).toEqual(['u']);
  });
});
