/**
 * useHashSync.ts - keeps location.hash in step with the store (replaceState, throttled so that
 * playback does not trip the browser's navigation throttling) and applies hand-edited hashes.
 */
import { useEffect } from 'react';
import { useStore, type Store } from '../store';
import { applyHash } from './applyHash';
import { formatHash } from './formatHash';
import { DEFAULT_GRAPH_ID } from '../views/kernel-graph/shippedGraphs';
import { FILE_GRAPH_ID } from '../store/kernelSlice';

/** A custom scenario makes the hash tens of kilobytes: writing it on every step is not free. */
const WRITE_EVERY_MS = 250;

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
        s.compareVariant === prev.compareVariant &&
        s.view === prev.view &&
        s.kernelGraphId === prev.kernelGraphId &&
        s.kernelModule === prev.kernelModule &&
        s.kernelTab === prev.kernelTab;
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
