/**
 * useHashSync.ts - keeps location.hash in step with the store (replaceState, throttled so that
 * playback does not trip the browser's navigation throttling) and applies hand-edited hashes.
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
    granularity: s.granularity,
    compare: s.compareVariant ?? undefined,
    step: s.step,
    view: s.view,
  });
}

export function useHashSync(): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const write = (): void => {
      timer = null;
      last = performance.now();
      const next = hashOf(useStore.getState());
      if (next !== window.location.hash) history.replaceState(null, '', next);
    };
    const unsub = useStore.subscribe((s, prev) => {
      const same =
        s.step === prev.step &&
        s.variant === prev.variant &&
        s.scenarioKey === prev.scenarioKey &&
        s.schedule === prev.schedule &&
        s.granularity === prev.granularity &&
        s.compareVariant === prev.compareVariant &&
        s.view === prev.view;
      if (same) return;
      if (timer) return;
      timer = setTimeout(write, Math.max(0, WRITE_EVERY_MS - (performance.now() - last)));
    });
    const onHash = (): void => {
      if (window.location.hash !== hashOf(useStore.getState())) applyHash(window.location.hash);
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
