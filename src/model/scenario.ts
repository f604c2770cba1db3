/**
 * scenario.ts - the scenario document: modules on disk, livepatches, and user tasks with commands.
 *
 * A scenario is an input, never a result: the same scenario, variant and schedule always give the
 * same trace. It is versioned (`version`) so that shared links and files keep working; validation
 * lives in validate.ts, migrations in migrate.ts.
 */

export const SCENARIO_TYPE = 'klp-playground/scenario';
export const SCENARIO_VERSION = 1;

/** One step of a scripted module init/exit function (simulator vocabulary, [S]). */
export type ModuleOp =
  /** pr_info("%s\n", text): printed as "<module>: <text>". */
  | { print: string }
  /** msleep(): the task sleeps that many seconds (logical time). */
  | { sleep: number }
  /** return -errno (e.g. "ENODEV") or a positive value from init. */
  | { return: string | number }
  /** request_module("%s", name) from the init function. */
  | { request_module: string };

export interface ModuleParamSpec {
  /** module_param(..., int|bool, ...) or module_param_array(..., int, ...) ('intarray', comma-separated). */
  type: 'int' | 'bool' | 'intarray';
  default: string;
  /** perm 0: no /sys/module/NAME/parameters/ file (test_klp_syscall's klp_pids). */
  hidden?: boolean;
}

/** An ordinary (non-livepatch) module file: what modinfo and nm would show. */
export interface ModuleSpec {
  name: string;
  /** EXPORT_SYMBOL()s. */
  exports?: string[];
  /** Undefined symbols: resolved against vmlinux when no module exports them. */
  imports?: string[];
  /** Init function body; absent = no init function (returns 0). */
  init?: ModuleOp[];
  /** Exit function body; `null` = the module has an init but no exit, so it cannot be removed. */
  exit?: ModuleOp[] | null;
  /** A behaviour modelled in code (src/modules/), e.g. 'test_klp_callbacks_busy'. */
  model?: string;
  params?: Record<string, ModuleParamSpec>;
}

/** Callback behaviour of a livepatch's objects. */
export type CallbackModel =
  /** No callbacks. */
  | 'none'
  /** Callbacks print like lib/livepatch/test_klp_callbacks_demo.c and succeed. */
  | 'print';

export interface LivepatchObjectSpec {
  /** 'vmlinux' or the patched module's name. */
  name: string;
  /** Functions this object replaces (a task sleeping in one keeps the transition pending). */
  funcs?: string[];
  /** The replacement of a function when it is not `livepatch_<func>` (klp_func.new_func). */
  newFuncs?: Record<string, string>;
  /** Symbols the object's code imports (type A from vmlinux, B from the patched module, C from
   *  the main livepatch module, D from other modules). Split: the per-object module imports them;
   *  upstream: the single livepatch module does. */
  imports?: string[];
  /** Symbols exported by this object's code (split: by its per-object module). */
  exports?: string[];
  /** [S] Split only: the per-object module's init sleeps this long before klp_add_object(). */
  initDelay?: number;
}

export interface LivepatchSpec {
  /** Patch name = name of the (main) livepatch module. */
  name: string;
  replace?: boolean;
  states?: { id: number; version: number }[];
  callbacks?: CallbackModel;
  /** A behaviour modelled in code (src/modules/), e.g. 'test_klp_callbacks_demo'. */
  model?: string;
  params?: Record<string, ModuleParamSpec>;
  /** The vmlinux object, if the patch has one, comes first (the split POC's main module carries it). */
  objects: LivepatchObjectSpec[];
}

/** A user-space task running commands one after another (a shell). */
export interface TaskSpec {
  /** Label, e.g. 'U1'. Defaults to U<n>. */
  id?: string;
  /** Start time in seconds of logical time. */
  start?: number;
  /** Shell-like commands, see userspace/commands.ts for the grammar. */
  commands: string[];
}

export interface KernelConfig {
  /** /proc/sys/kernel/modprobe; '' disables request_module(). */
  modprobePath?: string;
  /** kernel.ftrace_enabled. */
  ftraceEnabled?: boolean;
  /** Dynamic debug for kernel/livepatch/* (pr_debug lines). On by default like the selftests. */
  dyndbg?: boolean;
}

export interface Scenario {
  type: typeof SCENARIO_TYPE;
  version: typeof SCENARIO_VERSION;
  title: string;
  description?: string;
  kernel?: KernelConfig;
  modules: ModuleSpec[];
  livepatches: LivepatchSpec[];
  tasks: TaskSpec[];
}
