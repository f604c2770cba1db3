/**
 * Icon.tsx - playback icons as inline SVG: media glyphs (⏮ ⏭) are missing from common fonts.
 */
const PATHS = {
  start: 'M5 4h2v16H5zM20 4v16L8 12z',
  end: 'M17 4h2v16h-2zM4 4v16l12-8z',
  back: 'M18 4v16L6 12z',
  forward: 'M6 4v16l12-8z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  prevMarker: 'M4 4h2v16H4zM20 6v12l-9-6zM11 6v12l-9-6z',
  nextMarker: 'M18 4h2v16h-2zM4 6v12l9-6zM13 6v12l9-6z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg viewBox="0 0 24 24" width="15" height="15" aria-hidden focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
