/**
 * useKeyboardShortcuts.ts - page-wide timeline keys. Keys typed into form fields, and Space or
 * Enter on a focused button, keep their usual meaning.
 */
import { useEffect } from 'react';
import { useStore } from '../../store';
import { actionFor } from './shortcuts';
import { adjacentMarker, markersOf } from './markers';

function ownsKeys(el: EventTarget | null, key: string): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return (el as HTMLInputElement).type !== 'range' || key === ' ';
  if ((tag === 'BUTTON' || tag === 'A' || el.getAttribute('role') === 'button') && key === ' ') return true;
  return false;
}

export function useKeyboardShortcuts(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || ownsKeys(e.target, e.key)) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      const action = actionFor(e);
      if (!action) return;
      e.preventDefault();
      const s = useStore.getState();
      const last = s.trace.steps.length - 1;
      switch (action) {
        case 'back':
          return s.stepBy(-1);
        case 'forward':
          return s.stepBy(1);
        case 'back10':
          return s.stepBy(-10);
        case 'forward10':
          return s.stepBy(10);
        case 'start':
          return s.setStep(0);
        case 'end':
          return s.setStep(last);
        case 'play':
          return s.togglePlaying();
        case 'prevMarker':
        case 'nextMarker': {
          const to = adjacentMarker(markersOf(s.trace), s.step, action === 'nextMarker' ? 1 : -1);
          if (to !== null) s.setStep(to);
          return;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
