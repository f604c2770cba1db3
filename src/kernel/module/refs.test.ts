/**
 * References and usage links (kernel/module.c: module_unload_init, ref_module,
 * strong_try_module_get, module_unload_free).
 */
import { describe, expect, it } from 'vitest';
import { out, runIn, scn } from '../../test/helpers';
import { strong_try_module_get, try_module_get } from './refs';
import { module_refcount } from '../../rules/refcount';
import type { ModuleInstance } from '../../model/world';
import { PRESETS } from '../../presets/index';

/** A real module instance (from a run), put into `state` with raw `refcnt`. */
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
    for (const v of ['split-poc19', 'split-norefs-only'] as const) expect(out(runIn(v, s))).toEqual(['0', '']);
  });
});
