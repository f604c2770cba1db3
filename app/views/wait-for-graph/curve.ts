/**
 * curve.ts - geometry of a wait-for edge: a quadratic curve bent to the right of its direction
 * (so the two edges of a 2-cycle do not overlap), clipped to the boxes of the two tasks.
 */
export interface Pt {
  x: number;
  y: number;
}

/** Where the ray from a box's centre towards `toward` leaves the box. */
export function clipToBox(c: Pt, toward: Pt, halfW: number, halfH: number): Pt {
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const s = Math.min(dx ? halfW / Math.abs(dx) : Infinity, dy ? halfH / Math.abs(dy) : Infinity);
  return { x: c.x + dx * s, y: c.y + dy * s };
}

export function waitCurve(from: Pt, to: Pt, halfW: number, halfH: number, bend = 62): { path: string; label: Pt } {
  const mx = (from.x + to.x) / 2;
  const my = (from.y + to.y) / 2;
  const len = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  // Right-hand normal of the direction of travel.
  const nx = -(to.y - from.y) / len;
  const ny = (to.x - from.x) / len;
  const ctrl = { x: mx + nx * bend * 2, y: my + ny * bend * 2 };
  const a = clipToBox(from, ctrl, halfW + 4, halfH + 4);
  const b = clipToBox(to, ctrl, halfW + 8, halfH + 8);
  return { path: `M ${a.x} ${a.y} Q ${ctrl.x} ${ctrl.y} ${b.x} ${b.y}`, label: { x: mx + nx * bend, y: my + ny * bend } };
}
