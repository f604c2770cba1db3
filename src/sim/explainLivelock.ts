/**
 * explainLivelock.ts - a livelock in kernel terms, for the "why it is stuck" panel: no task
 * sleeps, so the wait-for graph is empty, yet one keeps running the same loop and the state
 * repeats (engine/run.ts detects it). Told as the waits are (explainWait.ts): what the task
 * does, what would end it, and why that never comes.
 */
import type { World } from '../model/world';

export interface LivelockExplanation {
  title: string;
  /** What ends the loop, as the "until" of a wait. */
  until: string;
  why: string;
}

/** `fn`: the function that loops (Outcome.location); `task`: the label of the task in it. */
export function explainLivelock(w: World, fn: string, task: string): LivelockExplanation {
  // kernel/kmod.c __request_module(): `if (!modprobe_path[0]) return 0;` (v5.5).
  if (fn === 'klp_module_coming' && w.modprobePath === '') {
    return {
      title: 'livelock: klp_module_coming() asks for the per-object module forever',
      until: 'its per-object livepatch module is loaded: never, no modprobe runs',
      why:
        `${task} is in the split POC's klp_module_coming(): a patch lists this module but has no object for it, so it drops klp_mutex, ` +
        'calls request_module("<patch>__<module>") and starts over. /proc/sys/kernel/modprobe is empty, so request_module() returns 0 ' +
        'without running modprobe: the object never appears. Nothing sleeps, so no wait and no timeout can end it.',
    };
  }
  return {
    title: `livelock: ${fn}() loops without progress`,
    until: 'the state changes: never, each pass ends where it began',
    why: `${task} runs ${fn}() round and round; every pass leaves the kernel as it found it. Nothing sleeps, so there is no wait to break and no timeout to end it.`,
  };
}
