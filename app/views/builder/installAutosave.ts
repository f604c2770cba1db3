/**
 * installAutosave.ts - writes the builder's document and positions to localStorage a moment
 * after the last change (typing a command must not serialise on every key), and at once when the
 * page goes away.
 */
import { useStore } from '../../store';
import { SAVE_KEY, serializeDoc } from './savedDoc';

const DEBOUNCE_MS = 400;

export function installAutosave(): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = (): void => {
    timer = null;
    const s = useStore.getState();
    // An unreadable save waits for the user's choice: never write over it.
    if (s.builderRecovery) return;
    try {
      window.localStorage.setItem(SAVE_KEY, serializeDoc({ scenario: s.builder.present, positions: s.builderPositions }));
    } catch {
      // Full or disabled storage: the builder still works, it just will not survive a reload.
    }
  };
  useStore.subscribe((s, prev) => {
    if (s.builder.present === prev.builder.present && s.builderPositions === prev.builderPositions && s.builderRecovery === prev.builderRecovery) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, DEBOUNCE_MS);
  });
  window.addEventListener('pagehide', () => {
    if (timer) {
      clearTimeout(timer);
      save();
    }
  });
}
