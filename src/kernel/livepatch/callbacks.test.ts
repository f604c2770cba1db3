/**
 * The klp_object callbacks (kernel/livepatch/core.h) as the selftest modules print them
 * (test_klp_callbacks_demo.c callback_info()).
 */
import { describe, expect, it } from 'vitest';
import type { ModuleSpec } from '../../model/scenario';
import { dmesg, out, runIn, scn } from '../../test/helpers';

const M: ModuleSpec = { name: 'M', exports: ['m_fn'] };

describe('callbacks', () => {
  // klp_alloc_object_dynamic() allocates a bare object: no callbacks.
  it("a cumulative patch's dynamic object (for a module only the replaced patch had) runs no callbacks", () => {
    const t = runIn(
      'upstream',
      scn({
        modules: [M],
        livepatches: [
          { name: 'lp1', objects: [{ name: 'vmlinux' }, { name: 'M', funcs: ['m_fn'] }] },
          { name: 'lp2', replace: true, callbacks: 'print', objects: [{ name: 'vmlinux', funcs: ['meminfo_proc_show'] }] },
        ],
        tasks: [{ commands: ['modprobe M', 'modprobe lp1', 'modprobe lp2'] }],
      }),
      { maxSteps: 400 },
    );
    expect(dmesg(t).filter((l) => l.startsWith('lp2: '))).toEqual(['lp2: pre_patch_callback: vmlinux', 'lp2: post_patch_callback: vmlinux']);
  });

  it('after rmmod -f freed the patch module, a module that comes still gets its callbacks, pre_patch returning 0', () => {
    // The klp_patch stays registered in freed memory (see core.test.ts); with no module, there is
    // no pre_patch_ret parameter to read.
    const t = runIn(
      'upstream',
      scn({
        modules: [M],
        livepatches: [{ name: 'lp', callbacks: 'print', objects: [{ name: 'vmlinux' }, { name: 'M', funcs: ['m_fn'] }] }],
        tasks: [{ commands: ['modprobe lp', 'rmmod -f lp', 'modprobe M', 'lsmod'] }],
      }),
      { maxSteps: 400 },
    );
    expect(dmesg(t).slice(-3)).toEqual([
      "livepatch: applying patch 'lp' to loading module 'M'",
      'lp: pre_patch_callback: M -> [MODULE_STATE_COMING] Full formed, running module_init',
      'lp: post_patch_callback: M -> [MODULE_STATE_COMING] Full formed, running module_init',
    ]);
    expect(out(t)).toEqual(['Module                  Size  Used by', 'M                      16384  0']);
  });
});
