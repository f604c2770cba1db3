/**
 * flowKeys.ts - React Flow claims Space (pan), Backspace (delete) and modifier keys by default
 * and marks those events handled; the page's timeline shortcuts need them, and these graphs are
 * read-only anyway.
 */
export const TIMELINE_OWNS_KEYS = {
  panActivationKeyCode: null,
  deleteKeyCode: null,
  selectionKeyCode: null,
  multiSelectionKeyCode: null,
  zoomActivationKeyCode: null,
} as const;
