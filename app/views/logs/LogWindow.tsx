/**
 * LogWindow.tsx - how many log lines to render: the newest ones up to the current step, as
 * `dmesg | tail` shows them, the earlier ones behind a button. A 300-module trace prints
 * hundreds of lines, and re-rendering all of them on every step of a drag costs more than a frame.
 */

/** How many of the newest lines are always rendered. */
export const TAIL = 120;

export function EarlierLines({ hidden, onShow }: { hidden: number; onShow: () => void }) {
  if (hidden <= 0) return null;
  return (
    <li className="log-earlier">
      <button type="button" className="link" onClick={onShow} data-testid="log-earlier">
        show {hidden} earlier line{hidden === 1 ? '' : 's'}
      </button>
    </li>
  );
}
