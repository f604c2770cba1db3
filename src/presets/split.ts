/**
 * split.ts - presets P09, P12, P14, P15, P18-P20: how the split POC and 19/23 change references,
 * unloading and manual loads.
 */
import type { Preset } from './types';
import { mod, scenario, task } from './build';
import { typeB, typeC } from './fixtures';

export const P09: Preset = {
  id: 'P09',
  title: 'Type B with M loaded first, then rmmod M',
  variant: 'split-poc19',
  summary:
    'The livepatch code that uses M\'s export pins M: upstream lp, and lp__M in the split POC, hold a reference ' +
    'through ref_module(). With 19/23 livepatch modules take no references, so M can be removed: its exit runs, ' +
    'the patch is reverted and lp__M is removed by the kernel.',
  scenario: scenario('P09 - type B, rmmod the patched module', { ...typeB, tasks: [task('modprobe M', 'modprobe lp', 'rmmod M', 'lsmod')] }),
  expected: {
    upstream: { outcome: 'error', userspace: ['rmmod: ERROR: Module M is in use by: lp'] },
    split: { outcome: 'error', userspace: ['rmmod: ERROR: Module M is in use by: lp__M'] },
    'split-poc19': {
      outcome: 'ok',
      dmesg: ['M: M_exit', "livepatch: reverting patch 'lp' on unloading module 'M'"],
      notUserspace: ['lp__M                  16384  1'],
    },
  },
};

export const P12: Preset = {
  id: 'P12',
  title: 'Type C after the enable',
  variant: 'split',
  summary:
    'When lp is already LIVE, loading M makes klp_module_coming() load lp__M; modprobe skips the LIVE lp and ' +
    'lp__M resolves lp_shared_cb. Without 19/23 lp__M pins lp ("in use by: lp__M"); with it only the patch\'s ' +
    'own reference keeps lp.',
  scenario: scenario('P12 - type C after enable', { ...typeC, tasks: [task('modprobe lp', 'modprobe M', 'rmmod lp')] }),
  expected: {
    upstream: { outcome: 'error', dmesg: ["livepatch: applying patch 'lp' to loading module 'M'"], userspace: ['rmmod: ERROR: Module lp is in use'] },
    split: {
      outcome: 'error',
      dmesg: ["livepatch: applying patch 'lp' to loading module 'M'"],
      userspace: ['rmmod: ERROR: Module lp is in use by: lp__M'],
    },
    'split-poc19': {
      outcome: 'error',
      dmesg: ["livepatch: applying patch 'lp' to loading module 'M'"],
      userspace: ['rmmod: ERROR: Module lp is in use'],
      notUserspace: ['rmmod: ERROR: Module lp is in use by: lp__M'],
    },
  },
};

export const P14: Preset = {
  id: 'P14',
  title: 'Benign type D: mirrored dependencies',
  variant: 'split',
  summary:
    'B depends on A, and lp__B depends on lp__A, mirroring its patched modules. When B loads, A and lp__A are ' +
    'already LIVE, so nothing recurses. Only without 19/23 does lp__B take a reference on lp__A.',
  scenario: scenario('P14 - benign type D', {
    modules: [mod('A', { exports: ['a_fn'] }), mod('B', { imports: ['a_fn'] })],
    livepatches: [
      {
        name: 'lp',
        objects: [{ name: 'vmlinux' }, { name: 'A', funcs: ['a_fn'], exports: ['lpa_fn'] }, { name: 'B', funcs: ['b_fn'], imports: ['lpa_fn'] }],
      },
    ],
    tasks: [task('modprobe lp', 'modprobe B', 'lsmod')],
  }),
  expected: {
    upstream: {
      outcome: 'ok',
      dmesg: ["livepatch: applying patch 'lp' to loading module 'A'", "livepatch: applying patch 'lp' to loading module 'B'"],
    },
    split: {
      outcome: 'ok',
      dmesg: ["livepatch: applying patch 'lp' to loading module 'A'", "livepatch: applying patch 'lp' to loading module 'B'"],
      userspace: ['lp__A                  16384  2 lp__B'],
    },
    'split-poc19': {
      outcome: 'ok',
      dmesg: ["livepatch: applying patch 'lp' to loading module 'A'", "livepatch: applying patch 'lp' to loading module 'B'"],
      userspace: ['lp__A                  16384  1'],
    },
  },
};

export const P15: Preset = {
  id: 'P15',
  title: 'Per-object module loaded by hand',
  variant: 'split',
  summary:
    'Per-object modules are meant to be loaded by the kernel only. insmod lp__M.ko without lp, or without M, ' +
    'is refused by klp_add_object(). (The real POC oopses on the first: it prints the patch name through a NULL ' +
    'pointer; the simulator stops at the message and -EINVAL.)',
  scenario: scenario('P15 - per-object module by hand', {
    modules: [mod('M', { exports: ['m_fn'] })],
    livepatches: [{ name: 'lp', objects: [{ name: 'vmlinux' }, { name: 'M', funcs: ['m_fn'] }] }],
    tasks: [task('insmod lp__M.ko', 'modprobe lp', 'insmod lp__M.ko')],
  }),
  expected: {
    split: {
      outcome: 'error',
      dmesg: [
        "livepatch: Can't load livepatch (lp__M) for module when the livepatch (lp) for vmcore is not loaded",
        'livepatch: Livepatched module is not loaded: M',
        "livepatch: patch 'lp' failed for module 'M', refusing to load module 'M'",
      ],
      userspace: [
        'insmod: ERROR: could not insert module lp__M.ko: Invalid parameters',
        'insmod: ERROR: could not insert module lp__M.ko: Invalid parameters',
      ],
      note:
        'The POC 04 diff sends every klp_add_object() failure, "Livepatched module is not loaded" included, to its ' +
        'common err: label, which also prints the refusing line. The first insmod takes the same path with patch == NULL and oopses in the real POC; we print ' +
        'only the first line and return -EINVAL [S].',
    },
    'split-poc19': {
      outcome: 'error',
      dmesg: ['livepatch: Livepatched module is not loaded: M', "livepatch: patch 'lp' failed for module 'M', refusing to load module 'M'"],
      userspace: ['insmod: ERROR: could not insert module lp__M.ko: Invalid parameters'],
    },
  },
};

export const P15c: Preset = {
  id: 'P15c',
  title: 'modprobe of a per-object module with a type C dependency',
  variant: 'split',
  summary:
    '`modprobe lp__M` loads its dependency lp first; lp\'s init then requests lp__M itself. The helper loads lp ' +
    'again: a deadlock without 19/23; with it the helper gets -EEXIST, loads lp__M, lp goes LIVE, and the ' +
    'outer modprobe finds lp__M already loaded.',
  scenario: scenario('P15c - modprobe lp__M with type C', { ...typeC, tasks: [task('modprobe M', 'modprobe lp__M')] }),
  expected: {
    split: { outcome: 'deadlock', location: 'add_unformed_module', cycle: ['U1', 'H1'] },
    'split-poc19': { outcome: 'ok', dmesg: ["livepatch: 'lp': patching complete"] },
  },
};

export const P18: Preset = {
  id: 'P18',
  title: 'A second manual modprobe during the enable (19/23 side effect)',
  variant: 'split-poc19',
  summary:
    'While U1\'s `modprobe lp` is still loading objects (lp__M\'s init takes 5 s), U2 runs `modprobe lp` too. ' +
    'Without 19/23 U2 waits for lp like any same-name load. With it, klp_break_recursion() cannot tell U2 from ' +
    'a recursive load: U2 gets -EEXIST and exits 0 although lp is not loaded yet, and could still fail.',
  scenario: scenario('P18 - second manual modprobe', {
    modules: typeC.modules,
    livepatches: [{ ...typeC.livepatches[0], objects: [typeC.livepatches[0].objects[0], { ...typeC.livepatches[0].objects[1], initDelay: 5 }] }],
    tasks: [
      { id: 'U1', commands: ['modprobe M', 'modprobe lp'] },
      { id: 'U2', start: 1, commands: ['modprobe lp', 'cat /sys/module/lp/initstate'] },
    ],
  }),
  expected: {
    upstream: { outcome: 'ok' },
    split: { outcome: 'deadlock', location: 'add_unformed_module' },
    'split-poc19': { outcome: 'ok', userspace: ['coming'] },
  },
};

export const P19: Preset = {
  id: 'P19',
  title: 'Livepatch using an unrelated module (19/23 side effect)',
  variant: 'split-poc19',
  summary:
    'lp uses x_fn from module X. Normally that pins X. With 19/23 livepatch modules take no references at all, ' +
    'so rmmod X succeeds while lp still calls into X: a dangling reference, flagged by the simulator.',
  scenario: scenario('P19 - unrelated exporter', {
    modules: [mod('X', { exports: ['x_fn'] })],
    livepatches: [{ name: 'lp', objects: [{ name: 'vmlinux', imports: ['x_fn'], funcs: ['cmdline_proc_show'] }] }],
    tasks: [task('modprobe lp', 'rmmod X')],
  }),
  expected: {
    upstream: { outcome: 'error', userspace: ['rmmod: ERROR: Module X is in use by: lp'], warnings: [] },
    split: { outcome: 'error', userspace: ['rmmod: ERROR: Module X is in use by: lp'], warnings: [] },
    'split-poc19': { outcome: 'ok', dmesg: ['X: X_exit'], warnings: ['lp uses x_fn() of X, which is no longer loaded'] },
  },
};

export const P20: Preset = {
  id: 'P20',
  title: 'Empty modprobe path: livelock in klp_module_coming()',
  variant: 'split',
  summary:
    'With /proc/sys/kernel/modprobe empty, request_module() returns 0 without loading anything. The POC\'s ' +
    'klp_module_coming() restarts its loop after every successful request until the object appears, which ' +
    'never happens: it spins forever. Upstream never calls request_module() there.',
  scenario: scenario('P20 - empty modprobe path', {
    modules: [mod('M', { exports: ['m_fn'] })],
    livepatches: [{ name: 'lp', objects: [{ name: 'vmlinux' }, { name: 'M', funcs: ['m_fn'] }] }],
    tasks: [task('echo > /proc/sys/kernel/modprobe', 'modprobe lp', 'modprobe M')],
  }),
  expected: {
    upstream: { outcome: 'ok', dmesg: ["livepatch: applying patch 'lp' to loading module 'M'", 'M: M_init'] },
    split: { outcome: 'livelock', location: 'klp_module_coming' },
    'split-poc19': { outcome: 'livelock', location: 'klp_module_coming' },
  },
};
