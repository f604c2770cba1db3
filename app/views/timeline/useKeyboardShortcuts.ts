/**
 * useKeyboardShortcuts.ts - page-wide timeline keys. They work wherever focus is (a radio of the
 * kernel switch, a select, a graph, the scrubber), except where a key types or activates:
 * text fields take every key, and Space still presses a focused button, link, radio or select.
 */
import { useEffect } from 'react';
import { useStore } from '../../store';
import { stepCount } from '../../store/playbackSlice';
import { actionFor } from './shortcuts';
import { adjacentMarker, markersOf } from './markers';

/** Input types that are not typed into: the timeline keys win over their own arrow handling. */
const NOT_TEXT = new Set(['range', 'radio', 'checkbox', 'button', 'submit', 'reset', 'color', 'file', 'image']);

/** True when the focused element keeps `key` for itself. */
export function ownsKey(el: EventTarget | null, key: string): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName;
  if (tag === 'TEXTAREA') return true;
  if (tag === 'INPUT') {
    const type = (el as HTMLInputElement).type;
    if (!NOT_TEXT.has(type)) return true;
    return key === ' ' && type !== 'range';
  }
  if (key !== ' ') return false;
  return tag === 'SELECT' || tag === 'BUTTON' || tag === 'A' || el.getAttribute('role') === 'button';
}

export function useKeyboardShortcuts(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || ownsKey(e.target, e.key)) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      const action = actionFor(e);
      if (!action) return;
      // Captured before the focused control sees it: a radio group would otherwise switch the
      // kernel on ←/→, and a range input or select would move on its own.
      e.preventDefault();
      e.stopPropagation();
      const s = useStore.getState();
      const last = stepCount(s) - 1;
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
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [enabled]);
}
