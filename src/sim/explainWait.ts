/**
 * explainWait.ts - one sentence per kind of wait, in kernel terms, for the "possible unsafe
 * scenario" table: which function sleeps, on what, and what ends the sleep. The two loader waits
 * are the seed patch's locations (rules/seed.ts); on v7.1 location i is reached earlier, in
 * idempotent_wait_for_completion() (W5) or module_patient_check_exists().
 */
import type { WaitEdge } from './waitFor';
import { seedLocationOf, seedMoveOf, type SeedLocation } from '../rules/seed';
import { MAX_KMOD_ALL_BUSY_TIMEOUT_MS, MAX_KMOD_CONCURRENT, RESOLVE_SYMBOL_TIMEOUT_MS, seconds } from '../rules/limits';

export interface WaitExplanation {
  /** The seed patch's location, when the wait is one of the two loader waits. */
  location: SeedLocation | null;
  title: string;
  why: string;
}

/** Explain an edge of the wait-for graph; `toLabel` is the label of the task waited for. */
export function explainWait(e: Pick<WaitEdge, 'wid' | 'fn' | 'timed'>, toLabel: string): WaitExplanation {
  const location = seedLocationOf(e.fn) ?? null;
  switch (e.wid) {
    case 'W1':
      if (e.fn === 'module_patient_check_exists') {
        return {
          location,
          title: `location (i), moved (${seedMoveOf(e.fn)?.since}+): a load of another file of a module that is still loading`,
          why:
            `module_patient_check_exists() found a module of the same name COMING or UNFORMED, loaded by ${toLabel}, and sleeps on module_wq ` +
            'until it is LIVE (then -EEXIST) or gone (then -EBUSY, no retry since v6.2). Called from early_mod_check() before anything is ' +
            "allocated, so add_unformed_module() and 19/23's klp_break_recursion() hook there are not reached. Any signal ends the wait (-ERESTARTSYS).",
        };
      }
      return {
        location,
        title: 'location (i): a second load of a module that is still loading',
        why: `add_unformed_module() found an instance of the same name COMING and sleeps on module_wq until it is LIVE or gone; that instance belongs to ${toLabel}.`,
      };
    case 'W5':
      return {
        location,
        title: `location (i), moved (${seedMoveOf(e.fn)?.since}+): a finit_module() of a file ${toLabel} is loading`,
        why:
          `idempotent_init_module() found ${toLabel}'s finit_module() of the same file (same inode) in flight and sleeps in ` +
          `idempotent_wait_for_completion() until ${toLabel}'s load_module() returns, init included, then returns its result. ` +
          "The file is not read yet, so the module's name is unknown: add_unformed_module() and 19/23's klp_break_recursion() are never reached. " +
          'Any signal ends the wait with -EINTR (since v6.11).',
      };
    case 'W2':
      return {
        location,
        title: 'location (ii): a symbol from a module that is still COMING',
        why: `strong_try_module_get() refuses a reference on a COMING module, so resolve_symbol_wait() retries for up to ${seconds(RESOLVE_SYMBOL_TIMEOUT_MS)} s, then the load fails with -EBUSY. The exporter's loader is ${toLabel}.`,
      };
    case 'W3':
      return {
        location,
        title: 'request_module() waits for its modprobe helper',
        why: `call_usermodehelper_exec() sleeps until the helper ${toLabel} (/sbin/modprobe) exits; only a fatal signal ends the wait.`,
      };
    case 'W4':
      if (e.fn === 'down_timeout') {
        return {
          location,
          title: 'request_module(): all kmod slots taken',
          why: `__request_module() sleeps uninterruptibly in down_timeout() for up to ${seconds(MAX_KMOD_ALL_BUSY_TIMEOUT_MS)} s for a free kmod slot (at most ${MAX_KMOD_CONCURRENT} helpers at once); a helper such as ${toLabel} exiting frees one. No signal ends it.`,
        };
      }
      return {
        location,
        title: 'request_module() throttle',
        why: `__request_module() waits up to ${seconds(MAX_KMOD_ALL_BUSY_TIMEOUT_MS)} s for a free kmod slot (at most ${MAX_KMOD_CONCURRENT} helpers at once); a helper such as ${toLabel} exiting frees one.`,
      };
    case 'W6':
      return { location, title: 'mutex', why: `waits for a mutex held by ${toLabel}.` };
    case 'work':
      return { location, title: 'flush_work()', why: `waits for work queued on ${toLabel} to finish.` };
    default:
      return { location, title: e.fn, why: `waits for ${toLabel}.` };
  }
}
