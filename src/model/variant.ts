/**
 * variant.ts - the kernels the simulator can be.
 *
 * Two kernel versions, each with the split per-object POC on top:
 * - Linux v5.5 (the kernel the 2020 RFC was written against): upstream, the split POC, and the
 *   POC with patch 19/23 ("klp_break_recursion"), whose two hunks can be switched separately.
 * - Linux v7.1: upstream, and two hypothetical kernels: the split POC and the POC with 19/23 as if
 *   rebased onto 7.1, with their hooks where the 2020 patches put them.
 *
 * Simulated code asks the capability flags below (`variant.kernel.idempotentFinit`,
 * `variant.breakRecursion`), never the variant's id.
 */

export type VariantId =
  | 'upstream'
  | 'split'
  | 'split-poc19'
  | 'split-break-only'
  | 'split-norefs-only'
  | 'v7.1'
  | 'v7.1-split'
  | 'v7.1-split-poc19';

/**
 * What one kernel version does, as capability flags with the version that brought each change.
 * A flag that is false behaves as Linux v5.5.
 */
export interface KernelVersion {
  /** 'v5.5' or 'v7.1': the group of the variant switch. */
  version: 'v5.5' | 'v7.1';
  /** `uname -r`: /lib/modules/<release>, kmod's "not found in directory" line. */
  release: string;
  /** The kernel files the simulated functions follow. */
  sources: string[];
  /** The user-space tools whose messages the simulated modprobe, insmod and rmmod print. */
  userspace: string;

  // --- module loader (kernel/module/main.c, kernel/module/kmod.c) ---
  /**
   * v6.5 "modules: catch concurrent module loads, treat them as idempotent": finit_module() of a
   * file another task is loading waits on a per-inode completion in idempotent_init_module() and
   * returns that loader's result; since v6.11 the wait is interruptible (-EINTR).
   */
  idempotentFinit: boolean;
  /**
   * v6.2 "Don't wait for GOING modules" + v6.4 early_mod_check(): module_patient_check_exists()
   * before allocating and again in add_unformed_module(); no retry after the wait (LIVE ->
   * -EEXIST, otherwise -EBUSY), and a GOING module is not waited for.
   */
  patientCheckExists: boolean;
  /** v6.4 "move tainting until after a module hits our linked list": TAINT_LIVEPATCH after add_unformed_module(). */
  taintAfterUnique: boolean;
  /**
   * v6.4 "modules/kmod: replace implementation with a semaphore": the kmod slot wait is an
   * uninterruptible down_timeout(); no "throttling..." and no "sigkill sent" lines.
   */
  kmodSemaphore: boolean;
  /** v5.7 "kmod: make request_module() return an error when autoloading is disabled": empty modprobe_path -> -ENOENT. */
  emptyModprobePathEnoent: boolean;
  /** v5.11 "module: set MODULE_STATE_GOING state when a module fails to load": bug_cleanup sets GOING first. */
  bugCleanupGoing: boolean;
  /** v7.1 "module: Override -EEXIST module return": mod->init() returning -EEXIST fails the load with -EBUSY. */
  initEexistToEbusy: boolean;
  /** v7.1 "module: Simplify warning on positive returns from module_init()": one line, no stack dump. */
  initPositiveOneLine: boolean;

  // --- livepatch (kernel/livepatch/) ---
  /** v5.8 "livepatch: Disallow vmlinux.ko": klp_module_coming() refuses a module named vmlinux. */
  klpVmlinuxCheck: boolean;
  /** v5.18 "livepatch: Don't block removal of patches that are safe to unload": force marks fewer patches. */
  klpForceSafe: boolean;
  /** v5.19 kstrtobool() also accepts t/T and f/F (module bool parameters, sysfs writes). */
  kstrtoboolTrueFalse: boolean;
  /** v6.11 /sys/kernel/livepatch/<patch>/replace. */
  klpSysfsReplace: boolean;
  /** v6.14 /sys/kernel/livepatch/<patch>/stack_order. */
  klpSysfsStackOrder: boolean;

  // --- user space (kmod) ---
  /**
   * kmod v34..v34.2 rmmod: each holder is printed by its own ERR(), so the "in use by" line is
   * garbled (fixed after v34.2, in no release yet).
   */
  rmmodGarbledHolders: boolean;
  /** libkmod's own "could not remove 'M': %m" line before rmmod's when delete_module() fails. */
  rmmodLibkmodLine: boolean;
}

/** Linux v5.5 and kmod of early 2020, as the playground has always modelled them. */
export const KERNEL_V5_5: KernelVersion = {
  version: 'v5.5',
  release: '5.5.0',
  sources: ['kernel/module.c', 'kernel/kmod.c', 'kernel/livepatch/'],
  userspace: 'kmod 27',
  idempotentFinit: false,
  patientCheckExists: false,
  taintAfterUnique: false,
  kmodSemaphore: false,
  emptyModprobePathEnoent: false,
  bugCleanupGoing: false,
  initEexistToEbusy: false,
  initPositiveOneLine: false,
  klpVmlinuxCheck: false,
  klpForceSafe: false,
  kstrtoboolTrueFalse: false,
  klpSysfsReplace: false,
  klpSysfsStackOrder: false,
  rmmodGarbledHolders: false,
  rmmodLibkmodLine: false,
};

/** Linux v7.1 (module loader of the modules-7.1 pull, livepatch of v6.19 + 7.1) and kmod v34.2. */
export const KERNEL_V7_1: KernelVersion = {
  version: 'v7.1',
  release: '7.1.0',
  sources: ['kernel/module/main.c', 'kernel/module/kmod.c', 'kernel/livepatch/'],
  userspace: 'kmod 34.2',
  idempotentFinit: true,
  patientCheckExists: true,
  taintAfterUnique: true,
  kmodSemaphore: true,
  emptyModprobePathEnoent: true,
  bugCleanupGoing: true,
  initEexistToEbusy: true,
  initPositiveOneLine: true,
  klpVmlinuxCheck: true,
  klpForceSafe: true,
  kstrtoboolTrueFalse: true,
  klpSysfsReplace: true,
  klpSysfsStackOrder: true,
  rmmodGarbledHolders: true,
  rmmodLibkmodLine: true,
};

export interface Variant {
  id: VariantId;
  /** The full name (tooltips, compare headings, the CLI). */
  label: string;
  /** A few words where space is tight (the gallery, the compare menu). */
  short: string;
  /** Its name inside its kernel version's group of the variant switch (the group names the version). */
  tag: string;
  /** What it is, in one sentence. */
  description: string;
  /** The kernel version underneath, with its capability flags. */
  kernel: KernelVersion;
  /** Not a kernel that exists: the 2020 POC rebased onto a later kernel, as if. */
  hypothetical: boolean;
  /** Which kernel files (and patches) it follows, in one sentence. */
  follows: string;
  /** Livepatches are split into one module per patched object (POC 02..18). */
  split: boolean;
  /** POC 19 hunk in add_unformed_module(): klp_break_recursion() -> -EEXIST. */
  breakRecursion: boolean;
  /** POC 19 hunk in ref_module(): livepatch modules take no references. */
  livepatchNoRefs: boolean;
}

const V55_FILES = 'Linux v5.5 kernel/module.c, kernel/kmod.c and kernel/livepatch/, kmod 27';
const V71_FILES = 'Linux v7.1 kernel/module/main.c, kernel/module/kmod.c and kernel/livepatch/, kmod 34.2';
const POC = 'the RFC "livepatch: Split livepatch module per-object" (January 2020)';

export const VARIANTS: Record<VariantId, Variant> = {
  upstream: {
    id: 'upstream',
    label: 'upstream v5.5',
    short: 'upstream v5.5',
    tag: 'upstream',
    description: 'one livepatch module per patch, as in v5.5',
    kernel: KERNEL_V5_5,
    hypothetical: false,
    follows: V55_FILES,
    split: false,
    breakRecursion: false,
    livepatchNoRefs: false,
  },
  split: {
    id: 'split',
    label: 'split POC, without 19/23',
    short: 'split POC',
    tag: 'split POC',
    description: 'one livepatch module per patched object, the POC without patch 19/23',
    kernel: KERNEL_V5_5,
    hypothetical: false,
    follows: `${V55_FILES}, with ${POC} patches 01-18`,
    split: true,
    breakRecursion: false,
    livepatchNoRefs: false,
  },
  'split-poc19': {
    id: 'split-poc19',
    label: 'split POC + 19/23',
    short: 'split + 19/23',
    tag: 'split + 19/23',
    description: 'the POC with patch 19/23: both hunks',
    kernel: KERNEL_V5_5,
    hypothetical: false,
    follows: `${V55_FILES}, with ${POC} patches 01-19`,
    split: true,
    breakRecursion: true,
    livepatchNoRefs: true,
  },
  'split-break-only': {
    id: 'split-break-only',
    label: 'split POC + 19/23 add_unformed_module hunk only',
    short: '19/23 hunk (i) only',
    tag: '19/23 (i)',
    description: 'only the add_unformed_module() hunk of 19/23 (location i): klp_break_recursion() returns -EEXIST',
    kernel: KERNEL_V5_5,
    hypothetical: false,
    follows: `${V55_FILES}, with ${POC} patches 01-18 and the add_unformed_module() hunk of 19`,
    split: true,
    breakRecursion: true,
    livepatchNoRefs: false,
  },
  'split-norefs-only': {
    id: 'split-norefs-only',
    label: 'split POC + 19/23 ref_module hunk only',
    short: '19/23 hunk (ii) only',
    tag: '19/23 (ii)',
    description: 'only the ref_module() hunk of 19/23 (location ii): livepatch modules take no references',
    kernel: KERNEL_V5_5,
    hypothetical: false,
    follows: `${V55_FILES}, with ${POC} patches 01-18 and the ref_module() hunk of 19`,
    split: true,
    breakRecursion: false,
    livepatchNoRefs: true,
  },
  'v7.1': {
    id: 'v7.1',
    label: 'upstream v7.1',
    short: 'upstream v7.1',
    tag: 'upstream',
    description: 'Linux 7.1 as released: idempotent finit_module(), module_patient_check_exists(), one livepatch module per patch',
    kernel: KERNEL_V7_1,
    hypothetical: false,
    follows: V71_FILES,
    split: false,
    breakRecursion: false,
    livepatchNoRefs: false,
  },
  'v7.1-split': {
    id: 'v7.1-split',
    label: 'split POC rebased onto v7.1, without 19/23 (hypothetical)',
    short: 'v7.1 split (hyp.)',
    tag: 'split (hyp.)',
    description: 'hypothetical: the split POC as if rebased onto Linux 7.1, without patch 19/23',
    kernel: KERNEL_V7_1,
    hypothetical: true,
    follows: `${V71_FILES}, with ${POC} patches 01-18 as if rebased (never merged)`,
    split: true,
    breakRecursion: false,
    livepatchNoRefs: false,
  },
  'v7.1-split-poc19': {
    id: 'v7.1-split-poc19',
    label: 'split POC + 19/23 rebased onto v7.1 (hypothetical)',
    short: 'v7.1 split + 19/23 (hyp.)',
    tag: 'split + 19/23 (hyp.)',
    description:
      'hypothetical: the split POC and 19/23 as if rebased onto Linux 7.1, klp_break_recursion() still in add_unformed_module() and the ref_module() hunk',
    kernel: KERNEL_V7_1,
    hypothetical: true,
    follows: `${V71_FILES}, with ${POC} patches 01-19 as if rebased, hooks where the 2020 patches put them (never merged)`,
    split: true,
    breakRecursion: true,
    livepatchNoRefs: true,
  },
};

export const VARIANT_IDS = Object.keys(VARIANTS) as VariantId[];

export function isVariantId(s: string): s is VariantId {
  return Object.prototype.hasOwnProperty.call(VARIANTS, s);
}

/** The kernel versions, in the order the variant switch groups them. */
export const KERNEL_VERSIONS: KernelVersion[] = [KERNEL_V5_5, KERNEL_V7_1];

/** The variants of one kernel version, in switch order. */
export function variantsOf(version: KernelVersion['version']): VariantId[] {
  return VARIANT_IDS.filter((id) => VARIANTS[id].kernel.version === version);
}

/** The upstream (non-split, no POC) variant of a kernel version: the kernel the selftests of that version run on. */
export function upstreamOf(version: KernelVersion['version']): VariantId {
  const id = VARIANT_IDS.find((v) => VARIANTS[v].kernel.version === version && !VARIANTS[v].split);
  if (!id) throw new Error(`internal: no upstream variant for ${version}`);
  return id;
}
