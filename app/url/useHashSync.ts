/**
 * useHashSync.ts - keeps location.hash in step with the store (replaceState, throttled so that
 * playback does not trip the browser's navigation throttling) and applies hand-edited hashes.
 *
 * A navigation (a preset link, an edited address, Back) changes location.hash at once but reports
 * it with a hashchange event a task later. A throttled write falling in between must not put the
 * old view back: the writer remembers the hash it last wrote or applied, and a hash it does not
 * know is applied first, never overwritten.
 */
import { useEffect } from 'react';
import { useStore, type Store } from '../store';
import { applyHash } from './applyHash';
import { formatHash } from './formatHash';

/** A custom scenario makes the hash tens of kilobytes: writing it on every step is not free. */
const WRITE_EVERY_MS = 250;

export function hashOf(s: Store): string {
  return formatHash({
    preset: s.presetId ?? undefined,
    scenario: s.presetId ? undefined : s.scenario,
    variant: s.variant,
    schedule: s.schedule,
    compare: s.compareVariant ?? undefined,
    step: s.step,
    view: s.view,
  });
}

export function useHashSync(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    /** The hash this page last wrote or applied; anything else came from a navigation. */
    let known = window.location.hash;
    const adoptNavigation = (): boolean => {
      const now = window.location.hash;
      if (now === known) return false;
      known = now;
      if (now !== hashOf(useStore.getState())) applyHash(now);
      return true;
    };
    const write = (): void => {
      timer = null;
      last = performance.now();
      adoptNavigation();
      const next = hashOf(useStore.getState());
      if (next !== window.location.hash) history.replaceState(null, '', next);
      known = next;
    };
    const unsub = useStore.subscribe((s, prev) => {
      const same =
        s.step === prev.step &&
        s.variant === prev.variant &&
        s.scenarioKey === prev.scenarioKey &&
        s.schedule === prev.schedule &&
        s.compareVariant === prev.compareVariant &&
        s.view === prev.view;
      if (same) return;
      if (timer) return;
      timer = setTimeout(write, Math.max(0, WRITE_EVERY_MS - (performance.now() - last)));
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
