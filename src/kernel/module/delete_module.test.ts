/**
 * delete_module(2) and try_stop_module() (kernel/module.c v5.5), and the split POC's
 * module_put_and_delete() (POC 01): which removals the kernel refuses, with which errno, and what
 * a forced one (`rmmod -f`, O_TRUNC) does.
 */
import { describe, expect, it } from 'vitest';
import { bareCtx, dmesg, out, perTest, runIn, scn } from '../../test/helpers';
import type { Trace } from '../../model/trace';
import type { ModuleInstance } from '../../model/world';
import { delete_module, module_put_and_delete } from './delete_module';

/** The text of the step that ran delete_module(name)'s checks: the one after rmmod's call. */
function deleteStep(t: Trace, name: string): string {
  const i = t.steps.findIndex((s) => s.kind === 'call' && s.fn === 'delete_module' && s.text === `delete_module(${name})`);
  if (i < 0) throw new Error(`no delete_module(${name})`);
  return t.steps[i + 1].text;
}

describe('delete_module(): the refusals rmmod -f does not get past', () => {
  // rmmod -f skips kmod's holders/refcnt checks, so the syscall's own checks are reached.
  const t = perTest(() =>
    runIn(
      'upstream',
      scn({
        modules: [
          { name: 'core', exports: ['core_fn'] },
          { name: 'drv', imports: ['core_fn'] },
          { name: 'drv2', imports: ['core_fn'] },
          { name: 'slow', init: [{ sleep: 10 }, { print: 'slow_init' }] },
        ],
        tasks: [
          { id: 'T1', commands: ['modprobe drv', 'modprobe drv2', 'rmmod -f core'] },
          { id: 'T2', start: 1, commands: ['modprobe slow'] },
          { id: 'T3', start: 2, commands: ['rmmod -f slow', 'cat /sys/module/slow/initstate'] },
        ],
      }),
      { maxSteps: 500 },
    ),
  );

  it('a module other modules use (source_list not empty) is refused with -EWOULDBLOCK, naming its users', () => {
    expect(deleteStep(t(), 'core')).toBe('core is used by drv2 drv; delete_module() = -EAGAIN');
    expect(out(t())).toContain('rmmod: ERROR: could not remove module core: Resource temporarily unavailable');
    expect(t().final.modules.find((m) => m.name === 'core')).toMatchObject({ state: 'MODULE_STATE_LIVE', holders: ['drv2', 'drv'] });
  });

  it('a module still in its init (COMING, "Doing init or already dying?") is refused with -EBUSY; its load goes on', () => {
    expect(deleteStep(t(), 'slow')).toBe('slow is MODULE_STATE_COMING; delete_module() = -EBUSY');
    expect(out(t())).toEqual([
      'rmmod: ERROR: could not remove module core: Resource temporarily unavailable',
      'rmmod: ERROR: could not remove module slow: Device or resource busy',
      'coming',
    ]);
    expect(dmesg(t())).toEqual(['slow: slow_init']);
    expect(t().final.modules.find((m) => m.name === 'slow')?.state).toBe('MODULE_STATE_LIVE');
  });
});

describe('delete_module(): a module with an init but no exit (permanent)', () => {
  const t = perTest(() =>
    runIn(
      'upstream',
      scn({
        modules: [
          { name: 'n1', init: [{ print: 'n1_init' }], exit: null },
          { name: 'n2', init: [{ print: 'n2_init' }], exit: null },
        ],
        tasks: [{ commands: ['modprobe n1', 'modprobe n2', 'rmmod n1', 'rmmod -f n1', 'rmmod -f n2'] }],
      }),
      { maxSteps: 500 },
    ),
  );

  it('is refused with -EBUSY unless forced', () => {
    expect(deleteStep(t(), 'n1')).toBe('n1 has an init but no exit function; delete_module() = -EBUSY');
    expect(out(t())).toEqual(['rmmod: ERROR: could not remove module n1: Device or resource busy']);
  });

  it('forced, it goes and the kernel is tainted TAINT_FORCED_RMMOD; lock debugging is turned off, said once', () => {
    // try_force_unload() -> add_taint(TAINT_FORCED_RMMOD, LOCKDEP_NOW_UNRELIABLE): the pr_warn()
    // comes only from the __debug_locks_off() that turned debugging off.
    const forced = t().steps.filter((s) => s.text.startsWith('TAINT_FORCED_RMMOD; '));
    expect(forced.map((s) => s.text)).toEqual([
      'TAINT_FORCED_RMMOD; n1#1: MODULE_STATE_LIVE -> MODULE_STATE_GOING; mod->exit(n1#1)',
      'TAINT_FORCED_RMMOD; n2#1: MODULE_STATE_LIVE -> MODULE_STATE_GOING; mod->exit(n2#1)',
    ]);
    expect(dmesg(t())).toEqual(['n1: n1_init', 'n2: n2_init', 'Disabling lock debugging due to kernel taint']);
    expect(t().final.debugLocks).toBe(false);
    expect(t().final.modules).toEqual([]);
  });
});

describe('delete_module() of a livepatch module whose klp_patch is still registered', () => {
  const lp1 = { name: 'lp1', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }] };
  const lp2 = { name: 'lp2', objects: [{ name: 'vmlinux', funcs: ['meminfo_proc_show'] }] };
  const t = perTest(() =>
    runIn(
      'upstream',
      scn({
        modules: [{ name: 'plain' }],
        livepatches: [lp1, lp2],
        tasks: [
          {
            commands: ['modprobe lp1', 'modprobe lp2', 'rmmod -f lp1', 'echo 0 > /sys/kernel/livepatch/lp2/enabled', 'sleep 1', 'rmmod lp2', 'modprobe plain', 'rmmod -f plain'],
          },
        ],
      }),
      { maxSteps: 1500 },
    ),
  );
  const stays = (name: string) => `${name}'s klp_patch stays on klp_patches and in sysfs after its module is freed`;

  it('forced while enabled (another patch registered too), the module goes but its klp_patch stays registered (in the freed module\'s memory)', () => {
    expect(deleteStep(t(), 'lp1')).toContain(`TAINT_FORCED_RMMOD; ${stays('lp1')}; lp1#1: MODULE_STATE_LIVE -> MODULE_STATE_GOING`);
    expect(t().final.modules.map((m) => m.name)).toEqual([]);
    expect(t().final.klp.patches.map((p) => p.name)).toEqual(['lp1']);
  });

  it('a livepatch module whose patch was disabled and freed, or any other module, leaves nothing behind', () => {
    expect(deleteStep(t(), 'lp2')).toBe('lp2#1: MODULE_STATE_LIVE -> MODULE_STATE_GOING; mod->exit(lp2#1)');
    // -f on a module that needs no forcing: try_force_unload() is never called, so no taint.
    expect(deleteStep(t(), 'plain')).toBe('plain#1: MODULE_STATE_LIVE -> MODULE_STATE_GOING; mod->exit(plain#1)');
    expect(t().final.failures).toEqual([]);
  });
});

/** A LIVE module `m` (no init, an exit) with raw refcnt `refcnt`, in a fresh world. */
function withModule(refcnt: number, extra: Partial<ModuleInstance> = {}) {
  const { k, w } = bareCtx(scn({ modules: [{ name: 'm' }], tasks: [{ commands: [] }] }), 'split');
  const m: ModuleInstance = { id: 1, inst: 1, name: 'm', state: 'MODULE_STATE_LIVE', refcnt, holders: [], uses: [], klp: false, klpAlive: false, owner: 0, sysfs: true, params: {}, permanent: false, work: null, ...extra };
  w.modules.push(m);
  return { k, w, m };
}

describe('delete_module() and try_stop_module(), called directly', () => {
  it('no module of that name: -ENOENT', () => {
    const { k } = withModule(1);
    expect(delete_module.start(k, { name: 'other' })).toEqual({ op: 'ret', value: -2 });
  });

  it('someone else holds a reference (module_refcount 1, no holder): -EWOULDBLOCK, the module stays LIVE', () => {
    // try_stop_module(): try_release_module_ref() leaves a count, and without O_TRUNC that is final.
    const { k, m } = withModule(2);
    expect(delete_module.start(k, { name: 'm', force: false })).toEqual({ op: 'ret', value: -11 });
    expect(k.rec.text).toBe('module_refcount(m) = 1');
    expect(m).toMatchObject({ state: 'MODULE_STATE_LIVE', refcnt: 2 });
  });

  it('forced (O_TRUNC), the same module goes: GOING, its exit runs next', () => {
    const { k, m } = withModule(2);
    expect(delete_module.start(k, { name: 'm', force: true })).toEqual({ op: 'call', fn: 'modExit', args: { mod: 1 }, pc: 'going' });
    expect(m).toMatchObject({ state: 'MODULE_STATE_GOING', refcnt: 0 });
  });
});

describe('module_put_and_delete() (POC 01): drop one reference, remove the module if unused, never forced', () => {
  it('no module of that name: -ENOENT', () => {
    const { k } = withModule(1);
    expect(module_put_and_delete.start(k, { name: 'other' })).toEqual({ op: 'ret', value: -2 });
  });

  it('the last reference: the module goes', () => {
    const { k, m } = withModule(2);
    expect(module_put_and_delete.start(k, { name: 'm' })).toEqual({ op: 'call', fn: 'modExit', args: { mod: 1 }, pc: 'going' });
    expect(m.state).toBe('MODULE_STATE_GOING');
  });

  it('another reference left: the error is ignored and the module stays loaded', () => {
    const { k, m } = withModule(3);
    expect(module_put_and_delete.start(k, { name: 'm' })).toEqual({ op: 'ret', value: -11 });
    expect(k.rec.text).toBe('module_refcount(m) = 1; stop_module(m) = -11: ignored, the module stays loaded');
    expect(m).toMatchObject({ state: 'MODULE_STATE_LIVE', refcnt: 2 });
  });

  it('a module without an exit function is not forced out either: -EBUSY', () => {
    const { k, m } = withModule(2, { permanent: true });
    expect(module_put_and_delete.start(k, { name: 'm' })).toEqual({ op: 'ret', value: -16 });
    expect(m.state).toBe('MODULE_STATE_LIVE');
  });
});
