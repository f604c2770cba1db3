/**
 * v71.ts - what every preset does on Linux v7.1 and on the two hypothetical kernels (the split POC
 * and 19/23 as if rebased onto 7.1), each with why, in kernel terms, and the functions it rests
 * on (`cites`, checked by presets.test.ts to run). Kept apart from the v5.5 expectations so that
 * "what changed since 2020" can be read in one place.
 *
 * The recurring answer for the seed situations: on 7.1 the recursive load blocks before
 * add_unformed_module(). A `modprobe` of a module whose load waits for it opens the same file
 * and sleeps in idempotent_wait_for_completion() (v6.5, interruptible since v6.11), before the
 * file is read; an insmod of another file of that name sleeps in early_mod_check() ->
 * module_patient_check_exists() (v6.4). 19/23's klp_break_recursion(), rebased where the 2020
 * patch put it, in add_unformed_module(), is never reached (rules/seed.ts).
 */
import type { Expectation, Preset } from './types';
import type { VariantId } from '../model/variant';
import { enableLpWithLiveM } from './fixtures';

type V71 = Partial<Record<'v7.1' | 'v7.1-split' | 'v7.1-split-poc19', Expectation>>;

const IDEM = 'idempotent_wait_for_completion';
const PATIENT = 'module_patient_check_exists';
const IDEM_CITES = ['request_module', 'idempotent_init_module', IDEM];

/** "in use by" as kmod 34.2's rmmod prints it: one ERR() per holder, so one garbled line. */
function inUseBy(mod: string, ...holders: string[]): string {
  return `rmmod: ERROR: Module ${mod} is in use by:${holders.map((h) => `rmmod: ERROR:  ${h}`).join('')}rmmod: ERROR: `;
}

const GARBLED =
  "kmod 34.2's rmmod prints the holders of a module with one ERR() each, so each gets its own 'rmmod: ERROR: ' prefix on one line " +
  '(check_module_inuse(); fixed after 34.2, in no release yet). The kernel side is unchanged: ref_module() -> strong_try_module_get().';

const SAME_LOADER =
  'Nothing here depends on what changed since v5.5: the loader waits, references and livepatch messages it uses are the same in 7.1.';

const NO_RECURSION_UPSTREAM = 'Upstream has one livepatch module per patch: its init enables the patch without loading anything, so nothing recurses.';

function idemWhy(dep: string, who: string, extra = '', lead = ''): string {
  return (
    lead +
    `${who}'s finit_module() of /lib/modules/7.1.0/extra/${dep}.ko is still running: it waits in request_module() for the helper H1. ` +
    `H1's modprobe loads the dependency ${dep} from the same file (modules.dep), so idempotent_init_module() (v6.5) finds that inode ` +
    `in flight and puts H1 to sleep in idempotent_wait_for_completion() until ${who}'s finit_module() returns: location i, moved before load_module().` +
    extra
  );
}

/** Leads a v7.1-split-poc19 explanation: the answer first. */
const HOOK_LEAD = '19/23 no longer breaks this: H1 sleeps in idempotent_wait_for_completion(), before add_unformed_module() and its klp_break_recursion() hook. ';

const HOOK_NOT_REACHED =
  " The hook still sits in add_unformed_module(), where the 2020 patch put it, but H1 sleeps before the kernel has even read the file: " +
  'it knows no module name and never reaches load_module(). Any signal ends the wait (-EINTR since v6.11). ' +
  'A rebased 19/23 would need hooks in module_patient_check_exists() and in the idempotent path, which knows only an inode.';

const V71_EXPECTED: Record<string, V71> = {
  P10: {
    'v7.1': { outcome: 'ok', dmesg: enableLpWithLiveM, why: NO_RECURSION_UPSTREAM, cites: ['idempotent_init_module', 'early_mod_check', 'klp_enable_patch'] },
    'v7.1-split': {
      outcome: 'deadlock',
      location: IDEM,
      cycle: ['U1', 'H1'],
      lastDmesg: 'lp: tainting kernel with TAINT_LIVEPATCH',
      why: idemWhy('lp', 'U1', ' TAINT_LIVEPATCH is printed once lp is in the module list (module_augment_kernel_taints(), v6.4), before the wait.'),
      cites: IDEM_CITES,
    },
    'v7.1-split-poc19': { outcome: 'deadlock', location: IDEM, cycle: ['U1', 'H1'], why: idemWhy('lp', 'U1', HOOK_NOT_REACHED, HOOK_LEAD), cites: IDEM_CITES, notReached: ['klp_break_recursion'] },
  },
  P10i: {
    'v7.1': { outcome: 'ok', dmesg: enableLpWithLiveM, why: NO_RECURSION_UPSTREAM, cites: ['early_mod_check', PATIENT] },
    'v7.1-split': {
      outcome: 'deadlock',
      location: PATIENT,
      cycle: ['U1', 'H1'],
      why:
        "/root/lp.ko and /lib/modules/7.1.0/extra/lp.ko are two inodes, so H1 is no idempotent waiter: it enters load_module(), and early_mod_check() (v6.4) calls module_patient_check_exists(), which finds lp COMING and sleeps on module_wq before layout_and_allocate(). It is v5.5's wait in add_unformed_module(), moved earlier; a signal ends it (-ERESTARTSYS).",
      cites: ['early_mod_check', PATIENT],
    },
    'v7.1-split-poc19': {
      outcome: 'deadlock',
      location: PATIENT,
      cycle: ['U1', 'H1'],
      why:
        '19/23 no longer breaks this: H1 waits in early_mod_check() -> module_patient_check_exists(), before add_unformed_module() and its hook. ' +
        'On v5.5 19/23 fixes this one (add_unformed_module() finds lp COMING and klp_break_recursion() returns -EEXIST); on v7.1 the same-name wait comes before allocation (v6.4).',
      cites: ['early_mod_check', PATIENT],
      notReached: ['klp_break_recursion'],
    },
  },
  P08: {
    'v7.1': {
      outcome: 'ok',
      dmesg: ['M: M_init', "livepatch: enabling patch 'lp'", 'lp: pre_patch_callback: M -> [MODULE_STATE_LIVE] Normal state'],
      why: 'As on v5.5: the one lp module imports m_fn itself, so `modprobe lp` loads M first.',
    },
    'v7.1-split': {
      outcome: 'deadlock',
      location: IDEM,
      cycle: ['U1', 'H1'],
      lastDmesg: "livepatch: 'lp': patching complete",
      why: idemWhy(
        'M',
        'U1',
        ' kmod counts M as not loaded: /sys/module/M appears only in mod_sysfs_setup(), after prepare_coming_module() -> klp_module_coming().',
      ),
      cites: [...IDEM_CITES, 'klp_module_coming'],
    },
    'v7.1-split-poc19': {
      outcome: 'deadlock',
      location: IDEM,
      cycle: ['U1', 'H1'],
      why: idemWhy('M', 'U1', '', "M is not a livepatch module, so 19/23 could not break this on v5.5 either; on v7.1 its hook is not even reached. "),
      cites: IDEM_CITES,
      notReached: ['klp_break_recursion'],
    },
  },
  P13: {
    'v7.1': { outcome: 'ok', dmesg: ['A: A_init', 'B: B_init', "livepatch: enabling patch 'lp'"], why: NO_RECURSION_UPSTREAM },
    'v7.1-split': { outcome: 'deadlock', location: IDEM, cycle: ['U1', 'H1'], why: idemWhy('A', 'U1', ' (`modprobe lp__A` loads B and its dependency A first.)'), cites: IDEM_CITES },
    'v7.1-split-poc19': { outcome: 'deadlock', location: IDEM, cycle: ['U1', 'H1'], why: idemWhy('A', 'U1', HOOK_NOT_REACHED, HOOK_LEAD), cites: IDEM_CITES, notReached: ['klp_break_recursion'] },
  },
  P11: {
    'v7.1': { outcome: 'ok', dmesg: enableLpWithLiveM, why: NO_RECURSION_UPSTREAM },
    'v7.1-split': { outcome: 'deadlock', location: IDEM, cycle: ['U1', 'H1'], why: idemWhy('lp', 'U1'), cites: IDEM_CITES },
    'v7.1-split-poc19': {
      outcome: 'deadlock',
      location: IDEM,
      cycle: ['U1', 'H1'],
      why:
        'Location ii is unchanged in 7.1 (resolve_symbol_wait(): strong_try_module_get() refuses a COMING lp, 30 s) and the ref_module() hunk of 19/23 would still remove it, ' +
        'but the nested load never gets that far: it waits for U1 in idempotent_wait_for_completion() first. Location i now blocks before ii in every v7.1 split kernel, so there is no "hunk (i) only" kernel to show ii.',
      cites: IDEM_CITES,
      notReached: ['klp_break_recursion', 'resolve_symbol_wait'],
    },
  },
  P08k: {
    'v7.1': { outcome: 'error', userspace: ['sh: kill: (H1) - No such process'], why: 'Upstream klp_module_coming() loads nothing: there is no helper to kill, and M loads.' },
    'v7.1-split': {
      outcome: 'error',
      dmesg: ['livepatch: Module load failed: lp__M'],
      userspace: ["modprobe: ERROR: could not insert 'M': Invalid argument"],
      why:
        'H1 sleeps interruptibly in idempotent_wait_for_completion(); SIGTERM ends the wait with -EINTR and H1 dies of the signal. ' +
        'request_module() returns the wait status 15, which the POC turns into -EINVAL: M is refused, as on v5.5.',
      cites: IDEM_CITES,
    },
    'v7.1-split-poc19': {
      outcome: 'error',
      dmesg: ['livepatch: Module load failed: lp__M'],
      userspace: ["modprobe: ERROR: could not insert 'M': Invalid argument"],
      why: 'As without 19/23: H1 waits in idempotent_wait_for_completion(), the signal ends it (-EINTR), and request_module() returns 15 -> -EINVAL.',
      cites: IDEM_CITES,
      notReached: ['klp_break_recursion'],
    },
  },
  P10k: {
    'v7.1': { outcome: 'error', userspace: ['sh: kill: (U1) - No such process'], why: 'Nothing blocks upstream: U1 is done long before K runs.' },
    'v7.1-split': {
      outcome: 'error',
      dmesg: ['livepatch: Module load failed: lp__M'],
      why:
        "SIGKILL ends U1's wait in call_usermodehelper_exec() with -ERESTARTSYS, lp's enable fails and its load unwinds. On v5.5 H1 then loaded lp itself and deadlocked one level deeper; " +
        "on v7.1 H1 is an idempotent waiter of U1's finit_module() and idempotent_complete() hands it U1's result (-ERESTARTSYS, [S] passed on to user space as errno 512), so its modprobe stops: no second helper, no deadlock.",
      cites: IDEM_CITES,
    },
    'v7.1-split-poc19': {
      outcome: 'error',
      dmesg: ['livepatch: Module load failed: lp__M'],
      why: "As without 19/23: H1 gets U1's failed result from idempotent_complete() instead of retrying.",
      cites: IDEM_CITES,
      notReached: ['klp_break_recursion'],
    },
  },
  P01: sameAll({
    outcome: 'error',
    dmesg: ['core: core_init', 'drv: drv_init', 'drv: drv_exit', 'core: core_exit'],
    userspace: ['core                   16384  1 drv', inUseBy('core', 'drv')],
    why: GARBLED,
  }),
  P02: sameAll({
    outcome: 'error',
    dmesg: ['drv: Unknown symbol core_fn (err -2)', 'core: core_init', 'drv: drv_init'],
    userspace: ['insmod: ERROR: could not insert module drv.ko: Unknown symbol in module'],
    why: `${SAME_LOADER} simplify_symbols() still prints 'Unknown symbol %s (err %d)' and fails with -ENOENT.`,
    cites: ['simplify_symbols'],
  }),
  P03: sameAll({
    outcome: 'error',
    dmesg: ['slow: slow_init'],
    userspace: ['insmod: ERROR: could not insert module slow.ko: File exists'],
    notUserspace: ["modprobe: ERROR: could not insert 'slow': File exists"],
    why:
      "Same output as v5.5, other waits: T2's insmod opens /root/slow.ko, another inode, and waits in early_mod_check() -> module_patient_check_exists() until slow is LIVE (-EEXIST). " +
      "T3's modprobe opens the file T1 is loading and waits in idempotent_wait_for_completion(); it returns T1's 0, not -EEXIST.",
    cites: ['early_mod_check', PATIENT, IDEM],
  }),
  P03f: sameAll({
    outcome: 'error',
    lastDmesg: 'slow: slow_init failing',
    userspace: ["modprobe: ERROR: could not insert 'slow': No such device", 'insmod: ERROR: could not insert module slow.ko: Device or resource busy', "modprobe: ERROR: could not insert 'slow': No such device"],
    notUserspace: ['insmod: ERROR: could not insert module slow.ko: No such device'],
    why:
      'v6.2 "module: Don\'t wait for GOING modules": after its wait module_patient_check_exists() no longer retries; the module is gone, so T2 gets -EBUSY at once and slow\'s init runs only once. ' +
      "T3 opens T1's file: idempotent_complete() hands it T1's -ENODEV.",
    cites: [PATIENT, IDEM],
  }),
  P04: sameAll({
    outcome: 'error',
    dmesg: ['user: gave up waiting for init of module slow.', 'user: Unknown symbol slow_fn (err -16)', 'slow: slow_init'],
    userspace: ['insmod: ERROR: could not insert module user.ko: Device or resource busy'],
    why: `${SAME_LOADER} resolve_symbol_wait() still waits up to 30 s for a COMING exporter, then prints 'gave up waiting' and fails with -EBUSY.`,
    cites: ['resolve_symbol_wait'],
  }),
  P05: sameAll({
    outcome: 'error',
    dmesg: [
      'lp: tainting kernel with TAINT_LIVEPATCH',
      "livepatch: enabling patch 'lp'",
      "livepatch: 'lp': patching complete",
      "livepatch: 'lp': initializing unpatching transition",
      "livepatch: 'lp': unpatching complete",
    ],
    userspace: ['rmmod: ERROR: Module lp is in use'],
    why: `${SAME_LOADER} The patch holds a reference on its own module (try_module_get() in klp_enable_patch()); TAINT_LIVEPATCH comes after add_unformed_module() since v6.4.`,
    cites: ['klp_enable_patch', 'enabled_store', 'delete_module'],
  }),
  P06: {
    'v7.1': { outcome: 'ok', dmesg: ["livepatch: applying patch 'lp' to loading module 'M'", 'M: M_init', "livepatch: reverting patch 'lp' on unloading module 'M'"], why: SAME_LOADER, cites: ['klp_module_coming', 'klp_module_going'] },
    'v7.1-split': { outcome: 'ok', dmesg: ["livepatch: applying patch 'lp' to loading module 'M'", 'M: M_init'], userspace: ['lp__M                  16384  1'], why: SAME_LOADER },
    'v7.1-split-poc19': { outcome: 'ok', dmesg: ["livepatch: applying patch 'lp' to loading module 'M'", 'M: M_init'], userspace: ['lp__M                  16384  1'], why: SAME_LOADER },
  },
  P07: sameAll({ outcome: 'ok', dmesg: enableLpWithLiveM, notDmesg: ["livepatch: applying patch 'lp' to loading module 'M'"], userspace: ['1'], why: SAME_LOADER, cites: ['klp_enable_patch'] }),
  P09: {
    'v7.1': { outcome: 'error', userspace: [inUseBy('M', 'lp')], why: GARBLED },
    'v7.1-split': { outcome: 'error', userspace: [inUseBy('M', 'lp__M')], why: GARBLED },
    'v7.1-split-poc19': {
      outcome: 'ok',
      dmesg: ['M: M_exit', "livepatch: reverting patch 'lp' on unloading module 'M'"],
      notUserspace: ['lp__M                  16384  1'],
      why: "ref_module() is unchanged in 7.1, so the rebased ref_module() hunk of 19/23 works as on v5.5: lp__M takes no reference on M.",
      cites: ['delete_module', 'klp_module_going'],
    },
  },
  P12: {
    'v7.1': { outcome: 'error', dmesg: ["livepatch: applying patch 'lp' to loading module 'M'"], userspace: ['rmmod: ERROR: Module lp is in use'], why: SAME_LOADER },
    'v7.1-split': { outcome: 'error', dmesg: ["livepatch: applying patch 'lp' to loading module 'M'"], userspace: [inUseBy('lp', 'lp__M')], why: GARBLED },
    'v7.1-split-poc19': {
      outcome: 'error',
      dmesg: ["livepatch: applying patch 'lp' to loading module 'M'"],
      userspace: ['rmmod: ERROR: Module lp is in use'],
      notUserspace: [inUseBy('lp', 'lp__M')],
      why: 'lp is LIVE when M comes, so nothing recurses; only the patch\'s own reference keeps lp (ref_module() hunk of 19/23).',
    },
  },
  P14: {
    'v7.1': { outcome: 'ok', dmesg: ["livepatch: applying patch 'lp' to loading module 'A'", "livepatch: applying patch 'lp' to loading module 'B'"], why: SAME_LOADER },
    'v7.1-split': { outcome: 'ok', userspace: ['lp__A                  16384  2 lp__B'], why: 'A and lp__A are LIVE when B loads: nothing recursive reaches a wait.' },
    'v7.1-split-poc19': { outcome: 'ok', userspace: ['lp__A                  16384  1'], why: 'As on v5.5 with 19/23: lp__B takes no reference on lp__A.' },
  },
  P15: {
    'v7.1': {
      outcome: 'error',
      userspace: ['insmod: ERROR: could not load module lp__M.ko: No such file or directory'],
      why: 'Upstream builds no per-object modules: there is no lp__M.ko to insmod.',
    },
    'v7.1-split': {
      outcome: 'error',
      dmesg: ['livepatch: Livepatched module is not loaded: M', "livepatch: patch 'lp' failed for module 'M', refusing to load module 'M'"],
      userspace: ['insmod: ERROR: could not insert module lp__M.ko: Invalid parameters'],
      why: "klp_add_object() as rebased refuses the object as on v5.5; kmod 34.2's insmod prints -EINVAL as 'Invalid parameters' too.",
      cites: ['klp_add_object'],
    },
    'v7.1-split-poc19': {
      outcome: 'error',
      dmesg: ['livepatch: Livepatched module is not loaded: M'],
      userspace: ['insmod: ERROR: could not insert module lp__M.ko: Invalid parameters'],
      why: "klp_add_object() as rebased refuses the object as on v5.5.",
    },
  },
  P15c: {
    'v7.1': { outcome: 'error', userspace: ['modprobe: FATAL: Module lp__M not found in directory /lib/modules/7.1.0'], why: 'Upstream has no lp__M module.' },
    'v7.1-split': { outcome: 'deadlock', location: IDEM, cycle: ['U1', 'H1'], why: idemWhy('lp', 'U1', " (U1's `modprobe lp__M` loads its dependency lp first; lp's init requests lp__M.)"), cites: IDEM_CITES },
    'v7.1-split-poc19': {
      outcome: 'deadlock',
      location: IDEM,
      cycle: ['U1', 'H1'],
      why: idemWhy('lp', 'U1', " On v5.5 19/23 made H1's load of lp return -EEXIST.", HOOK_LEAD),
      cites: IDEM_CITES,
      notReached: ['klp_break_recursion'],
    },
  },
  P16: {
    'v7.1': {
      outcome: 'error',
      dmesg: ["livepatch: 'lp1': starting patching transition", 'livepatch: signaling remaining tasks', "livepatch: 'lp1': patching complete"],
      notDmesg: ["livepatch: enabling patch 'lp2'"],
      userspace: ['1', "modprobe: ERROR: could not insert 'lp2': Device or resource busy"],
      why: 'The transition code of 7.1 prints the same: __klp_enable_patch() returns -EBUSY while klp_transition_patch is set, before "enabling patch"; klp_send_signals() at the 15th retry.',
      cites: ['klp_enable_patch', 'klp_transition_work_fn'],
    },
    'v7.1-split': {
      outcome: 'error',
      dmesg: ["livepatch: 'lp1': starting patching transition", 'livepatch: Already enabling livepatch: lp1', 'livepatch: signaling remaining tasks'],
      userspace: ["modprobe: ERROR: could not insert 'lp2': Device or resource busy"],
      why: SAME_LOADER,
    },
    'v7.1-split-poc19': {
      outcome: 'error',
      dmesg: ["livepatch: 'lp1': starting patching transition", 'livepatch: Already enabling livepatch: lp1', 'livepatch: signaling remaining tasks'],
      userspace: ["modprobe: ERROR: could not insert 'lp2': Device or resource busy"],
      why: SAME_LOADER,
    },
  },
  P16r: sameAll({
    outcome: 'ok',
    dmesg: ["livepatch: 'lp': reversing transition from patching to unpatching", "livepatch: 'lp': unpatching complete"],
    notDmesg: ['lp: pre_unpatch_callback: vmlinux'],
    userspace: ['1', '1', 'MemTotal:       24576000 kB', 'Module                  Size  Used by'],
    why: 'Unchanged in 7.1: klp_reverse_transition() flips klp_target_state and calls klp_start_transition(), which marks only the tasks whose patch_state differs from the new target.',
    cites: ['klp_transition_work_fn', 'klp_free_patch_work_fn'],
  }),
  P16f: sameAll({
    outcome: 'ok',
    dmesg: ["livepatch: 'lp2': starting patching transition", 'livepatch: forcing remaining tasks to the patched state', "livepatch: 'lp2': patching complete", "livepatch: 'lp1': unpatching complete"],
    notDmesg: ['livepatch: signaling remaining tasks'],
    userspace: ['1', '0', 'Module                  Size  Used by', 'lp2                    16384  1'],
    notUserspace: ['rmmod: ERROR: Module lp1 is in use'],
    why:
      'Since v5.18 klp_force_transition() marks as forced only the patch being removed (klp_target_state == KLP_UNPATCHED) or, for an atomic replace, ' +
      'the patches it supersedes: lp2 was being applied and is no replace, so no patch is marked and lp1 is put and removed as usual. ' +
      'Every task is still switched at once (klp_update_patch_state()), so the next retry completes the transition.',
    cites: ['klp_transition_work_fn'],
  }),
  P17: sameAll({
    outcome: 'ok',
    dmesg: ["livepatch: 'lp1': patching complete", "livepatch: enabling patch 'lp2'", "livepatch: 'lp2': patching complete"],
    notDmesg: ['lp1: pre_unpatch_callback: vmlinux', 'lp1: post_unpatch_callback: vmlinux'],
    notUserspace: ['lp1__M                 16384  1'],
    why: 'Atomic replace is unchanged since v5.1: klp_unpatch_replaced_patches() runs no callbacks of the replaced patch, and its module can be removed once it is freed.',
    cites: ['klp_enable_patch', 'klp_free_patch_work_fn'],
  }),
  P18: {
    'v7.1': { outcome: 'ok', userspace: ['live'], why: 'lp is LIVE before U2 starts: modprobe finds /sys/module/lp/initstate live and does nothing.' },
    'v7.1-split': { outcome: 'deadlock', location: IDEM, cycle: ['U1', 'H1'], why: idemWhy('lp', 'U1', " U2's modprobe opens the same file and waits there too."), cites: IDEM_CITES },
    'v7.1-split-poc19': {
      outcome: 'deadlock',
      location: IDEM,
      cycle: ['U1', 'H1'],
      why:
        "On v5.5 19/23 could not tell U2's manual modprobe from the recursion and returned -EEXIST to both; on v7.1 both H1 and U2 open the file U1 is loading and wait in idempotent_wait_for_completion(), and H1's wait closes the cycle. " +
        'The side effect is gone with the fix.',
      cites: IDEM_CITES,
      notReached: ['klp_break_recursion'],
    },
  },
  P19: {
    'v7.1': { outcome: 'error', userspace: [inUseBy('X', 'lp')], warnings: [], why: GARBLED },
    'v7.1-split': { outcome: 'error', userspace: [inUseBy('X', 'lp')], warnings: [], why: GARBLED },
    'v7.1-split-poc19': {
      outcome: 'ok',
      dmesg: ['X: X_exit'],
      warnings: ['lp uses x_fn() of X, which is no longer loaded'],
      why: 'The ref_module() hunk of 19/23 works on 7.1 as on v5.5, with the same side effect: no reference pins X.',
      cites: ['delete_module'],
    },
  },
  P20: {
    'v7.1': {
      outcome: 'ok',
      dmesg: ["livepatch: applying patch 'lp' to loading module 'M'", 'M: M_init'],
      why: 'Upstream never calls request_module() from klp_module_coming().',
      cites: ['klp_module_coming'],
      notReached: ['request_module'],
    },
    'v7.1-split': {
      outcome: 'error',
      dmesg: ['livepatch: Module load failed: lp__M'],
      userspace: ["modprobe: ERROR: could not insert 'M': Unknown symbol in module, or unknown parameter (see dmesg)"],
      why:
        'Since v5.7 __request_module() returns -ENOENT when /proc/sys/kernel/modprobe is empty (v5.5: 0). The POC passes a negative result through, so klp_module_coming() fails and M is refused instead of the endless loop of v5.5.',
      cites: ['request_module', 'klp_module_coming'],
    },
    'v7.1-split-poc19': {
      outcome: 'error',
      dmesg: ['livepatch: Module load failed: lp__M'],
      userspace: ["modprobe: ERROR: could not insert 'M': Unknown symbol in module, or unknown parameter (see dmesg)"],
      why: 'As without 19/23: request_module() returns -ENOENT (v5.7), so there is no livelock.',
      cites: ['request_module', 'klp_module_coming'],
    },
  },
};

function sameAll(e: Expectation): V71 {
  return { 'v7.1': e, 'v7.1-split': e, 'v7.1-split-poc19': e };
}

/** Selftests whose transcript the hypothetical split kernels change, and why. */
const SPLIT_SELFTESTS: Record<string, { outcome: Expectation['outcome']; dmesg: string[]; why: string }> = {
  'ST-callbacks-07': {
    outcome: 'ok',
    dmesg: ['livepatch: Module load failed: test_klp_callbacks_demo__test_klp_callbacks_mod', "modprobe: ERROR: could not insert 'test_klp_callbacks_mod': Invalid argument"],
    why: 'The failing pre_patch callback fails the per-object module\'s load; the POC turns that into -EINVAL, so modprobe says "Invalid argument" where the script expects "No such device". The harness only logs it.',
  },
  'ST7-callbacks-07': {
    outcome: 'ok',
    dmesg: ['livepatch: Module load failed: test_klp_callbacks_demo__test_klp_callbacks_mod', 'insmod: ERROR: could not insert module test_modules/test_klp_callbacks_mod.ko: Invalid parameters'],
    why: 'The failing pre_patch callback fails the per-object module\'s load; the POC turns that into -EINVAL, so insmod says "Invalid parameters" where the script expects "No such device".',
  },
  'ST7-livepatch-04': {
    outcome: 'error',
    dmesg: ['ERROR: livepatch kselftest(s) failed'],
    why: 'The replacement of test_klp_mod_target_show() lives in the per-object module test_klp_mod_patch__test_klp_mod_target, so THIS_MODULE->name in its output is not the one the script compares with.',
  },
  'ST7-livepatch-05': {
    outcome: 'error',
    dmesg: ['ERROR: livepatch kselftest(s) failed'],
    why: 'The replacement lives in the per-object module test_klp_mod_patch__test_klp_mod_target: the /proc output names that module, not test_klp_mod_patch.',
  },
  'ST7-sysfs-02': {
    outcome: 'error',
    dmesg: ['ERROR: Unexpected value in /sys/kernel/livepatch/test_klp_callbacks_demo/test_klp_callbacks_mod/patched: 0 vs. '],
    why: "The POC adds a module's klp_object only when its per-object module loads, so <patch>/test_klp_callbacks_mod/ does not exist while the module is absent (v7.1 keeps it with patched 0).",
  },
};

/** The v7.1 expectations of a selftest preset: the same transcript, except where the split kernels change it. */
function selftestV71(p: Preset): V71 {
  const base = p.expected[p.variant];
  if (!base) return {};
  const out: V71 = {};
  if (p.variant === 'upstream') {
    out['v7.1'] = {
      ...base,
      why: "The v5.10 script's expected log holds on v7.1 too (run with the v5.10 harness, modprobe from /lib/modules/7.1.0): no livepatch message it checks changed; 7.1 adds sysfs attributes and behaviour this script does not look at.",
    };
  }
  for (const v of ['v7.1-split', 'v7.1-split-poc19'] as const) {
    const special = SPLIT_SELFTESTS[p.id];
    out[v] = special
      ? { outcome: special.outcome, dmesg: special.dmesg, why: `Hypothetical split POC on 7.1: ${special.why}` }
      : {
          ...base,
          why: 'Hypothetical split POC on 7.1: the test livepatches with module objects are loaded as per-object modules through request_module(), and for this case the transcript is the same.',
        };
  }
  return out;
}

/** The preset with its v7.1 expectations added (v5.5 and v7.1 selftest presets alike). */
export function withV71(p: Preset): Preset {
  const extra: V71 = p.id.startsWith('ST') ? selftestV71(p) : (V71_EXPECTED[p.id] ?? {});
  const expected: Preset['expected'] = { ...p.expected };
  for (const [v, e] of Object.entries(extra) as [VariantId, Expectation][]) if (!expected[v]) expected[v] = e;
  return { ...p, expected };
}

/** Presets that have no v7.1 expectation yet (presets.test.ts requires there be none). */
export function missingV71(presets: Preset[]): string[] {
  const v71: VariantId[] = ['v7.1', 'v7.1-split', 'v7.1-split-poc19'];
  return presets.flatMap((p) => v71.filter((v) => !p.expected[v]).map((v) => `${p.id} [${v}]`));
}
