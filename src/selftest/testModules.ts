/**
 * testModules.ts - the livepatch selftest modules, modelled from their C sources: those of
 * lib/livepatch/ (v5.10, CONFIG_TEST_LIVEPATCH=m) and those of
 * tools/testing/selftests/livepatch/test_modules/ (v7.1, built out of tree since v6.9). Every
 * selftest scenario has all the modules of its version on disk.
 */
import type { LivepatchSpec, ModuleSpec } from '../model/scenario';

/** test_klp_callbacks_mod.c: prints from init and exit, nothing else. */
const test_klp_callbacks_mod: ModuleSpec = {
  name: 'test_klp_callbacks_mod',
  init: [{ print: 'test_klp_callbacks_mod_init' }],
  exit: [{ print: 'test_klp_callbacks_mod_exit' }],
};

/** test_klp_callbacks_busy.c: its work item sits in busymod_work_func() while block_transition. */
const test_klp_callbacks_busy: ModuleSpec = {
  name: 'test_klp_callbacks_busy',
  model: 'test_klp_callbacks_busy',
  params: { block_transition: { type: 'bool', default: 'N' } },
};

export const TEST_MODULES: ModuleSpec[] = [test_klp_callbacks_mod, test_klp_callbacks_busy];

export const TEST_LIVEPATCHES: LivepatchSpec[] = [
  /** test_klp_livepatch.c: livepatch_cmdline_proc_show() replaces cmdline_proc_show(). */
  { name: 'test_klp_livepatch', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }] },
  /** test_klp_atomic_replace.c: replaces meminfo_proc_show(); `replace` (int) sets patch.replace. */
  {
    name: 'test_klp_atomic_replace',
    params: { replace: { type: 'int', default: '0' } },
    objects: [{ name: 'vmlinux', funcs: ['meminfo_proc_show'] }],
  },
  /**
   * test_klp_callbacks_demo.c: three objects with all four callbacks; pre_patch_callback()
   * returns the `pre_patch_ret` parameter; the busy object replaces busymod_work_func().
   */
  {
    name: 'test_klp_callbacks_demo',
    callbacks: 'print',
    params: { pre_patch_ret: { type: 'int', default: '0' } },
    objects: [
      { name: 'vmlinux' },
      { name: 'test_klp_callbacks_mod' },
      { name: 'test_klp_callbacks_busy', funcs: ['busymod_work_func'] },
    ],
  },
  /** test_klp_callbacks_demo2.c: vmlinux object only, printing callbacks, `replace` parameter. */
  {
    name: 'test_klp_callbacks_demo2',
    callbacks: 'print',
    params: { replace: { type: 'int', default: '0' } },
    objects: [{ name: 'vmlinux' }],
  },
  /** test_klp_state.c: cumulative, state {id 1, version 1}. */
  { name: 'test_klp_state', model: 'test_klp_state', replace: true, states: [{ id: 1, version: 1 }], objects: [{ name: 'vmlinux' }] },
  /** test_klp_state2.c: cumulative, state version 2, takes over a previous patch's state. */
  { name: 'test_klp_state2', model: 'test_klp_state2', replace: true, states: [{ id: 1, version: 2 }], objects: [{ name: 'vmlinux' }] },
  /** test_klp_state3.c: `#include "test_klp_state2.c"`. */
  { name: 'test_klp_state3', model: 'test_klp_state2', replace: true, states: [{ id: 1, version: 2 }], objects: [{ name: 'vmlinux' }] },
];

/** test_klp_callbacks_busy.c of test_modules/ (v7.1): init waits for busymod_work_started. */
const test_klp_callbacks_busy_v7_1: ModuleSpec = { ...test_klp_callbacks_busy, model: 'test_klp_callbacks_busy_started' };

/** test_klp_mod_target.c (v7.1): /proc/test_klp_mod_target, shown by test_klp_mod_target_show(). */
const test_klp_mod_target: ModuleSpec = { name: 'test_klp_mod_target', model: 'test_klp_mod_target' };

/** test_klp_kprobe.c (v6.13): a kprobe on cmdline_proc_show, with a post_handler unless has_post_handler=false. */
const test_klp_kprobe: ModuleSpec = {
  name: 'test_klp_kprobe',
  model: 'test_klp_kprobe',
  params: { has_post_handler: { type: 'bool', default: 'Y' } },
};

export const TEST_MODULES_V7_1: ModuleSpec[] = [test_klp_callbacks_mod, test_klp_callbacks_busy_v7_1, test_klp_mod_target, test_klp_kprobe];

export const TEST_LIVEPATCHES_V7_1: LivepatchSpec[] = [
  ...TEST_LIVEPATCHES.map((lp) =>
    lp.name === 'test_klp_callbacks_demo'
      ? // busymod_work_func() is replaced by patched_work_func().
        { ...lp, objects: lp.objects.map((o) => (o.name === 'test_klp_callbacks_busy' ? { ...o, newFuncs: { busymod_work_func: 'patched_work_func' } } : o)) }
      : lp,
  ),
  /**
   * test_klp_syscall.c (v6.9): __x64_sys_getpid -> lp_sys_getpid(); `klp_pids` (int array,
   * perm 0); init creates /sys/kernel/test_klp_syscall/npids.
   */
  {
    name: 'test_klp_syscall',
    model: 'test_klp_syscall',
    params: { klp_pids: { type: 'intarray', default: '', hidden: true } },
    objects: [{ name: 'vmlinux', funcs: ['__x64_sys_getpid'], newFuncs: { __x64_sys_getpid: 'lp_sys_getpid' } }],
  },
  /** test_klp_mod_patch.c (v7.1): one object, test_klp_mod_target (no vmlinux object). */
  {
    name: 'test_klp_mod_patch',
    objects: [{ name: 'test_klp_mod_target', funcs: ['test_klp_mod_target_show'], newFuncs: { test_klp_mod_target_show: 'livepatch_mod_target_show' } }],
  },
];
