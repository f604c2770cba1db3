/**
 * kernel/livepatch/patch.c klp_patch_object() and kernel.ftrace_enabled: livepatch's ftrace_ops
 * are FTRACE_OPS_FL_PERMANENT, so registering them with ftrace disabled fails with -EBUSY, and
 * ftrace cannot be disabled while they are registered (selftest test-ftrace.sh).
 */
import { describe, expect, it } from 'vitest';
import { dmesg, out, runIn, scn } from '../../test/helpers';
import type { VariantId } from '../../model/variant';
import { worldAt } from '../../engine/replay';
import { readFile } from '../../sim/files';

const lp = { name: 'lp', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }] };

describe('kernel.ftrace_enabled = 0', () => {
  for (const v of ['upstream', 'split', 'split-poc19'] as VariantId[]) {
    it(`[${v}] enabling a patch with functions fails: failed to register ftrace handler (-16), modprobe: Device or resource busy`, () => {
      const t = runIn(v, scn({ livepatches: [lp], tasks: [{ commands: ['sysctl kernel.ftrace_enabled=0', 'modprobe lp', 'cat /proc/cmdline'] }] }));
      expect(dmesg(t)).toEqual([
        'lp: tainting kernel with TAINT_LIVEPATCH',
        "livepatch: enabling patch 'lp'",
        "livepatch: 'lp': initializing patching transition",
        "livepatch: failed to register ftrace handler for function 'cmdline_proc_show' (-16)",
        "livepatch: failed to patch object 'vmlinux'",
        "livepatch: failed to enable patch 'lp'",
        "livepatch: 'lp': canceling patching transition, going to unpatch",
        "livepatch: 'lp': completing unpatching transition",
        "livepatch: 'lp': unpatching complete",
      ]);
      expect(out(t)).toEqual([
        'kernel.ftrace_enabled = 0',
        "modprobe: ERROR: could not insert 'lp': Device or resource busy",
        'BOOT_IMAGE=/boot/vmlinuz-5.5.0 root=/dev/vda1 ro console=ttyS0',
      ]);
      expect(t.final.modules).toEqual([]);
      expect(t.final.klp.patches).toEqual([]);
    });
  }

  it('the kernel config switch does the same as the sysctl', () => {
    const t = runIn('upstream', scn({ kernel: { ftraceEnabled: false }, livepatches: [lp], tasks: [{ commands: ['modprobe lp'] }] }));
    expect(dmesg(t)).toContain("livepatch: failed to register ftrace handler for function 'cmdline_proc_show' (-16)");
  });

  it('with ftrace back on the patch loads, and ftrace cannot be turned off under it', () => {
    const t = runIn(
      'upstream',
      scn({ livepatches: [lp], tasks: [{ commands: ['sysctl kernel.ftrace_enabled=0', 'sysctl kernel.ftrace_enabled=1', 'modprobe lp', 'sysctl kernel.ftrace_enabled=0', 'cat /proc/cmdline'] }] }),
    );
    expect(out(t)).toEqual([
      'kernel.ftrace_enabled = 0',
      'kernel.ftrace_enabled = 1',
      'sysctl: setting key "kernel.ftrace_enabled": Device or resource busy',
      'lp: this has been live patched',
    ]);
  });

  // ftrace_enable_sysctl(): any registered FTRACE_OPS_FL_PERMANENT ops forbid it; an object whose
  // module is not loaded registers none, the vmlinux object's do.
  it('one patched object is enough: a patch with an unloaded module object still keeps ftrace on', () => {
    const t = runIn(
      'upstream',
      scn({
        modules: [{ name: 'M', exports: ['m_fn'] }],
        livepatches: [{ name: 'lp', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }, { name: 'M', funcs: ['m_fn'] }] }],
        tasks: [{ commands: ['modprobe lp', 'sysctl kernel.ftrace_enabled=0', 'cat /proc/sys/kernel/ftrace_enabled'] }],
      }),
    );
    expect(out(t)).toEqual(['sysctl: setting key "kernel.ftrace_enabled": Device or resource busy', '1']);
  });

  it('upstream klp_module_coming(): a module loaded with ftrace off is refused', () => {
    const t = runIn(
      'upstream',
      scn({
        modules: [{ name: 'M', exports: ['m_fn'], init: [{ print: 'M_init' }] }],
        livepatches: [{ name: 'lp', callbacks: 'print', objects: [{ name: 'vmlinux' }, { name: 'M', funcs: ['m_fn'] }] }],
        tasks: [{ commands: ['modprobe lp', 'sysctl kernel.ftrace_enabled=0', 'modprobe M', 'cat /sys/kernel/livepatch/lp/M/patched'] }],
      }),
    );
    const after = dmesg(t).slice(dmesg(t).indexOf("livepatch: 'lp': patching complete") + 1);
    expect(after).toEqual([
      "livepatch: applying patch 'lp' to loading module 'M'",
      'lp: pre_patch_callback: M -> [MODULE_STATE_COMING] Full formed, running module_init',
      "livepatch: failed to register ftrace handler for function 'm_fn' (-16)",
      "livepatch: failed to apply patch 'lp' to module 'M' (-16)",
      'lp: post_unpatch_callback: M -> [MODULE_STATE_COMING] Full formed, running module_init',
      "livepatch: patch 'lp' failed for module 'M', refusing to load module 'M'",
    ]);
    // klp_patch_object(): a klp_patch_func() failure unpatches the object (klp_unpatch_object()),
    // so obj->patched stays false.
    expect(out(t).slice(-2)).toEqual(["modprobe: ERROR: could not insert 'M': Device or resource busy", '0']);
  });
});

describe('klp_is_patch_compatible() (kernel/livepatch/state.c): system states under atomic replace', () => {
  const patch = (name: string, version: number) => ({
    name,
    replace: true,
    states: [{ id: 1, version }],
    objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }],
  });
  const twoReplacing = (v1: number, v2: number) =>
    scn({ livepatches: [patch('lp1', v1), patch('lp2', v2)], tasks: [{ commands: ['modprobe lp1', 'modprobe lp2'] }] });

  for (const v of ['upstream', 'split-poc19'] as VariantId[]) {
    it(`[${v}] the same state at the same version is compatible: lp2 replaces lp1`, () => {
      const t = runIn(v, twoReplacing(1, 1));
      expect(dmesg(t)).toContain("livepatch: 'lp2': patching complete");
      expect(dmesg(t).some((l) => l.includes('is not compatible'))).toBe(false);
      expect(out(t)).toEqual([]);
    });

    it(`[${v}] a lower version is not: lp2 is refused with -EINVAL`, () => {
      const t = runIn(v, twoReplacing(2, 1));
      expect(dmesg(t)).toContain('livepatch: Livepatch patch (lp2) is not compatible with the already installed livepatches.');
      expect(out(t)).toEqual(["modprobe: ERROR: could not insert 'lp2': Invalid argument"]);
    });
  }

  // klp_is_state_compatible(): `if (!state) return !patch->replace;`
  const NOT_COMPATIBLE = 'livepatch: Livepatch patch (lp2) is not compatible with the already installed livepatches.';
  const lp2 = (replace: boolean, states: { id: number; version: number }[]) => ({ name: 'lp2', replace, states, objects: [{ name: 'vmlinux', funcs: ['meminfo_proc_show'] }] });
  const after1 = (second: ReturnType<typeof lp2>) => runIn('upstream', scn({ livepatches: [patch('lp1', 2), second], tasks: [{ commands: ['modprobe lp1', 'modprobe lp2'] }] }), { maxSteps: 300 });

  it('a cumulative patch must carry every installed state: without state 1, even with another one, lp2 is refused', () => {
    for (const states of [[], [{ id: 2, version: 3 }]]) {
      const t = after1(lp2(true, states));
      expect(dmesg(t)).toContain(NOT_COMPATIBLE);
      expect(out(t)).toEqual(["modprobe: ERROR: could not insert 'lp2': Invalid argument"]);
    }
  });

  it('a patch that does not replace need not: without state 1 (with another one, at a lower version) lp2 loads next to lp1', () => {
    for (const states of [[], [{ id: 2, version: 1 }]]) {
      const t = after1(lp2(false, states));
      expect(dmesg(t)).not.toContain(NOT_COMPATIBLE);
      expect(dmesg(t)).toContain("livepatch: 'lp2': patching complete");
      expect(t.final.klp.patches.map((p) => [p.name, p.enabled])).toEqual([['lp1', true], ['lp2', true]]);
    }
  });
});

describe('klp_add_nops() (kernel/livepatch/core.c): the nops of a cumulative patch', () => {
  // lp1 patches cmdline_proc_show and meminfo_proc_show, and m_fn of M, which is not loaded. lp2
  // replaces it and patches only meminfo_proc_show. T1 sits in lp1's meminfo_proc_show from 1 s to
  // 6 s, so lp2's transition, started at 2 s, is still running when we look.
  const during = () => {
    const t = runIn(
      'upstream',
      scn({
        modules: [{ name: 'M', exports: ['m_fn'] }],
        livepatches: [
          { name: 'lp1', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show', 'meminfo_proc_show'] }, { name: 'M', funcs: ['m_fn'] }] },
          { name: 'lp2', replace: true, objects: [{ name: 'vmlinux', funcs: ['meminfo_proc_show'] }] },
        ],
        tasks: [
          { id: 'U1', commands: ['modprobe lp1', 'sleep 2', 'modprobe lp2'] },
          { id: 'T1', start: 1, commands: ['busy meminfo_proc_show 5'] },
        ],
      }),
      { maxSteps: 400 },
    );
    return worldAt(t, t.steps.findIndex((s) => s.dmesg?.includes("livepatch: 'lp2': starting patching transition")));
  };

  it('a nop for each function of an older patch that the new one does not patch, none for one it does (klp_add_object_nops())', () => {
    const lp2 = during().klp.patches.find((p) => p.name === 'lp2')!;
    expect(lp2.objects.map((o) => [o.name, o.funcs, o.nops])).toEqual([
      [null, ['meminfo_proc_show'], ['cmdline_proc_show']],
      ['M', [], ['m_fn']],
    ]);
  });

  it('a module object lp2 does not have is added as a dynamic object, not patched while its module is not loaded', () => {
    const w = during();
    expect(readFile(w, '/sys/kernel/livepatch/lp2/M/m_fn,1')).toBe('');
    expect(readFile(w, '/sys/kernel/livepatch/lp2/M/patched')).toBe('0');
    expect(readFile(w, '/sys/kernel/livepatch/lp2/vmlinux/patched')).toBe('1');
  });
});
