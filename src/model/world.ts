/**
 * world.ts - the simulated kernel's global state ("the World") as plain data.
 *
 * Everything here can be cloned with structuredClone(), hashed and compared, so any step of a run
 * can be replayed, shared and explored. Static inputs (module files, variant switches) live in
 * Env (sim/env.ts), never here.
 */

/** enum module_state (include/linux/module.h). LIVE = 0, COMING = 1, GOING = 2, UNFORMED = 3. */
export type ModuleState =
  | 'MODULE_STATE_UNFORMED'
  | 'MODULE_STATE_COMING'
  | 'MODULE_STATE_LIVE'
  | 'MODULE_STATE_GOING';

/** A `struct module` in the kernel's module list. */
export interface ModuleInstance {
  /** Simulator id, unique in the run (frames refer to instances by it). */
  id: number;
  /** Instance number among modules of this name, shown as `name#inst` (M#1, then M#2). */
  inst: number;
  name: string;
  state: ModuleState;
  /** Raw atomic refcnt: 1 base reference (+1 during init) + users. module_refcount() = refcnt - 1. */
  refcnt: number;
  /** Modules that use this one (`source_list`, /sys/module/NAME/holders). */
  holders: string[];
  /** Modules this one uses (`target_list`). */
  uses: string[];
  /** mod->klp: MODULE_INFO(livepatch, Y). */
  klp: boolean;
  /** mod->klp_alive, set by klp_module_coming(), cleared by klp_module_going(). */
  klpAlive: boolean;
  /** Task that loads it (UNFORMED/COMING/LIVE) or unloads it (GOING): the target of W1 edges. */
  owner: number;
  /** /sys/module/NAME exists (created by mod_sysfs_setup after prepare_coming_module). */
  sysfs: boolean;
  /** Module parameters as set at load or through sysfs. */
  params: Record<string, string>;
  /** Parameters with perm 0: no file under /sys/module/NAME/parameters/. */
  hiddenParams?: string[];
  /** Has an init function but no exit function: cannot be removed ([permanent] in /proc/modules). */
  permanent: boolean;
  /** Worker running this module's queued work item, if any (for flush_work()). */
  work: number | null;
  /** The module's own globals, for modules modelled in code (test_klp_syscall's npids_pending). */
  data?: { [k: string]: Json };
}

export type WaitKind =
  | 'module_wq' // W1 add_unformed_module / W2 resolve_symbol_wait
  | 'umh' // W3 request_module waiting for its modprobe helper
  | 'kmod_slot' // W4 request_module throttle
  | 'mutex' // W6
  | 'sleep' // msleep(), a user-space sleep, a task sitting in a function
  | 'cond' // the selftest harness polling a file (loop_until)
  | 'work' // a worker waiting for queued work (flush_work)
  | 'completion'; // W5 (v6.5+): idempotent_wait_for_completion() on another task's finit_module() of the same file

/** Why a task is blocked. `until` makes the wait timed (logical ms). */
export interface Wait {
  kind: WaitKind;
  /** Kernel function the task sleeps in, e.g. 'add_unformed_module'. */
  fn: string;
  /** W1: module name; W2: owner module name; mutex: lock name. */
  name?: string;
  /** W3: helper pid; work: worker pid; W5: the task loading the file. */
  pid?: number;
  until?: number;
  /** Harness condition (see sim/conditions.ts). */
  cond?: string;
  /** Interruptible by any signal (W1, W2) or killable (W3, W4). */
  killable: boolean;
  /** Step at which the wait began: the wait-for graph links each edge to it. */
  since: number;
}

/** One activation record: a simulated kernel or user-space function with its program counter. */
export interface Frame {
  fn: string;
  pc: string;
  l: Locals;
}

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type Locals = { [k: string]: Json };

export type TaskKind = 'user' | 'helper' | 'kthread';

export interface Task {
  pid: number;
  /** Short stable label: U1.. for user tasks, H1.. for modprobe helpers, W1.. for workers. */
  label: string;
  comm: string;
  /** The command line, e.g. 'modprobe -q -- lp__M'. */
  argv: string;
  kind: TaskKind;
  parent: number | null;
  frames: Frame[];
  status: 'new' | 'runnable' | 'blocked' | 'exited';
  wait: Wait | null;
  startAt: number;
  exitCode: number | null;
  /** Signal that killed it, if any. */
  signal: number | null;
  /** A fatal signal is pending (delivered at the next interruptible/killable wait). */
  sigpending: number | null;
  /** Shell variables of a user task (the selftest harness's `pids`), expanded in its commands. */
  env?: Record<string, string>;
}

/** klp_object. */
export interface KlpObject {
  /** null = vmlinux. */
  name: string | null;
  /** Livepatch module that carries this object (the patch module upstream, <patch>__<obj> split). */
  carrier: string;
  /** Functions the object replaces (old_name), each redirected to its replacement when patched. */
  funcs: string[];
  /**
   * Atomic replace: nop klp_funcs (func->nop) that klp_add_nops() added for functions older
   * patches changed and this patch does not. A nop runs the original code; it is discarded when
   * the replace transition completes (klp_discard_nops()).
   */
  nops?: string[];
  /** obj->mod != NULL: the patched module is bound (loaded and klp_alive). */
  bound: boolean;
  /** Functions are redirected (ftrace handlers registered). */
  patched: boolean;
  /** obj->callbacks.post_unpatch_enabled: pre_patch succeeded. */
  postUnpatchEnabled: boolean;
  /** Nop object added for atomic replace. */
  dynamic: boolean;
}

/** The four klp_callbacks of a klp_object (include/linux/livepatch.h). */
export type CallbackName = 'pre_patch' | 'post_patch' | 'pre_unpatch' | 'post_unpatch';

export interface KlpStateRecord {
  id: number;
  version: number;
}

/** klp_patch in the global klp_patches list (or being set up). */
export interface KlpPatch {
  name: string;
  /** Value of the livepatch machine (machines/livepatch.machine.ts). */
  machine: string;
  enabled: boolean;
  replace: boolean;
  states: KlpStateRecord[];
  /** POC: the modules this patch has objects for (patch->obj_names). */
  objNames: string[];
  objects: KlpObject[];
  /** /sys/kernel/livepatch/NAME exists. */
  sysfs: boolean;
  forced: boolean;
  /** In the klp_patches list. */
  listed: boolean;
  /** POC 09: load timestamp, to tell "patch reloaded meanwhile"; also the patch's identity in frames. */
  ts: number;
  /**
   * patch->mod: the id of the livepatch module instance the klp_patch lives in. `rmmod -f` can free
   * that module while the patch stays registered (see sim/dangling.ts).
   */
  mod: number;
}

export type KlpTarget = 'KLP_TRANSITION_IDLE' | 'KLP_TRANSITION_PATCHED' | 'KLP_TRANSITION_UNPATCHED';

export interface KlpGlobals {
  patches: KlpPatch[];
  /** klp_transition_patch. */
  transition: string | null;
  /** klp_target_state. */
  target: KlpTarget;
  /** POC 17: klp_loading_patch. */
  loading: string | null;
  /** Tasks still to be switched in the current transition (TIF_PATCH_PENDING set). */
  pending: number[];
  /** klp_transition_work is queued (retry in 1 s). */
  workQueued: boolean;
  /** klp_signals_cnt. */
  signalsCnt: number;
  /** Patches freed but whose kobject release is still due (patch name). */
  tsCounter: number;
}

export interface LogLine {
  /** Step that emitted it. */
  step: number;
  time: number;
  text: string;
}

export interface UserLine {
  step: number;
  pid: number;
  stream: 'cmd' | 'stdout' | 'stderr' | 'exit';
  text: string;
}

/** Queued work (schedule_work / schedule_delayed_work), run by a kworker task. */
export interface WorkItem {
  fn: string;
  args: Locals;
  at: number;
}

/** A finit_module() in idempotent_init_module()'s hash (v6.5+), keyed by the file's inode. */
export interface IdempotentEntry {
  /** file_inode(f): the simulator identifies a file by its absolute path ([S] one inode per path). */
  cookie: string;
  pid: number;
}

/** The function tracer's files in /sys/kernel/tracing (kernel/trace/). */
export interface TracingState {
  /** current_tracer: 'nop' or 'function'. */
  tracer: string;
  /** set_ftrace_filter: the functions traced (empty = all). */
  filter: string[];
  /** tracing_on. */
  on: boolean;
  /** The trace buffer, one line per traced call. */
  buffer: string[];
}

/** A registered kprobe (kernel/kprobes.c), by the module that registered it. */
export interface KprobeState {
  fn: string;
  owner: string;
  /** With a post_handler on an ftrace site it is armed through the IPMODIFY kprobe_ipmodify_ops. */
  postHandler: boolean;
  /** Armed (kprobes were enabled when it was registered). */
  armed: boolean;
}

/**
 * A file a module creates while it is loaded: a /proc entry (proc_create_single()) whose show
 * function can be livepatched, or a sysfs attribute showing one of the module's globals.
 */
export interface ModuleFileEntry {
  path: string;
  /** The module that created it (removed by its exit). */
  owner: string;
  /** `stat --format %A`. */
  mode: string;
  /** proc: the show function, and what it prints unpatched. */
  fn?: string;
  text?: string;
  /** sysfs: the key of the owner's `data` it shows ("%u\n"). */
  dataKey?: string;
}

export interface World {
  /** utsname()->release, as `uname -r` prints it. */
  release: string;
  /** The kernel version (model/variant.ts KERNEL_VERSIONS): which sysfs attributes exist. */
  kernel: 'v5.5' | 'v7.1';
  time: number;
  step: number;
  nextPid: number;
  nextModId: number;
  /** Instances created so far, per module name. */
  instSeq: Record<string, number>;
  helperSeq: number;
  userSeq: number;
  workerSeq: number;
  modules: ModuleInstance[];
  tasks: Task[];
  /** Runnable pids, FIFO. */
  runq: number[];
  /** Task running now, kept until it blocks, yields or exits. */
  current: number | null;
  /** How many scheduling choices were taken so far (cursor into the schedule). */
  choices: number;
  klp: KlpGlobals;
  /** klp_mutex holder. Lock order: klp_mutex -> module_mutex. */
  klpMutex: number | null;
  /** Free kmod_concurrent_max slots (MAX_KMOD_CONCURRENT = 50). */
  kmodSlots: number;
  /** /proc/sys/kernel/modprobe. */
  modprobePath: string;
  /** kernel.ftrace_enabled sysctl. */
  ftraceEnabled: boolean;
  /** TAINT_LIVEPATCH already reported (pr_notice_once). */
  taintLivepatch: boolean;
  /** idempotent_init_module()'s hash of finit_module() calls in flight (v6.5+), oldest first. */
  idem: IdempotentEntry[];
  /** /sys/kernel/tracing. */
  tracing: TracingState;
  /** /sys/kernel/debug/kprobes/enabled (on at boot). */
  kprobesEnabled: boolean;
  kprobes: KprobeState[];
  /** /proc and sysfs files created by loaded modules. */
  moduleFiles: ModuleFileEntry[];
  /**
   * lib/debug_locks.c debug_locks: cleared by the first taint that makes lockdep unreliable
   * (TAINT_FORCED_RMMOD), which prints "Disabling lock debugging due to kernel taint" once.
   */
  debugLocks: boolean;
  work: WorkItem[];
  dmesg: LogLine[];
  userspace: UserLine[];
  /** User commands that exited non-zero, in order. */
  failures: { task: string; command: string; exit: number }[];
  /** Set when the last user task finished: kernel work may run until this time, then the run ends. */
  settleUntil: number | null;
  /** Stalls seen so far: a wait-for cycle that a timeout broke. */
  stalls: { step: number; cycle: number[]; location: string }[];
}
