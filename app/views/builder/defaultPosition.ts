/**
 * defaultPosition.ts - where an item added by button (not dropped) or loaded from a preset goes:
 * one column per kind (modules, livepatches, tasks), below the items already there.
 */
import type { ItemKind, Positions, XY } from './builderDoc';

const COLUMN_X: Record<ItemKind, number> = { livepatch: 40, module: 420, task: 760 };
const ROW = 150;

/** The first free row of the kind's column; `taken` are the positions on the canvas. */
export function defaultPosition(kind: ItemKind, taken: readonly XY[]): XY {
  const x = COLUMN_X[kind];
  for (let row = 0; ; row++) {
    const y = 40 + row * ROW;
    if (!taken.some((p) => Math.abs(p.x - x) < 160 && Math.abs(p.y - y) < ROW - 20)) return { x, y };
  }
}

/** Positions for every node id in `ids` that has none yet, in order. */
export function placeMissing(ids: readonly { id: string; kind: ItemKind }[], positions: Positions): Positions {
  const out = { ...positions };
  const present = new Set(ids.map((i) => i.id));
  for (const { id, kind } of ids) {
    if (out[id]) continue;
    out[id] = defaultPosition(kind, Object.entries(out).filter(([k]) => present.has(k)).map(([, p]) => p));
  }
  return out;
}
