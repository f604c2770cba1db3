/**
 * Swimlanes.tsx - the scrubber: a marker strip, an accessible range input and one lane per task
 * showing call depth over steps (so U1 and H1 both loading lp stands out). Drawn on canvases and
 * redrawn only when the trace, size or theme changes; the cursor is a positioned element.
 */
import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { useStore } from '../../store';
import { useStepWorld } from '../../store/useStepWorld';
import { buildLanes } from './lanes';
import { markersOf } from './markers';
import { drawLanes, drawMarkers, LANE_HEIGHT, readLaneColors } from './drawLanes';

const MARKER_H = 16;

function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [w, setW] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setW(Math.floor(el.clientWidth)));
    ro.observe(el);
    setW(Math.floor(el.clientWidth));
    return () => ro.disconnect();
  }, [ref]);
  return w;
}

export function Swimlanes() {
  const trace = useStore((s) => s.trace);
  const step = useStore((s) => s.step);
  const setStep = useStore((s) => s.setStep);
  const theme = useStore((s) => s.theme);
  const selected = useStore((s) => s.selectedTask);
  const selectTask = useStore((s) => s.selectTask);
  const { lanes, maxDepth } = useMemo(() => buildLanes(trace), [trace]);
  // A shell runs several commands: name the one it runs at this step.
  const { world } = useStepWorld();
  const argvNow = new Map(world.tasks.map((t) => [t.pid, t.argv]));
  const markers = useMemo(() => markersOf(trace), [trace]);
  const wrap = useRef<HTMLDivElement>(null);
  const laneCanvas = useRef<HTMLCanvasElement>(null);
  const markCanvas = useRef<HTMLCanvasElement>(null);
  const width = useWidth(wrap);
  const n = trace.steps.length;

  useEffect(() => {
    if (!laneCanvas.current || !markCanvas.current || width <= 0) return;
    const colors = readLaneColors(laneCanvas.current);
    drawLanes(laneCanvas.current, lanes, maxDepth, n, width, colors, selected);
    drawMarkers(markCanvas.current, markers, n, width, MARKER_H);
  }, [lanes, maxDepth, markers, n, width, theme, selected]);

  const stepAt = (e: PointerEvent<HTMLElement>): number => {
    const r = e.currentTarget.getBoundingClientRect();
    return Math.floor(((e.clientX - r.left) / r.width) * n);
  };
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    setStep(stepAt(e));
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    if (e.currentTarget.hasPointerCapture(e.pointerId)) setStep(stepAt(e));
  };
  const cursorX = n ? ((step + 0.5) * width) / n : 0;
  const s = trace.steps[step];

  return (
    <div className="lanes" data-testid="swimlanes">
      <div className="lanes-labels">
        <div className="lane-label lane-label-markers" style={{ height: MARKER_H }}>
          markers
        </div>
        <label className="lane-label lane-label-range" htmlFor="scrubber">
          step
        </label>
        {lanes.map((l) => (
          <button
            type="button"
            key={l.pid}
            className={`lane-label${selected === l.label ? ' is-selected' : ''}`}
            style={{ height: LANE_HEIGHT }}
            onClick={() => selectTask(l.label)}
            title={argvNow.get(l.pid) ?? l.argv}
            data-testid="lane-label"
            data-task={l.label}
          >
            <b>{l.label}</b> <span>{argvNow.get(l.pid) ?? l.argv}</span>
          </button>
        ))}
      </div>
      <div className="lanes-canvas" ref={wrap}>
        <div className="lanes-hit" onPointerDown={onDown} onPointerMove={onMove} data-testid="lanes-hit">
          <canvas ref={markCanvas} className="markers-canvas" aria-hidden />
        </div>
        <input
          id="scrubber"
          className="scrubber"
          type="range"
          min={0}
          max={Math.max(0, n - 1)}
          value={step}
          onChange={(e) => setStep(Number(e.target.value))}
          aria-valuetext={s ? `step ${step} of ${n - 1}: ${s.label} ${s.fn}` : `step ${step}`}
          data-testid="scrubber"
        />
        <div className="lanes-hit" onPointerDown={onDown} onPointerMove={onMove}>
          <canvas ref={laneCanvas} className="lanes-canvas-el" aria-label={`Call depth of ${lanes.length} tasks over ${n} steps`} role="img" />
        </div>
        <div className="cursor" style={{ transform: `translateX(${cursorX}px)` }} aria-hidden data-testid="cursor" />
      </div>
    </div>
  );
}
