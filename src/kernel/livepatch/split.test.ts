/**
 * The split RFC's livepatch core (split.ts): klp_module_coming() loads `<patch>__<mod>` with
 * request_module(), whose init klp_add_object() patches the coming module when the patch is
 * already enabled, and patch 19/23's klp_break_recursion().
 */
import { describe, expect, it } from 'vitest';
import { dmesg, out, perTest, runIn, scn } from '../../test/helpers';
import type { LivepatchSpec, ModuleSpec, TaskSpec } from '../../model/scenario';
import type { Trace } from '../../model/trace';
import { recursionBreaks } from '../../analysis/recursionBreaks';

const LP = '/sys/kernel/livepatch';
const M: ModuleSpec = { name: 'M', exports: ['m_fn'] };

/** lp patches cmdline_proc_show and M's m_fn, with test_klp_callbacks_demo's callbacks and pre_patch_ret. */
const lp = (mObject: Partial<LivepatchSpec['objects'][number]> = {}, vmlinuxFuncs = ['cmdline_proc_show']): LivepatchSpec => ({
  name: 'lp',
  callbacks: 'print',
  params: { pre_patch_ret: { type: 'int', default: '0' } },
  objects: [{ name: 'vmlinux', funcs: vmlinuxFuncs }, { name: 'M', funcs: ['m_fn'], ...mObject }],
});

const split = (tasks: TaskSpec[], livepatches: LivepatchSpec[] = [lp()]) => runIn('split', scn({ modules: [M], livepatches, tasks }));

/** dmesg from the first line of M's coming on. */
const fromComing = (t: Trace) => dmesg(t).slice(dmesg(t).indexOf("livepatch: applying patch 'lp' to loading module 'M'"));

describe('klp_add_object() for a module coming after the patch is enabled', () => {
  // The per-object module's init fails, so request_module() returns modprobe's status 1, which
  // klp_module_coming() turns into -EINVAL (POC 10): M is refused.
  const refused = perTest(() =>
    split([
      {
        commands: [
          'modprobe lp',
          'echo -19 > /sys/module/lp/parameters/pre_patch_ret',
          'modprobe M',
          'lsmod',
          `cat ${LP}/lp/M`,
          'cat /proc/cmdline',
          'echo 0 > /sys/module/lp/parameters/pre_patch_ret',
          'modprobe M',
          `cat ${LP}/lp/M/patched`,
        ],
      },
    ]),
  );

  it('a failing pre-patch callback refuses the module: the object is dropped, lp__M and M are unloaded', () => {
    expect(fromComing(refused()).slice(0, 5)).toEqual([
      "livepatch: applying patch 'lp' to loading module 'M'",
      'lp: pre_patch_callback: M -> [MODULE_STATE_COMING] Full formed, running module_init',
      "livepatch: pre-patch callback failed for object 'M'",
      "livepatch: patch 'lp' failed for module 'M', refusing to load module 'M'",
      'livepatch: Module load failed: lp__M',
    ]);
    expect(out(refused()).slice(0, 5)).toEqual([
      "modprobe: ERROR: could not insert 'M': Invalid argument",
      'Module                  Size  Used by',
      'lp                     16384  1',
      `cat: ${LP}/lp/M: No such file or directory`,
      'lp: this has been live patched',
    ]);
  });

  it('once the callback succeeds, the next load of M gets lp__M again and is patched', () => {
    expect(fromComing(refused()).slice(5)).toEqual([
      "livepatch: applying patch 'lp' to loading module 'M'",
      'lp: pre_patch_callback: M -> [MODULE_STATE_COMING] Full formed, running module_init',
      'lp: post_patch_callback: M -> [MODULE_STATE_COMING] Full formed, running module_init',
    ]);
    expect(out(refused()).at(-1)).toBe('1');
    expect(refused().final.modules.map((m) => m.name)).toEqual(['lp__M', 'M', 'lp']);
  });

  it('an ftrace handler that cannot be registered refuses the module after the post_unpatch callback', () => {
    // lp's vmlinux object patches nothing, so ftrace can be turned off under it.
    const t = split([{ commands: ['modprobe lp', 'sysctl kernel.ftrace_enabled=0', 'modprobe M', 'lsmod'] }], [lp({}, [])]);
    expect(fromComing(t)).toEqual([
      "livepatch: applying patch 'lp' to loading module 'M'",
      'lp: pre_patch_callback: M -> [MODULE_STATE_COMING] Full formed, running module_init',
      "livepatch: failed to register ftrace handler for function 'm_fn' (-16)",
      "livepatch: failed to apply patch 'lp' to module 'M' (-16)",
      'lp: post_unpatch_callback: M -> [MODULE_STATE_COMING] Full formed, running module_init',
      "livepatch: patch 'lp' failed for module 'M', refusing to load module 'M'",
      'livepatch: Module load failed: lp__M',
    ]);
    expect(out(t)).toEqual(['kernel.ftrace_enabled = 0', "modprobe: ERROR: could not insert 'M': Invalid argument", 'Module                  Size  Used by', 'lp                     16384  1']);
  });

  // klp_add_object() as klp_module_coming() of v5.5: `if (patch != klp_transition_patch)
  // klp_post_patch_callback(obj)`; klp_complete_transition() runs it for every loaded object.
  it("during lp's patching transition, M's post_patch callback waits for the transition's end", () => {
    const t = split([
      { id: 'T1', commands: ['busy cmdline_proc_show 5'] },
      { id: 'U1', start: 1, commands: ['modprobe lp', 'modprobe M'] },
    ]);
    expect(fromComing(t)).toEqual([
      "livepatch: applying patch 'lp' to loading module 'M'",
      'lp: pre_patch_callback: M -> [MODULE_STATE_COMING] Full formed, running module_init',
      "livepatch: 'lp': completing patching transition",
      'lp: post_patch_callback: vmlinux',
      'lp: post_patch_callback: M -> [MODULE_STATE_LIVE] Normal state',
      "livepatch: 'lp': patching complete",
    ]);
  });

  it('an object that replaces no function registers no ftrace handler: ftrace can still be turned off', () => {
    const noFuncs: LivepatchSpec = { name: 'lp', objects: [{ name: 'vmlinux' }, { name: 'M' }] };
    const t = split([{ commands: ['modprobe M', 'modprobe lp', 'sysctl kernel.ftrace_enabled=0', `cat ${LP}/lp/M/patched`] }], [noFuncs]);
    expect(out(t)).toEqual(['kernel.ftrace_enabled = 0', '1']);
  });
});

describe('klp_module_going() in the split POC', () => {
  it("frees M's object with lp__M: the next load of M requests lp__M again", () => {
    const noCallbacks: LivepatchSpec = { name: 'lp', objects: [{ name: 'vmlinux' }, { name: 'M', funcs: ['m_fn'] }] };
    const t = split([{ commands: ['modprobe M', 'modprobe lp', 'rmmod M', 'lsmod', 'modprobe M', `cat ${LP}/lp/M/patched`] }], [noCallbacks]);
    expect(dmesg(t).slice(-2)).toEqual(["livepatch: reverting patch 'lp' on unloading module 'M'", "livepatch: applying patch 'lp' to loading module 'M'"]);
    expect(out(t)).toEqual(['Module                  Size  Used by', 'lp                     16384  1', '1']);
    expect(t.final.modules.map((m) => m.name)).toEqual(['lp__M', 'M', 'lp']);
  });
});

/**
 * klp_module_coming() drops klp_mutex around request_module("lp__M"). When that fails it returns
 * the error only if the patch it asked for is still the same klp_patch; if that patch went away
 * or was reloaded meanwhile, it looks again at the patches now listed.
 */
describe('klp_module_coming(): the patch changes while lp__M loads', () => {
  // lp__M's init sleeps 5 s before klp_add_object(); U2 acts meanwhile.
  const slow = lp({ initDelay: 5 });

  it('lp disabled meanwhile: lp__M fails, the error is ignored and M loads unpatched', () => {
    const lp0: LivepatchSpec = { name: 'lp0', objects: [{ name: 'vmlinux', funcs: ['meminfo_proc_show'] }] };
    const t = split(
      [
        { id: 'U1', commands: ['modprobe lp0', 'modprobe lp', 'modprobe M', 'lsmod'] },
        { id: 'U2', start: 2, commands: [`echo 0 > ${LP}/lp/enabled`] },
      ],
      [lp0, slow],
    );
    expect(dmesg(t).slice(-3)).toEqual([
      "livepatch: 'lp': unpatching complete",
      "livepatch: Can't load livepatch (lp__M) for module when the livepatch (lp) for vmcore is not loaded",
      'livepatch: Module load failed: lp__M',
    ]);
    expect(out(t)).toEqual(['Module                  Size  Used by', 'M                      16384  0', 'lp                     16384  0', 'lp0                    16384  1']);
    expect(t.steps.some((s) => s.label === 'U1' && s.text.includes('the patch went away or was reloaded meanwhile: error ignored'))).toBe(true);
  });

  it('lp reloaded meanwhile: the failure is of the old patch, so lp__M is requested again for the new one', () => {
    const t = split(
      [
        { id: 'U1', commands: ['modprobe lp', 'modprobe M'] },
        { id: 'U2', start: 1, commands: [`echo 0 > ${LP}/lp/enabled`, 'sleep 1', 'rmmod lp', 'modprobe lp', 'echo -19 > /sys/module/lp/parameters/pre_patch_ret'] },
      ],
      [slow],
    );
    // Both lp__M loads fail in the new lp's pre-patch callback; the second failure is returned.
    const tries = t.final.dmesg.filter((l) => l.text === 'livepatch: Module load failed: lp__M').map((l) => l.time);
    expect(tries).toEqual([5000, 10000]);
    expect(out(t)).toEqual(["modprobe: ERROR: could not insert 'M': Invalid argument"]);
  });
});

describe('klp_break_recursion() (19/23)', () => {
  it('a second load of a per-object module that is not klp_loading_patch waits for the first, then gets -EEXIST', () => {
    // M's klp_module_coming() loads lp__M, whose init sleeps 5 s; T2 insmods lp__M.ko meanwhile.
    const t = runIn(
      'split-poc19',
      scn({
        modules: [M],
        livepatches: [lp({ initDelay: 5 })],
        tasks: [
          { id: 'U1', commands: ['modprobe lp', 'modprobe M'] },
          { id: 'T2', start: 1, commands: ['insmod lp__M.ko'] },
        ],
      }),
    );
    const t2 = t.steps.filter((s) => s.label === 'T2');
    expect(t2.filter((s) => s.fn === 'klp_break_recursion' && s.kind === 'ret').map((s) => s.text)).toEqual([
      'klp_break_recursion: no; mutex_unlock(&klp_mutex); klp_break_recursion() = false',
    ]);
    expect(t2.filter((s) => s.kind === 'block').map((s) => [s.fn, s.t])).toEqual([['add_unformed_module', 1000]]);
    expect(recursionBreaks(t)).toEqual([]);
    expect(out(t)).toEqual(['insmod: ERROR: could not insert module lp__M.ko: File exists']);
    expect(t2.find((s) => s.kind === 'exit')?.t).toBe(5000);
  });
});
