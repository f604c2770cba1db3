/**
 * seed.ts - the seed patch's situations: 1 (type B recursion), 2 (type C recursion), 3 (type D
 * cycle), and location ii in isolation (P08, P10, P11, P13).
 */
import type { Preset } from './types';
import { mod, scenario, task } from './build';
import { enableLpWithLiveM, typeC } from './fixtures';

export const P08: Preset = {
  id: 'P08',
  title: 'Situation 1: type B recursion (still deadlocks with 19/23)',
  variant: 'split-poc19',
  seed: 'situation 1 (type B)',
  situation: 1,
  summary:
    'lp__M uses a symbol exported by M, the module it patches, so depmod makes lp__M depend on M. Loading M ' +
    'runs klp_module_coming(M), which runs `modprobe lp__M`; that modprobe loads the dependency M first, finds ' +
    'M COMING and waits in add_unformed_module() for the very load that waits for it. M is not a livepatch ' +
    'module, so klp_break_recursion() cannot help: the patch leaves type B broken.',
  scenario: scenario('P08 - situation 1, type B', {
    modules: [mod('M', { exports: ['m_fn'] })],
    livepatches: [{ name: 'lp', callbacks: 'print', objects: [{ name: 'vmlinux' }, { name: 'M', funcs: ['m_fn'], imports: ['m_fn'] }] }],
    tasks: [task('modprobe lp', 'modprobe M')],
  }),
  expected: {
    upstream: {
      outcome: 'ok',
      dmesg: ['M: M_init', "livepatch: enabling patch 'lp'", 'lp: pre_patch_callback: M -> [MODULE_STATE_LIVE] Normal state'],
      note: 'Upstream lp itself imports m_fn, so `modprobe lp` loads M first and pins it.',
    },
    split: { outcome: 'deadlock', location: 'add_unformed_module', cycle: ['U1', 'H1'], lastDmesg: "livepatch: 'lp': patching complete" },
    'split-poc19': {
      outcome: 'deadlock',
      location: 'add_unformed_module',
      cycle: ['U1', 'H1'],
      lastDmesg: "livepatch: 'lp': patching complete",
    },
  },
};

export const P10: Preset = {
  id: 'P10',
  title: 'Situation 2: type C recursion (fixed by 19/23)',
  variant: 'split',
  seed: 'situation 2 (type C)',
  situation: 2,
  summary:
    'lp__M uses a helper exported by the main livepatch module lp (shared callbacks, as in the selftests). ' +
    'While lp\'s init runs klp_enable_patch(), it loads lp__M; that modprobe first loads the dependency lp, ' +
    'finds it COMING and waits for it in add_unformed_module(): a deadlock (location i). Patch 19/23 makes ' +
    'the nested load of lp return -EEXIST (klp_break_recursion) and lets lp__M use lp without a reference ' +
    '(location ii), so the enable completes.',
  scenario: scenario('P10 - situation 2, type C', { ...typeC, tasks: [task('modprobe M', 'modprobe lp', 'lsmod')] }),
  expected: {
    upstream: { outcome: 'ok', dmesg: enableLpWithLiveM, note: 'Upstream has no per-object modules: the single lp module works.' },
    split: { outcome: 'deadlock', location: 'add_unformed_module', cycle: ['U1', 'H1'], lastDmesg: 'lp: tainting kernel with TAINT_LIVEPATCH' },
    'split-poc19': {
      outcome: 'ok',
      dmesg: enableLpWithLiveM,
      notDmesg: ["livepatch: applying patch 'lp' to loading module 'M'"],
      userspace: ['lp                     16384  1'],
    },
  },
};

export const P10i: Preset = {
  id: 'P10i',
  title: 'Situation 2 with insmod: the helper loads another file of lp',
  variant: 'v7.1-split-poc19',
  seed: 'situation 2 (type C), insmod',
  situation: 2,
  summary:
    'Situation 2, but the administrator loads lp with `insmod lp.ko` from the build directory, a different file ' +
    'from the /lib/modules copy the helper\'s `modprobe -q -- lp__M` opens. Both are named lp, so on v5.5 the ' +
    'helper waits in add_unformed_module(), where 19/23 breaks the recursion. On v7.1 the helper is not an ' +
    'idempotent waiter (another inode), but early_mod_check() calls module_patient_check_exists() before ' +
    "anything is allocated and waits there for lp: 19/23's hook in add_unformed_module() is still not reached.",
  scenario: scenario('P10i - situation 2, insmod of lp', { ...typeC, tasks: [task('modprobe M', 'insmod lp.ko', 'lsmod')] }),
  expected: {
    upstream: { outcome: 'ok', dmesg: enableLpWithLiveM },
    split: { outcome: 'deadlock', location: 'add_unformed_module', cycle: ['U1', 'H1'] },
    'split-poc19': { outcome: 'ok', dmesg: enableLpWithLiveM, cites: ['klp_break_recursion'] },
  },
};

export const P11: Preset = {
  id: 'P11',
  title: 'Location ii in isolation: only the add_unformed_module hunk',
  variant: 'split-break-only',
  seed: 'situation 2, location ii',
  situation: 2,
  summary:
    'With only the first hunk of 19/23, the nested `modprobe lp` returns -EEXIST, but lp__M still asks for a ' +
    'reference on lp, which is COMING: strong_try_module_get() refuses, resolve_symbol_wait() waits 30 s for ' +
    'the init that waits for it, gives up with -EBUSY, and the whole enable fails. A stall, not a deadlock.',
  scenario: scenario('P11 - location ii in isolation', { ...typeC, tasks: [task('modprobe M', 'modprobe lp')] }),
  expected: {
    'split-break-only': {
      outcome: 'stall',
      location: 'resolve_symbol_wait',
      cycle: ['U1', 'H1'],
      dmesg: [
        'lp__M: gave up waiting for init of module lp.',
        'lp__M: Unknown symbol lp_shared_cb (err -16)',
        'livepatch: Module load failed: lp__M',
      ],
      userspace: ["modprobe: ERROR: could not insert 'lp': Invalid argument"],
    },
    split: { outcome: 'deadlock', location: 'add_unformed_module', cycle: ['U1', 'H1'] },
    'split-poc19': { outcome: 'ok', dmesg: enableLpWithLiveM },
  },
};

export const P13: Preset = {
  id: 'P13',
  title: 'Situation 3: type D cycle',
  variant: 'split',
  seed: 'situation 3 (type D)',
  situation: 3,
  summary:
    'B depends on A; lp patches A, and lp__A uses a symbol of B. depmod sees no cycle (lp__A -> B -> A), but ' +
    'the kernel adds the hidden edge "loading A loads lp__A". `modprobe A` runs `modprobe lp__A`, which loads ' +
    'A again first and waits for it. 19/23 does not touch this: A is not a livepatch module.',
  scenario: scenario('P13 - situation 3, type D', {
    modules: [mod('A', { exports: ['a_fn'] }), mod('B', { imports: ['a_fn'], exports: ['b_fn'] })],
    livepatches: [{ name: 'lp', objects: [{ name: 'vmlinux' }, { name: 'A', funcs: ['a_fn'], imports: ['b_fn'] }] }],
    tasks: [task('modprobe lp', 'modprobe A')],
  }),
  expected: {
    upstream: { outcome: 'ok', dmesg: ['A: A_init', 'B: B_init', "livepatch: enabling patch 'lp'"] },
    split: { outcome: 'deadlock', location: 'add_unformed_module', cycle: ['U1', 'H1'] },
    'split-poc19': { outcome: 'deadlock', location: 'add_unformed_module', cycle: ['U1', 'H1'] },
  },
};

export const P08k: Preset = {
  id: 'P08k',
  title: 'Situation 1, escaping with kill: kill the modprobe helper',
  variant: 'split-poc19',
  seed: 'situation 1 (type B), escape hatch',
  situation: 1,
  summary:
    'The deadlock of P08 can be broken by hand: H1 sleeps interruptibly in add_unformed_module(), so `kill H1` ' +
    'ends it. request_module() then returns the helper\'s signal status, klp_module_coming() fails with ' +
    '-EINVAL and the load of M fails: M cannot be loaded while the patch is enabled.',
  scenario: scenario('P08k - situation 1, kill the helper', {
    modules: P08.scenario.modules,
    livepatches: P08.scenario.livepatches,
    tasks: [task('modprobe lp', 'modprobe M'), { id: 'K', start: 5, commands: ['kill H1'] }],
  }),
  expected: {
    split: {
      outcome: 'error',
      dmesg: ['livepatch: Module load failed: lp__M'],
      userspace: ["modprobe: ERROR: could not insert 'M': Invalid argument"],
    },
    'split-poc19': {
      outcome: 'error',
      dmesg: ['livepatch: Module load failed: lp__M'],
      userspace: ["modprobe: ERROR: could not insert 'M': Invalid argument"],
    },
  },
};

export const P10k: Preset = {
  id: 'P10k',
  title: 'Situation 2, Ctrl-C does not help: kill the outer modprobe',
  variant: 'split',
  seed: 'situation 2 (type C), escape hatch',
  situation: 2,
  summary:
    'Killing the administrator\'s modprobe (U1) instead of the helper ends U1\'s wait in request_module(): lp\'s ' +
    'enable fails and lp is freed. That wakes H1, which finds no lp any more and loads lp itself, whose init ' +
    'requests lp__M again: the same deadlock one level deeper, now between H1 and H2.',
  scenario: scenario('P10k - situation 2, kill the outer modprobe', {
    modules: [mod('M', { exports: ['m_fn'] })],
    livepatches: P10.scenario.livepatches,
    tasks: [task('modprobe M', 'modprobe lp'), { id: 'K', start: 5, commands: ['kill -9 U1'] }],
  }),
  expected: {
    split: { outcome: 'deadlock', location: 'add_unformed_module', cycle: ['H1', 'H2'], dmesg: ['livepatch: Module load failed: lp__M'] },
  },
};
