/**
 * livepatch.ts - presets P05-P07, P16, P16r, P16f, P17: livepatching that works the same way (or nearly) in
 * upstream and in the split POC.
 */
import type { Expectation, Preset } from './types';
import { mod, scenario, task } from './build';
import { enableLpWithLiveM } from './fixtures';

const enableLp = [
  "livepatch: enabling patch 'lp'",
  "livepatch: 'lp': initializing patching transition",
  'lp: pre_patch_callback: vmlinux',
  "livepatch: 'lp': starting patching transition",
  "livepatch: 'lp': completing patching transition",
  'lp: post_patch_callback: vmlinux',
  "livepatch: 'lp': patching complete",
];

export const P05: Preset = {
  id: 'P05',
  title: 'Livepatch lifecycle (vmlinux only)',
  variant: 'upstream',
  summary:
    'A livepatch module calls klp_enable_patch() from its init: callbacks, a patching transition, "patching ' +
    'complete". The patch holds a reference on its own module, so rmmod fails until the patch is disabled ' +
    'through sysfs and freed.',
  scenario: scenario('P05 - livepatch lifecycle', {
    livepatches: [{ name: 'lp', callbacks: 'print', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }] }],
    tasks: [task('modprobe lp', 'rmmod lp', 'echo 0 > /sys/kernel/livepatch/lp/enabled', 'rmmod lp')],
  }),
  expected: Object.fromEntries(
    (['upstream', 'split', 'split-poc19'] as const).map((v) => [
      v,
      {
        outcome: 'error',
        dmesg: [
          'lp: tainting kernel with TAINT_LIVEPATCH',
          ...enableLp,
          "livepatch: 'lp': initializing unpatching transition",
          'lp: pre_unpatch_callback: vmlinux',
          "livepatch: 'lp': starting unpatching transition",
          "livepatch: 'lp': completing unpatching transition",
          'lp: post_unpatch_callback: vmlinux',
          "livepatch: 'lp': unpatching complete",
        ],
        userspace: ['rmmod: ERROR: Module lp is in use'],
      } satisfies Expectation,
    ]),
  ),
};

const lpWithM = { name: 'lp', callbacks: 'print' as const, objects: [{ name: 'vmlinux' }, { name: 'M', funcs: ['m_fn'] }] };

const comingGoing = [
  ...enableLp,
  "livepatch: applying patch 'lp' to loading module 'M'",
  'lp: pre_patch_callback: M -> [MODULE_STATE_COMING] Full formed, running module_init',
  'lp: post_patch_callback: M -> [MODULE_STATE_COMING] Full formed, running module_init',
  'M: M_init',
  'M: M_exit',
  'lp: pre_unpatch_callback: M -> [MODULE_STATE_GOING] Going away',
  "livepatch: reverting patch 'lp' on unloading module 'M'",
  'lp: post_unpatch_callback: M -> [MODULE_STATE_GOING] Going away',
  "livepatch: 'lp': unpatching complete",
];

export const P06: Preset = {
  id: 'P06',
  title: 'Module loaded after the patch',
  variant: 'upstream',
  summary:
    'klp_module_coming() patches a module that arrives after the patch, before the module\'s own init runs; ' +
    'klp_module_going() reverts it after its exit. In the split POC the kernel also loads lp__M for M ' +
    '(request_module from klp_module_coming) and removes it again when M goes.',
  scenario: scenario('P06 - module loaded after the patch', {
    modules: [mod('M', { exports: ['m_fn'] })],
    livepatches: [lpWithM],
    tasks: [task('modprobe lp', 'modprobe M', 'lsmod', 'rmmod M', 'echo 0 > /sys/kernel/livepatch/lp/enabled', 'rmmod lp')],
  }),
  expected: {
    upstream: { outcome: 'ok', dmesg: comingGoing, notUserspace: ['lp__M                  16384  1'] },
    split: { outcome: 'ok', dmesg: comingGoing, userspace: ['lp__M                  16384  1'] },
    'split-poc19': { outcome: 'ok', dmesg: comingGoing, userspace: ['lp__M                  16384  1'] },
  },
};

export const P07: Preset = {
  id: 'P07',
  title: 'Module loaded before the patch',
  variant: 'upstream',
  summary:
    'M is already LIVE when the patch comes. Upstream, klp_enable_patch() patches M directly. In the split POC ' +
    'the main module\'s klp_enable_patch() first loads lp__M with request_module() (its klp_add_object() only ' +
    'links the object), then enables everything at once: no "applying patch" line.',
  scenario: scenario('P07 - module loaded before the patch', {
    modules: [mod('M', { exports: ['m_fn'] })],
    livepatches: [lpWithM],
    tasks: [task('modprobe M', 'modprobe lp', 'cat /sys/kernel/livepatch/lp/enabled')],
  }),
  expected: Object.fromEntries(
    (['upstream', 'split', 'split-poc19'] as const).map((v) => [
      v,
      { outcome: 'ok', dmesg: enableLpWithLiveM, notDmesg: ["livepatch: applying patch 'lp' to loading module 'M'"], userspace: ['1'] },
    ]),
  ),
};

export const P16: Preset = {
  id: 'P16',
  title: 'Second patch while the first is in transition',
  variant: 'upstream',
  summary:
    'A task sleeps in cmdline_proc_show(), which lp1 replaces, so lp1\'s transition cannot finish: it retries ' +
    'every second and sends fake signals after 15 s. Only one transition may run at a time, so lp2 fails with ' +
    '-EBUSY (the split POC also says so in dmesg).',
  scenario: scenario('P16 - second patch during a transition', {
    livepatches: [
      { name: 'lp1', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }] },
      { name: 'lp2', objects: [{ name: 'vmlinux', funcs: ['meminfo_proc_show'] }] },
    ],
    tasks: [
      { id: 'T1', commands: ['busy cmdline_proc_show 20'] },
      { id: 'U1', commands: ['modprobe lp1', 'cat /sys/kernel/livepatch/lp1/transition', 'modprobe lp2'] },
    ],
  }),
  expected: Object.fromEntries(
    (['upstream', 'split', 'split-poc19'] as const).map((v) => [
      v,
      {
        outcome: 'error',
        dmesg: [
          "livepatch: 'lp1': starting patching transition",
          ...(v === 'upstream' ? [] : ['livepatch: Already enabling livepatch: lp1']),
          'livepatch: signaling remaining tasks',
          "livepatch: 'lp1': completing patching transition",
          "livepatch: 'lp1': patching complete",
        ],
        notDmesg: ["livepatch: enabling patch 'lp2'"],
        userspace: ['1', "modprobe: ERROR: could not insert 'lp2': Device or resource busy"],
      } satisfies Expectation,
    ]),
  ),
};

const LP_SYSFS = '/sys/kernel/livepatch';

export const P16r: Preset = {
  id: 'P16r',
  title: 'Reversing a stuck transition',
  variant: 'upstream',
  summary:
    "T1 sleeps in the original meminfo_proc_show(), which lp replaces, so lp's patching transition cannot finish. " +
    'Writing 0 to enabled reverses it (klp_reverse_transition()): only the tasks that had already switched to the ' +
    'patched state are pending again. T1 never switched, so when it wakes before the next retry and reads ' +
    '/proc/meminfo it runs the original at once; the unpatching completes at that retry. No pre_unpatch callback ' +
    'runs on a reversal; post_unpatch does.',
  scenario: scenario('P16r - reversing a stuck transition', {
    livepatches: [{ name: 'lp', callbacks: 'print', objects: [{ name: 'vmlinux', funcs: ['meminfo_proc_show'] }] }],
    tasks: [
      { id: 'T1', commands: ['busy meminfo_proc_show 3.5', 'cat /proc/meminfo'] },
      {
        id: 'U1',
        start: 1,
        commands: ['modprobe lp', `cat ${LP_SYSFS}/lp/transition`, 'sleep 2', `echo 0 > ${LP_SYSFS}/lp/enabled`, `cat ${LP_SYSFS}/lp/transition`, 'sleep 2', 'rmmod lp', 'lsmod'],
      },
    ],
  }),
  expected: Object.fromEntries(
    (['upstream', 'split', 'split-poc19'] as const).map((v) => [
      v,
      {
        outcome: 'ok',
        dmesg: [
          "livepatch: 'lp': starting patching transition",
          "livepatch: 'lp': reversing transition from patching to unpatching",
          "livepatch: 'lp': starting unpatching transition",
          'lp: post_unpatch_callback: vmlinux',
          "livepatch: 'lp': unpatching complete",
        ],
        notDmesg: ['lp: pre_unpatch_callback: vmlinux', "livepatch: 'lp': patching complete"],
        userspace: ['1', '1', 'MemTotal:       24576000 kB', 'Module                  Size  Used by'],
        note: 'klp_start_transition() sets TIF_PATCH_PENDING only `if (task->patch_state != klp_target_state)`: after the reversal T1, which never switched, is not pending, and klp_ftrace_handler() gives it the original.',
      } satisfies Expectation,
    ]),
  ),
};

export const P16f: Preset = {
  id: 'P16f',
  title: 'Forcing a stuck transition',
  variant: 'upstream',
  summary:
    "A task sleeps in meminfo_proc_show(), which lp2 replaces, so lp2's transition cannot finish. Writing 1 to " +
    "lp2's force file switches every task at once (klp_force_transition()), and the next retry completes it. " +
    'The price: a forced patch may still have tasks running its old code, so its module is never put again. ' +
    'Before v5.18 every patch on the list was marked, so the unrelated lp1 can no longer be removed; since ' +
    'v5.18 only a patch being removed (or those a replace supersedes) is.',
  scenario: scenario('P16f - forcing a stuck transition', {
    livepatches: [
      { name: 'lp1', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }] },
      { name: 'lp2', objects: [{ name: 'vmlinux', funcs: ['meminfo_proc_show'] }] },
    ],
    tasks: [
      { id: 'T1', commands: ['busy meminfo_proc_show 100'] },
      {
        id: 'U1',
        start: 1,
        commands: [
          'modprobe lp1',
          'modprobe lp2',
          `cat ${LP_SYSFS}/lp2/transition`,
          `echo 1 > ${LP_SYSFS}/lp2/force`,
          'sleep 2',
          `cat ${LP_SYSFS}/lp2/transition`,
          `echo 0 > ${LP_SYSFS}/lp1/enabled`,
          'sleep 2',
          'rmmod lp1',
          'lsmod',
        ],
      },
    ],
  }),
  expected: Object.fromEntries(
    (['upstream', 'split', 'split-poc19'] as const).map((v) => [
      v,
      {
        outcome: 'error',
        dmesg: [
          "livepatch: 'lp2': starting patching transition",
          'livepatch: forcing remaining tasks to the patched state',
          "livepatch: 'lp2': patching complete",
          "livepatch: 'lp1': unpatching complete",
        ],
        notDmesg: ['livepatch: signaling remaining tasks'],
        userspace: ['1', '0', 'rmmod: ERROR: Module lp1 is in use', 'lp1                    16384  1'],
        note: 'v5.5 klp_force_transition(): `klp_for_each_patch(patch) patch->forced = true;` and klp_free_patch_finish() skips module_put() for a forced patch.',
      } satisfies Expectation,
    ]),
  ),
};

export const P17: Preset = {
  id: 'P17',
  title: 'Atomic replace',
  variant: 'upstream',
  summary:
    'lp2 is cumulative (replace): when its transition completes, lp1 is unpatched without running its unpatch ' +
    'callbacks and freed, so its module can be removed. In the split POC lp1__M goes away with it.',
  scenario: scenario('P17 - atomic replace', {
    modules: [mod('M', { exports: ['m_fn'] })],
    livepatches: [
      { name: 'lp1', callbacks: 'print', objects: [{ name: 'vmlinux' }, { name: 'M', funcs: ['m_fn'] }] },
      { name: 'lp2', callbacks: 'print', replace: true, objects: [{ name: 'vmlinux' }, { name: 'M', funcs: ['m_fn'] }] },
    ],
    tasks: [task('modprobe M', 'modprobe lp1', 'modprobe lp2', 'rmmod lp1', 'lsmod')],
  }),
  expected: Object.fromEntries(
    (['upstream', 'split', 'split-poc19'] as const).map((v) => [
      v,
      {
        outcome: 'ok',
        dmesg: ["livepatch: 'lp1': patching complete", "livepatch: enabling patch 'lp2'", "livepatch: 'lp2': patching complete"],
        notDmesg: ['lp1: pre_unpatch_callback: vmlinux', 'lp1: post_unpatch_callback: vmlinux'],
        notUserspace: ['lp1__M                 16384  1'],
      } satisfies Expectation,
    ]),
  ),
};
