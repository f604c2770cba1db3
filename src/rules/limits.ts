/**
 * limits.ts - the kernel's numeric limits and timeouts the simulation follows, each in one place
 * with the function it comes from. Times are logical milliseconds (the simulator has no jiffies).
 */

/** kernel/kmod.c: max_modprobes, the number of request_module() helpers running at once. */
export const MAX_KMOD_CONCURRENT = 50;

/** kernel/kmod.c: __request_module() gives up waiting for a free helper slot after 5 s. */
export const MAX_KMOD_ALL_BUSY_TIMEOUT_MS = 5_000;

/** kernel/module.c: resolve_symbol_wait() waits at most 30 s for an exporter to leave COMING. */
export const RESOLVE_SYMBOL_TIMEOUT_MS = 30_000;

/** include/linux/module.h: MODULE_NAME_LEN (64 - sizeof(unsigned long)) on 64-bit. */
export const MODULE_NAME_LEN = 56;

/** kernel/livepatch/transition.c: klp_transition_work retries an unfinished transition every second. */
export const KLP_TRANSITION_RETRY_MS = 1_000;

/** kernel/livepatch/transition.c: klp_try_complete_transition() signals remaining tasks every 15th try (SIGNALS_TIMEOUT). */
export const KLP_SIGNALS_TIMEOUT = 15;

/** The simulator's own bound on any time a scenario names (a sleep, a start time, an init delay). */
export const MAX_SCENARIO_SECONDS = 3600;

/**
 * The simulator's bounds on what one run may take, so that any scenario ends in bounded time and
 * memory: steps before a run stops with the `limit` outcome (the livelock probe then looks a little
 * further), and the size of a scenario (module and livepatch files, user tasks, commands per task,
 * entries of one list such as a module's exports).
 */
export const DEFAULT_MAX_STEPS = 50_000;
export const MAX_SCENARIO_MODULES = 5000;
export const MAX_SCENARIO_TASKS = 100;
export const MAX_TASK_COMMANDS = 1000;
export const MAX_LIST_ENTRIES = 5000;

/**
 * The simulator's bound on the size of a scenario document (a file, a link, an autosave), in bytes
 * of JSON: a thousand-module chain takes about 100 kB.
 */
export const MAX_SCENARIO_BYTES = 2_000_000;

/** Seconds, as the kernel prints them in messages ("for more than 5 seconds now"). */
export const seconds = (ms: number): number => ms / 1000;

/**
 * [S] `getconf _NPROCESSORS_ONLN` of the simulated machine: test-syscall.sh starts
 * min(nproc, 128) getpid hammers. Any value gives the same log; four keeps runs short.
 */
export const SIM_NPROC = 4;
