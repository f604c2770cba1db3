/**
 * testModules.ts - the livepatch selftest modules of lib/livepatch/ (v5.10), modelled from their
 * C sources. Every selftest scenario has all of them on disk, like a kernel built with
 * CONFIG_TEST_LIVEPATCH=m.
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
