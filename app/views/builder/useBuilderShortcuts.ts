/**
 * useBuilderShortcuts.ts - Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo and redo the builder's edits,
 * except while typing in a field, where they keep their usual text meaning.
 */
import { useEffect } from 'react';
import { useStore } from '../../store';

const typing = (t: EventTarget | null): boolean => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

export function useBuilderShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || typing(e.target)) return;
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) useStore.getState().builderUndo();
      else if ((k === 'z' && e.shiftKey) || k === 'y') useStore.getState().builderRedo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
