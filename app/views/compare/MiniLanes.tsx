/**
 * MiniLanes.tsx - one side's timeline in the comparison: its lanes and markers (folded as the
 * main timeline folds them), the shared cursor, and a line where the two runs part. A click moves
 * the shared step there.
 */
import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import type { Trace } from '@engine';
import { useStore } from '../../store';
import { buildLanes, laneRows } from '../timeline/lanes';
import { markersOf } from '../timeline/markers';
import { drawLanes, drawMarkers, readLaneColors, readMarkerColors } from '../timeline/drawLanes';

const MARKER_H = 12;

export function MiniLanes({ trace, step, partAt, length }: { trace: Trace; step: number; partAt: number | null; length: number }) {
  const theme = useStore((s) => s.theme);
  const setStep = useStore((s) => s.setStep);
  const { lanes, maxDepth } = useMemo(() => buildLanes(trace), [trace]);
  const rows = useMemo(() => laneRows(lanes, false), [lanes]);
  const markers = useMemo(() => markersOf(trace), [trace]);
  const wrap = useRef<HTMLDivElement>(null);
  const laneCanvas = useRef<HTMLCanvasElement>(null);
  const markCanvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.floor(el.clientWidth)));
    ro.observe(el);
    setWidth(Math.floor(el.clientWidth));
    return () => ro.disconnect();
  }, []);
  // Both sides share one scale (the longer run), so the same step sits at the same x.
  const n = Math.max(length, 1);
  const own = trace.steps.length;
  useEffect(() => {
    if (!laneCanvas.current || !markCanvas.current || width <= 0) return;
    const w = Math.max(1, Math.round((width * own) / n));
    drawLanes(laneCanvas.current, rows.map((r) => (r.kind === 'lane' ? r.lane : r.merged)), maxDepth, own, w, readLaneColors(laneCanvas.current), -1);
    drawMarkers(markCanvas.current, markers, own, w, MARKER_H, readMarkerColors(markCanvas.current));
  }, [rows, maxDepth, markers, own, n, width, theme]);
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    setStep(Math.floor(((e.clientX - r.left) / r.width) * n));
  };
  const x = (i: number) => ((i + 0.5) * width) / n;
  return (
    <div className="mini-lanes" ref={wrap} onPointerDown={onDown} data-testid="mini-lanes" title="this run's tasks over its steps; click to go to a step">
      <canvas ref={markCanvas} aria-hidden />
      <canvas ref={laneCanvas} role="img" aria-label={`Call depth of ${lanes.length} tasks over ${own} steps`} />
      {partAt !== null && <div className="mini-part" style={{ transform: `translateX(${x(partAt)}px)` }} aria-hidden data-testid="mini-part" />}
      <div className="cursor" style={{ transform: `translateX(${x(Math.min(step, own - 1))}px)` }} aria-hidden />
    </div>
  );
}
