/**
 * explainWait.ts - one sentence per kind of wait, in kernel terms, for the "possible unsafe
 * scenario" table. Wording follows design §3.2 and the seed patch (locations i and ii).
 */
import type { WaitEdge } from '@engine';

export interface WaitExplanation {
  /** The seed patch's location, when the wait is one of the two loader waits. */
  location: 'i' | 'ii' | null;
  title: string;
  why: string;
}

export function explainWait(e: Pick<WaitEdge, 'wid' | 'fn' | 'timed'>, toLabel: string): WaitExplanation {
  switch (e.wid) {
    case 'W1':
      return {
        location: 'i',
        title: 'location (i): a second load of a module that is still loading',
        why: `add_unformed_module() found an instance of the same name COMING and sleeps on module_wq until it is LIVE or gone; that instance belongs to ${toLabel}.`,
      };
    case 'W2':
      return {
        location: 'ii',
        title: 'location (ii): a symbol from a module that is still COMING',
        why: `strong_try_module_get() refuses a reference on a COMING module, so resolve_symbol_wait() retries for up to 30 s, then the load fails with -EBUSY. The exporter's loader is ${toLabel}.`,
      };
    case 'W3':
      return {
        location: null,
        title: 'request_module() waits for its modprobe helper',
        why: `call_usermodehelper_exec() sleeps until the helper ${toLabel} (/sbin/modprobe) exits; only a fatal signal ends the wait.`,
      };
    case 'W4':
      return { location: null, title: 'request_module() throttle', why: `waits up to 5 s for a free kmod slot (at most 50 concurrent).` };
    case 'W6':
      return { location: null, title: 'mutex', why: `waits for a mutex held by ${toLabel}.` };
    case 'work':
      return { location: null, title: 'flush_work()', why: `waits for work queued on ${toLabel} to finish.` };
    default:
      return { location: null, title: e.fn, why: `waits for ${toLabel}.` };
  }
}
