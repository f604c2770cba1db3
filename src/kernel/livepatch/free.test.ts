/**
 * Freeing a klp_patch (kernel/livepatch/core.c): klp_free_patch_start() takes it off klp_patches
 * at once; klp_free_patch_finish(), from the free work, removes /sys/kernel/livepatch/<patch> and
 * drops the reference on the patch module. In the split POC it also removes the per-object
 * modules (patch 12, module_put_and_delete()), except after a forced transition.
 */
import { describe, expect, it } from 'vitest';
import { dmesg, out, runIn, scn } from '../../test/helpers';

const LP = '/sys/kernel/livepatch';
const U1_FIRST = Array<string>(40).fill('U1');

describe('between klp_free_patch_start() and the free work', () => {
  // lp1 carries system state 1; lp2 is cumulative and carries none. U1 disables lp1 and, before
  // the kworker runs klp_free_patch_work_fn(), reads its directory, tries to remove its module and
  // loads lp2.
  const run = () =>
    runIn(
      'upstream',
      scn({
        livepatches: [
          { name: 'lp1', states: [{ id: 1, version: 1 }], objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }] },
          { name: 'lp2', replace: true, objects: [{ name: 'vmlinux', funcs: ['meminfo_proc_show'] }] },
        ],
        tasks: [{ id: 'U1', commands: ['modprobe lp1', `echo 0 > ${LP}/lp1/enabled`, `cat ${LP}/lp1/enabled`, 'rmmod lp1', 'modprobe lp2', 'sleep 1', `cat ${LP}/lp1/enabled`, 'rmmod lp1'] }],
      }),
      { schedule: U1_FIRST, maxSteps: 600 },
    );

  it('the patch is off klp_patches: a cumulative patch without its state is compatible (klp_is_patch_compatible())', () => {
    const t = run();
    expect(dmesg(t)).not.toContain('livepatch: Livepatch patch (lp2) is not compatible with the already installed livepatches.');
    expect(dmesg(t)).toContain("livepatch: 'lp2': patching complete");
  });

  it('its directory and the reference on its module stay until the work runs', () => {
    expect(out(run())).toEqual(['0', 'rmmod: ERROR: Module lp1 is in use', `cat: ${LP}/lp1/enabled: No such file or directory`]);
  });
});

describe('split POC: the per-object modules of a freed patch', () => {
  // lp patches cmdline_proc_show in vmlinux (module lp) and m_fn in M (module lp__M).
  const split = (...commands: string[]) =>
    runIn(
      'split',
      scn({
        modules: [{ name: 'M', exports: ['m_fn'] }],
        livepatches: [{ name: 'lp', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }, { name: 'M', funcs: ['m_fn'] }] }],
        tasks: [
          { id: 'T1', commands: ['busy cmdline_proc_show 3'] },
          { id: 'U1', start: 1, commands: ['modprobe M', 'modprobe lp', ...commands, 'sleep 5', 'lsmod'] },
        ],
      }),
      { maxSteps: 800 },
    );

  it('are removed with the patch: module_put_and_delete() is queued for each', () => {
    const t = split('sleep 3', `echo 0 > ${LP}/lp/enabled`);
    expect(t.steps.some((s) => s.text.includes('queued module_put_and_delete(lp__M)'))).toBe(true);
    expect(out(t)).toEqual(['Module                  Size  Used by', 'lp                     16384  0', 'M                      16384  0']);
  });

  it('stay forever after a forced transition, as the patch module does', () => {
    const t = split(`echo 1 > ${LP}/lp/force`, 'sleep 1', `echo 0 > ${LP}/lp/enabled`);
    expect(dmesg(t)).toContain("livepatch: 'lp': unpatching complete");
    expect(t.steps.some((s) => s.text.includes('module_put_and_delete'))).toBe(false);
    expect(out(t)).toEqual(['Module                  Size  Used by', 'lp__M                  16384  1', 'lp                     16384  1', 'M                      16384  0']);
  });
});
