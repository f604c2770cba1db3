/**
 * Palette.tsx - what can be put on the canvas. Each entry drags (HTML5 drag and drop onto the
 * canvas, at the drop point) and has an "add" button that does the same from the keyboard.
 */
import type { DragEvent } from 'react';
import { useStore } from '../../store';
import type { ItemKind } from './builderDoc';
import { PALETTE_MIME } from './BuilderCanvas';

const ENTRIES: { kind: ItemKind; title: string; what: string }[] = [
  { kind: 'module', title: 'module', what: 'an ordinary module: exports, imports, a scripted init' },
  { kind: 'livepatch', title: 'livepatch', what: 'a patch with its vmlinux object; patch modules from its header' },
  { kind: 'task', title: 'user task', what: 'a shell running commands (modprobe, rmmod, echo…)' },
];

export function Palette() {
  const add = useStore((s) => s.builderAdd);
  const onDragStart = (e: DragEvent, kind: ItemKind) => {
    e.dataTransfer.setData(PALETTE_MIME, kind);
    e.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <nav className="builder-palette" aria-label="Palette">
      <h2>Palette</h2>
      {ENTRIES.map((x) => (
        <div key={x.kind} className={`palette-item palette-${x.kind}`} draggable onDragStart={(e) => onDragStart(e, x.kind)} data-testid={`palette-${x.kind}`}>
          <div className="palette-top">
            <span className="palette-grip" aria-hidden>
              ⠿
            </span>
            <b>{x.title}</b>
            <button type="button" onClick={() => add(x.kind)} data-testid={`add-${x.kind}`} aria-label={`add a ${x.title}`}>
              add
            </button>
          </div>
          <div className="muted palette-what">{x.what}</div>
        </div>
      ))}
    </nav>
  );
}
