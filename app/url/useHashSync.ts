/**
 * useHashSync.ts - keeps location.hash in step with the store and applies hand-edited hashes.
 * Writes wait until the view has been still for a moment (and at most a couple of seconds while
 * it keeps moving): replaceState() of a custom scenario's link (tens of kilobytes) costs the
 * browser tens of milliseconds, far too much for every step of a drag or of playback.
 *
 * A navigation (a preset link, an edited address, Back) changes location.hash at once but reports
 * it with a hashchange event a task later. A throttled write falling in between must not put the
 * old view back: the writer remembers the hash it last wrote or applied, and a hash it does not
 * know is applied first, never overwritten.
 *
 * History: a change of what is shown (a preset or scenario, the kernel, the comparison, the view,
 * the real kernel's module or tab) is a navigation and gets a history entry of its own, so Back
 * returns to the view before it; moving through the steps only replaces the current entry. The
 * entry being left is brought up to date first, so Back returns to the step it was at. What a
 * navigation of the browser's own (Back, an edited address) puts in the store pushes nothing.
 */
import { useEffect } from 'react';
import { useStore, type Store } from '../store';
import { applyHash } from './applyHash';
import { formatHash } from './formatHash';
import { DEFAULT_GRAPH_ID } from '../views/kernel-graph/shippedGraphs';
import { FILE_GRAPH_ID } from '../store/kernelSlice';

/** Write once the view has not changed for this long... */
const QUIET_MS = 250;
/** ...or this long after the first unwritten change, whichever comes first. */
const MAX_WAIT_MS = 2000;

export function hashOf(s: Store): string {
  const kernel = s.view === 'kernel';
  return formatHash({
    graph: kernel && s.kernelGraphId !== DEFAULT_GRAPH_ID && s.kernelGraphId !== FILE_GRAPH_ID ? s.kernelGraphId : undefined,
    module: kernel ? (s.kernelModule ?? undefined) : undefined,
    tab: kernel && s.kernelTab === 'hazards' ? 'hazards' : undefined,
    preset: s.presetId ?? undefined,
    scenario: s.presetId ? undefined : s.scenario,
    variant: s.variant,
    schedule: s.schedule,
    granularity: s.granularity,
    compare: s.compareVariant ?? undefined,
    step: s.step,
    view: s.view,
  });
}

export function useHashSync(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    /** When the oldest change not yet in the URL happened (null: the URL is up to date). */
    let dirtySince: number | null = null;
    /** The hash this page last wrote or applied; anything else came from a navigation. */
    let known = window.location.hash;
    /** The unwritten change is a navigation: the next write pushes a history entry. */
    let push = false;
    /** applyHash() is putting the address into the store: those changes push nothing. */
    let applying = false;
    const adoptNavigation = (): boolean => {
      const now = window.location.hash;
      if (now === known) return false;
      known = now;
      if (now !== hashOf(useStore.getState())) {
        applying = true;
        try {
          applyHash(now);
        } finally {
          applying = false;
        }
      }
      // The address already has its entry (the browser made it): whatever was pending is its view.
      push = false;
      return true;
    };
    const write = (): void => {
      timer = null;
      dirtySince = null;
      adoptNavigation();
      const next = hashOf(useStore.getState());
      if (next !== window.location.hash) {
        if (push) history.pushState(null, '', next);
        else history.replaceState(null, '', next);
      }
      push = false;
      // As the browser stores it (it may escape what we wrote).
      known = window.location.hash;
    };
    const unsub = useStore.subscribe((s, prev) => {
      const navigation = !(
        s.variant === prev.variant &&
        s.scenarioKey === prev.scenarioKey &&
        s.schedule === prev.schedule &&
        s.granularity === prev.granularity &&
        s.compareVariant === prev.compareVariant &&
        s.view === prev.view &&
        s.kernelGraphId === prev.kernelGraphId &&
        s.kernelModule === prev.kernelModule &&
        s.kernelTab === prev.kernelTab
      );
      if (!navigation && s.step === prev.step) return;
      if (navigation && !applying && !push) {
        // Leave the current entry as it was (its step may be waiting in the throttle), then
        // the navigation's own entry follows.
        if (window.location.hash === known) {
          const before = hashOf(prev);
          if (before !== window.location.hash) history.replaceState(null, '', before);
          known = window.location.hash;
        }
        push = true;
      }
      const now = performance.now();
      dirtySince ??= now;
      if (timer) clearTimeout(timer);
      timer = setTimeout(write, Math.max(0, Math.min(QUIET_MS, dirtySince + MAX_WAIT_MS - now)));
    });
    const onHash = (): void => {
      adoptNavigation();
    };
    window.addEventListener('hashchange', onHash);
    write();
    return () => {
      unsub();
      if (timer) clearTimeout(timer);
      window.removeEventListener('hashchange', onHash);
    };
  }, []);
}
