/**
 * kernel/livepatch/core.c sysfs: /sys/kernel/livepatch/<patch>/{enabled,transition,force}
 * (enabled_store, transition_show, force_store).
 */
import { describe, expect, it } from 'vitest';
import { dmesg, missingInOrder, out, runIn, scn } from '../../test/helpers';
import type { VariantId } from '../../model/variant';

const KERNELS: VariantId[] = ['upstream', 'split', 'split-poc19'];
const LP = '/sys/kernel/livepatch';

/** lp1 patches cmdline_proc_show, lp2 meminfo_proc_show; T1 sits in meminfo_proc_show for 40 s. */
const twoPatches = (...commands: string[]) =>
  scn({
    livepatches: [
      { name: 'lp1', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }] },
      { name: 'lp2', objects: [{ name: 'vmlinux', funcs: ['meminfo_proc_show'] }] },
    ],
    tasks: [
      { id: 'T1', commands: ['busy meminfo_proc_show 40'] },
      { id: 'U1', commands },
    ],
  });

describe('enabled_store()', () => {
  for (const v of KERNELS) {
    it(`[${v}] writing the current value is -EINVAL`, () => {
      const t = runIn(v, twoPatches('modprobe lp1', `echo 1 > ${LP}/lp1/enabled`, `cat ${LP}/lp1/enabled`));
      expect(out(t)).toEqual(['sh: echo: write error: Invalid argument', '1']);
    });

    it(`[${v}] disabling while another patch is in transition is -EBUSY`, () => {
      const t = runIn(v, twoPatches('modprobe lp1', 'modprobe lp2', `cat ${LP}/lp2/transition`, `echo 0 > ${LP}/lp1/enabled`, `cat ${LP}/lp1/enabled`));
      expect(out(t)).toEqual(['1', 'sh: echo: write error: Device or resource busy', '1']);
    });

    it(`[${v}] writing 0 to the patch in transition reverses it`, () => {
      const t = runIn(
        v,
        twoPatches('modprobe lp2', `echo 1 > ${LP}/lp2/enabled`, `echo 0 > ${LP}/lp2/enabled`, `cat ${LP}/lp2/enabled`, `cat ${LP}/lp2/transition`, 'sleep 2', `cat ${LP}/lp2/enabled`),
      );
      // Still patching (T1 sits in the old function), so enabled reads 1 and a write of 1 is -EINVAL.
      expect(out(t)).toEqual(['sh: echo: write error: Invalid argument', '0', '1', `cat: ${LP}/lp2/enabled: No such file or directory`]);
      expect(
        missingInOrder(dmesg(t), [
          "livepatch: 'lp2': starting patching transition",
          "livepatch: 'lp2': reversing transition from patching to unpatching",
          "livepatch: 'lp2': starting unpatching transition",
          "livepatch: 'lp2': completing unpatching transition",
          "livepatch: 'lp2': unpatching complete",
        ]),
      ).toBeNull();
      expect(dmesg(t)).not.toContain("livepatch: 'lp2': patching complete");
    });
  }

  it('a value kstrtobool() does not take is -EINVAL', () => {
    const t = runIn('upstream', twoPatches('modprobe lp1', `echo maybe > ${LP}/lp1/enabled`));
    expect(out(t)).toEqual(['sh: echo: write error: Invalid argument']);
  });

  // enabled_store(): "Do not allow to re-enable a disabled patch": a disabled patch whose
  // klp_free_patch_work_fn() has not run yet still has its sysfs directory, and writing 1 is -EINVAL.
  it('a disabled patch waiting to be freed cannot be enabled again: -EINVAL', () => {
    const s = scn({
      livepatches: [{ name: 'lp1', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }] }],
      tasks: [{ id: 'U1', commands: ['modprobe lp1', `echo 0 > ${LP}/lp1/enabled`, `echo 1 > ${LP}/lp1/enabled`, `cat ${LP}/lp1/enabled`, 'cat /proc/cmdline'] }],
    });
    // U1 keeps the CPU between its commands, ahead of the kworker that frees the patch.
    const t = runIn('upstream', s, { schedule: Array<string>(3).fill('U1'), maxSteps: 400 });
    expect(out(t)).toEqual(['sh: echo: write error: Invalid argument', '0', 'BOOT_IMAGE=/boot/vmlinuz-5.5.0 root=/dev/vda1 ro console=ttyS0']);
    expect(dmesg(t).at(-1)).toBe("livepatch: 'lp1': unpatching complete");
    expect(t.final.klp.patches).toEqual([]);
  });

  it('split POC: writing enabled while klp_loading_patch is set is -EBUSY', () => {
    const s = scn({
      modules: [{ name: 'M', exports: ['m_fn'] }],
      livepatches: [
        { name: 'lp1', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }] },
        { name: 'lp2', objects: [{ name: 'vmlinux' }, { name: 'M', funcs: ['m_fn'], initDelay: 5 }] },
      ],
      tasks: [
        { id: 'U1', commands: ['modprobe lp1', 'modprobe M', 'modprobe lp2'] },
        { id: 'U2', start: 2, commands: [`echo 0 > ${LP}/lp1/enabled`] },
      ],
    });
    for (const v of ['split', 'split-poc19'] as const) expect(out(runIn(v, s))).toEqual(['sh: echo: write error: Device or resource busy']);
    expect(out(runIn('upstream', s))).toEqual([]);
  });
});

describe('transition_show() and force_store()', () => {
  for (const v of KERNELS) {
    it(`[${v}] transition reads 1 while the transition is stuck, 0 afterwards`, () => {
      const t = runIn(v, twoPatches('modprobe lp2', `cat ${LP}/lp2/transition`, 'sleep 41', `cat ${LP}/lp2/transition`, `cat ${LP}/lp2/enabled`));
      expect(out(t)).toEqual(['1', '0', '1']);
    });

    it(`[${v}] force is only accepted during a transition; it completes at the next retry`, () => {
      const t = runIn(
        v,
        twoPatches('modprobe lp1', `echo 1 > ${LP}/lp1/force`, 'modprobe lp2', 'sleep 5', `echo 1 > ${LP}/lp2/force`, `cat ${LP}/lp2/transition`, 'sleep 1', `cat ${LP}/lp2/transition`),
      );
      expect(out(t)).toEqual(['sh: echo: write error: Invalid argument', '1', '0']);
      expect(
        missingInOrder(dmesg(t), [
          "livepatch: 'lp2': starting patching transition",
          'livepatch: forcing remaining tasks to the patched state',
          "livepatch: 'lp2': completing patching transition",
          "livepatch: 'lp2': patching complete",
        ]),
      ).toBeNull();
      const done = t.final.dmesg.find((l) => l.text === "livepatch: 'lp2': patching complete")!;
      expect(done.time).toBe(6000);
    });
  }

  it('a forced patch keeps its module forever (klp_free_patch_finish skips module_put)', () => {
    const t = runIn('upstream', twoPatches('modprobe lp2', `echo 1 > ${LP}/lp2/force`, 'sleep 1', `echo 0 > ${LP}/lp2/enabled`, 'sleep 1', 'rmmod lp2'));
    expect(out(t)).toEqual(['rmmod: ERROR: Module lp2 is in use']);
  });

  // force_store(): kstrtobool() fails first, before klp_mutex is taken.
  it('a value kstrtobool() does not take is -EINVAL', () => {
    const t = runIn('upstream', twoPatches('modprobe lp2', `echo maybe > ${LP}/lp2/force`, `cat ${LP}/lp2/transition`));
    expect(out(t)).toEqual(['sh: echo: write error: Invalid argument', '1']);
    expect(dmesg(t)).not.toContain('livepatch: forcing remaining tasks to the patched state');
  });

  // kernel/livepatch/core.c force_store(): `if (!val) return count;`, so writing 0 is accepted
  // and does nothing.
  it('writing 0 to force is a silent no-op', () => {
    const t = runIn('upstream', twoPatches('modprobe lp1', `echo 0 > ${LP}/lp1/force`));
    expect(out(t)).toEqual([]);
    expect(t.final.failures).toEqual([]);
  });
});

/**
 * Issue 8: `rmmod -f` of an enabled livepatch module, then loading it again, threw inside the
 * engine. The kernel (CONFIG_MODULE_FORCE_UNLOAD): delete_module() with O_TRUNC forces past the
 * reference klp_init_patch_early() took with try_module_get(patch->mod), taints the kernel
 * (try_force_unload), and frees the module while its klp_patch stays on klp_patches with its sysfs
 * directory. Loading the patch again fails in klp_init_patch(): kobject_add() finds
 * /sys/kernel/livepatch/lp taken (-EEXIST), which modprobe takes as "already loaded".
 */
describe('rmmod -f of an enabled livepatch module', () => {
  const forced = (...after: string[]) =>
    scn({
      livepatches: [{ name: 'lp', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }] }],
      tasks: [{ commands: ['modprobe lp', 'rmmod -f lp', 'lsmod', 'cat /proc/cmdline', 'modprobe lp', `cat ${LP}/lp/enabled`, 'lsmod', ...after] }],
    });

  for (const v of KERNELS) {
    it(`[${v}] frees the module, keeps the patch, and a reload fails in kobject_add() with -EEXIST`, () => {
      const t = runIn(v, forced());
      expect(
        missingInOrder(dmesg(t), [
          "livepatch: 'lp': patching complete",
          'Disabling lock debugging due to kernel taint',
          "sysfs: cannot create duplicate filename '/kernel/livepatch/lp'",
          "kobject_add_internal failed for lp with -EEXIST, don't try to register things with the same name in the same directory.",
        ]),
      ).toBeNull();
      // No module is left, yet the patch keeps working (from freed memory); modprobe takes the
      // reload's -EEXIST as "already loaded" and says nothing.
      expect(out(t)).toEqual(['Module                  Size  Used by', 'lp: this has been live patched', '1', 'Module                  Size  Used by']);
      expect(t.final.modules).toEqual([]);
      expect(t.outcome.kind).toBe('ok');
      expect(t.outcome.warnings).toEqual(["'lp' stays registered after rmmod -f freed its module: its klp_patch, ftrace handlers and /sys/kernel/livepatch/lp point into freed memory"]);
    });
  }

  it('the orphaned patch can still be disabled and freed (no module_put() on the freed module)', () => {
    const t = runIn('upstream', forced(`echo 0 > ${LP}/lp/enabled`, 'sleep 1', `cat ${LP}/lp/enabled`, 'modprobe lp', `cat ${LP}/lp/enabled`));
    expect(out(t).slice(4)).toEqual([`cat: ${LP}/lp/enabled: No such file or directory`, '1']);
    expect(t.final.klp.patches.map((p) => [p.name, p.enabled])).toEqual([['lp', true]]);
    expect(t.outcome.warnings).toEqual([]);
  });
});

describe('enabled_store() reads its value with kstrtobool()', () => {
  it("'off' disables the patch, as '0' does", () => {
    const t = runIn('upstream', twoPatches('modprobe lp1', `echo off > ${LP}/lp1/enabled`, 'sleep 2', `cat ${LP}/lp1/enabled`));
    expect(dmesg(t)).toContain("livepatch: 'lp1': unpatching complete");
    expect(out(t)).toEqual([`cat: ${LP}/lp1/enabled: No such file or directory`]);
  });

  it("'on' on an enabled patch is -EINVAL like '1'", () => {
    const t = runIn('upstream', twoPatches('modprobe lp1', `echo on > ${LP}/lp1/enabled`));
    expect(out(t)).toEqual(['sh: echo: write error: Invalid argument']);
  });
});

/**
 * klp_module_coming() and klp_module_going() while the patch is klp_transition_patch: the module's
 * post_patch (and pre_unpatch) callbacks wait for klp_complete_transition(), which runs post_patch
 * only for the objects still loaded (klp_is_object_loaded()): a module that went away, or that was
 * refused, gets none.
 */
describe('a module object during the patching transition (upstream)', () => {
  const during = (...commands: string[]) =>
    runIn(
      'upstream',
      scn({
        modules: [{ name: 'M', exports: ['m_fn'] }],
        livepatches: [
          {
            name: 'lp',
            callbacks: 'print',
            params: { pre_patch_ret: { type: 'int', default: '0' } },
            objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }, { name: 'M', funcs: ['m_fn'] }],
          },
        ],
        // T1 sits in cmdline_proc_show until 5 s: lp's transition completes then.
        tasks: [{ id: 'T1', commands: ['busy cmdline_proc_show 5'] }, { id: 'U1', start: 1, commands: ['modprobe lp', ...commands] }],
      }),
    );
  const afterStart = (t: ReturnType<typeof runIn>) => dmesg(t).slice(dmesg(t).indexOf("livepatch: 'lp': starting patching transition") + 1);

  it('a module loaded and removed meanwhile gets no post_patch callback at the end', () => {
    const t = during('modprobe M', 'rmmod M');
    expect(afterStart(t)).toEqual([
      "livepatch: applying patch 'lp' to loading module 'M'",
      'lp: pre_patch_callback: M -> [MODULE_STATE_COMING] Full formed, running module_init',
      "livepatch: reverting patch 'lp' on unloading module 'M'",
      'lp: post_unpatch_callback: M -> [MODULE_STATE_GOING] Going away',
      "livepatch: 'lp': completing patching transition",
      'lp: post_patch_callback: vmlinux',
      "livepatch: 'lp': patching complete",
    ]);
    expect(out(t)).toEqual([]);
  });

  it('a module refused by its pre-patch callback gets no post_patch callback at the end', () => {
    const t = during('echo -19 > /sys/module/lp/parameters/pre_patch_ret', 'modprobe M');
    expect(afterStart(t)).toEqual([
      "livepatch: applying patch 'lp' to loading module 'M'",
      'lp: pre_patch_callback: M -> [MODULE_STATE_COMING] Full formed, running module_init',
      "livepatch: pre-patch callback failed for object 'M'",
      "livepatch: patch 'lp' failed for module 'M', refusing to load module 'M'",
      "livepatch: 'lp': completing patching transition",
      'lp: post_patch_callback: vmlinux',
      "livepatch: 'lp': patching complete",
    ]);
    expect(out(t)).toEqual(["modprobe: ERROR: could not insert 'M': No such device"]);
    expect(t.final.modules.map((m) => m.name)).toEqual(['lp']);
  });
});
