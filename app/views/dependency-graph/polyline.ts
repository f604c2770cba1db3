/**
 * polyline.ts - SVG path through ELK's orthogonal route, with small rounded corners so that
 * crossing edges stay easy to follow.
 */
import type { Point } from '../../layout/types';

export function roundedPath(pts: Point[], r = 6): string {
  if (pts.length < 2) return '';
  let d = `M ${pts[0].x} ${pts[0].y}`;
  for (let i = 1; i < pts.length - 1; i++) {
    const [p, c, n] = [pts[i - 1], pts[i], pts[i + 1]];
    const inLen = Math.hypot(c.x - p.x, c.y - p.y);
    const outLen = Math.hypot(n.x - c.x, n.y - c.y);
    const k = Math.min(r, inLen / 2, outLen / 2);
    const a = { x: c.x - ((c.x - p.x) / (inLen || 1)) * k, y: c.y - ((c.y - p.y) / (inLen || 1)) * k };
    const b = { x: c.x + ((n.x - c.x) / (outLen || 1)) * k, y: c.y + ((n.y - c.y) / (outLen || 1)) * k };
    d += ` L ${a.x} ${a.y} Q ${c.x} ${c.y} ${b.x} ${b.y}`;
  }
  const last = pts[pts.length - 1];
  return `${d} L ${last.x} ${last.y}`;
}

/** The point halfway along a polyline (where a label goes when ELK placed none). */
export function midpoint(pts: Point[]): Point {
  if (pts.length === 0) return { x: 0, y: 0 };
  const lens = pts.slice(1).map((p, i) => Math.hypot(p.x - pts[i].x, p.y - pts[i].y));
  let half = lens.reduce((a, b) => a + b, 0) / 2;
  for (let i = 0; i < lens.length; i++) {
    if (half <= lens[i]) {
      const f = lens[i] ? half / lens[i] : 0;
      return { x: pts[i].x + (pts[i + 1].x - pts[i].x) * f, y: pts[i].y + (pts[i + 1].y - pts[i].y) * f };
    }
    half -= lens[i];
  }
  return pts[pts.length - 1];
}
