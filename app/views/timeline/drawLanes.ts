/**
 * drawLanes.ts - paints the swimlanes and the marker strip on canvases. One pixel column covers
 * one or more steps (its deepest call and strongest state), so cost is bounded by the width, not
 * by the trace length, once the lanes are built.
 */
import { bucket, LaneState, type Lane } from './lanes';
import { MARKER_KINDS, type Marker, type MarkerKind } from './markers';

export interface LaneColors {
  ran: string;
  idle: string;
  blocked: string;
  exited: string;
  grid: string;
  text: string;
  selected: string;
}

export const LANE_HEIGHT = 36;
/** The top of each lane is kept for call notes, so text never sits on the bars. */
const NOTE_H = 13;

export function readLaneColors(el: Element): LaneColors {
  const cs = getComputedStyle(el);
  const v = (name: string) => cs.getPropertyValue(name).trim() || '#888';
  return { ran: v('--lane-ran'), idle: v('--lane-idle'), blocked: v('--lane-blocked'), exited: v('--lane-exited'), grid: v('--lane-grid'), text: v('--fg'), selected: v('--lane-selected') };
}

function prepare(canvas: HTMLCanvasElement, w: number, h: number): CanvasRenderingContext2D | null {
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.round(w * dpr);
  canvas.height = Math.round(h * dpr);
  canvas.style.width = `${w}px`;
  canvas.style.height = `${h}px`;
  const ctx = canvas.getContext('2d');
  ctx?.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

/** `selected`: index of the highlighted row, or -1. */
export function drawLanes(canvas: HTMLCanvasElement, lanes: Lane[], maxDepth: number, n: number, w: number, c: LaneColors, selected: number): void {
  const h = lanes.length * LANE_HEIGHT;
  const ctx = prepare(canvas, w, h);
  if (!ctx || n === 0 || w <= 0) return;
  ctx.clearRect(0, 0, w, h);
  const unit = (LANE_HEIGHT - NOTE_H - 3) / Math.max(1, maxDepth);
  const fill = [c.exited, c.ran, c.idle, c.blocked, c.exited];
  lanes.forEach((lane, k) => {
    const top = k * LANE_HEIGHT;
    if (k === selected) {
      ctx.fillStyle = c.selected;
      ctx.fillRect(0, top, w, LANE_HEIGHT);
    }
    ctx.fillStyle = c.grid;
    ctx.fillRect(0, top + LANE_HEIGHT - 1, w, 1);
    const cols = Math.min(w, n);
    const colW = w / cols;
    for (let x = 0; x < cols; x++) {
      const from = Math.floor((x * n) / cols);
      const to = Math.max(from + 1, Math.floor(((x + 1) * n) / cols));
      const b = bucket(lane, from, to);
      if (b.state === LaneState.Absent || b.state === LaneState.Exited || b.depth < 0) continue;
      const barH = Math.max(2, (b.depth + 1) * unit);
      ctx.fillStyle = fill[b.state];
      ctx.fillRect(x * colW, top + LANE_HEIGHT - 2 - barH, Math.max(1, colW - (colW > 4 ? 1 : 0)), barH);
    }
    // Call notes ("load lp"), skipped where they would overlap the previous one.
    ctx.font = '11px ui-monospace, SFMono-Regular, Menlo, monospace';
    ctx.textBaseline = 'top';
    let freeFrom = -Infinity;
    for (const note of lane.notes) {
      const x = ((note.step + 0.5) * w) / n;
      const tw = ctx.measureText(note.text).width;
      const tx = Math.min(x + 3, w - tw - 2);
      if (tx < freeFrom) continue;
      ctx.fillStyle = c.text;
      ctx.fillRect(x - 0.5, top + 1, 1, NOTE_H - 1);
      ctx.fillText(note.text, tx, top + 1);
      freeFrom = tx + tw + 8;
    }
  });
}

/** The marker colours of the current theme (theme.css --mk-*). */
export function readMarkerColors(el: Element): Record<MarkerKind, string> {
  const cs = getComputedStyle(el);
  return Object.fromEntries(MARKER_KINDS.map((m) => [m.kind, cs.getPropertyValue(m.cssVar).trim() || '#888'])) as Record<MarkerKind, string>;
}

export function drawMarkers(canvas: HTMLCanvasElement, markers: Marker[], n: number, w: number, h: number, color: Record<MarkerKind, string>): void {
  const ctx = prepare(canvas, w, h);
  if (!ctx || n === 0) return;
  ctx.clearRect(0, 0, w, h);
  const tick = Math.max(2, Math.min(6, w / n - 1));
  for (const m of markers) {
    const x = ((m.step + 0.5) * w) / n;
    ctx.fillStyle = color[m.kind];
    if (m.kind === 'outcome') {
      ctx.beginPath();
      ctx.moveTo(x, h);
      ctx.lineTo(x - 6, 0);
      ctx.lineTo(x + 6, 0);
      ctx.closePath();
      ctx.fill();
    } else ctx.fillRect(x - tick / 2, 2, tick, h - 4);
  }
}
