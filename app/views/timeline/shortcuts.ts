/**
 * shortcuts.ts - the timeline's keyboard shortcuts, as data: the handler and the on-screen hint
 * list read the same table.
 */
export type ShortcutAction = 'back' | 'forward' | 'back10' | 'forward10' | 'start' | 'end' | 'play' | 'prevMarker' | 'nextMarker';

export const SHORTCUTS: { keys: string[]; action: ShortcutAction; hint: string }[] = [
  { keys: ['←', '→'], action: 'back', hint: 'step' },
  { keys: ['Shift+←', 'Shift+→'], action: 'back10', hint: '10 steps' },
  { keys: ['Home', 'End'], action: 'start', hint: 'start / end' },
  { keys: ['Space'], action: 'play', hint: 'play / pause' },
  { keys: ['[', ']'], action: 'prevMarker', hint: 'previous / next marker' },
];

/** Maps a key event to an action; null for keys the timeline does not own. */
export function actionFor(e: { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): ShortcutAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case 'ArrowLeft':
      return e.shiftKey ? 'back10' : 'back';
    case 'ArrowRight':
      return e.shiftKey ? 'forward10' : 'forward';
    case 'Home':
      return 'start';
    case 'End':
      return 'end';
    case ' ':
      return 'play';
    case '[':
      return 'prevMarker';
    case ']':
      return 'nextMarker';
    default:
      return null;
  }
}
