/**
 * Swimlanes.tsx - the scrubber: a marker strip (hover a marker for what happens there), an
 * accessible range input, and one lane per task showing call depth over steps (so U1 and H1
 * both loading lp stands out). Kernel workers share one folded row until unfolded. The lanes
 * scroll under the strip and the scrubber, which stay put. Drawn on canvases and redrawn only
 * when the trace, size, theme, selection or folding changes; the cursor is a positioned element.
 */
import { useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import type { Trace } from '@engine';
import { useStore } from '../../store';
import { useStepWorld } from '../../store/useStepWorld';
import { buildLanes, laneRows, type LaneRow } from './lanes';
import { markerInfo, markersNear, markersOf, type Marker } from './markers';
import { drawLanes, drawMarkers, LANE_HEIGHT, readLaneColors, readMarkerColors } from './drawLanes';
import { setDragging } from '../../store/viewStep';
import { stepCount } from '../../store/playbackSlice';

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

/** What happens at a marker, for its tooltip. */
function markerLine(trace: Trace, m: Marker): string {
  const s = trace.steps[m.step];
  const what = m.kind === 'outcome' ? trace.outcome.summary : s ? `${s.label}: ${s.text}` : '';
  return `step ${m.step} · ${markerInfo(m.kind).label} · ${what}`;
}

/** The labels of a run of kernel workers: kworker/1–21. */
function workerRange(labels: string[]): string {
  if (labels.length < 2) return labels.join('');
  const first = labels[0];
  const last = labels[labels.length - 1].replace(/^kworker\//, '');
  return `${first}–${last}`;
}

export function Swimlanes() {
  const trace = useStore((s) => s.trace);
  const step = useStore((s) => s.step);
  const setStep = useStore((s) => s.setStep);
  const theme = useStore((s) => s.theme);
  const selected = useStore((s) => s.selectedTask);
  const selectTask = useStore((s) => s.selectTask);
  const [unfold, setUnfold] = useState(false);
  const { lanes, maxDepth } = useMemo(() => buildLanes(trace), [trace]);
  const rows = useMemo(() => laneRows(lanes, unfold), [lanes, unfold]);
  // A shell runs several commands: name the one it runs at this step.
  const { world } = useStepWorld();
  const argvNow = new Map(world.tasks.map((t) => [t.pid, t.argv]));
  const markers = useMemo(() => markersOf(trace), [trace]);
  const wrap = useRef<HTMLDivElement>(null);
  const laneCanvas = useRef<HTMLCanvasElement>(null);
  const markCanvas = useRef<HTMLCanvasElement>(null);
  const width = useWidth(wrap);
  // Comparing, the timeline spans the longer run; this trace's lanes cover their own part of it.
  const n = useStore(stepCount);
  const own = trace.steps.length;
  const [tip, setTip] = useState<{ x: number; lines: string[] } | null>(null);
  const selectedRow = rows.findIndex((r) => (r.kind === 'lane' ? r.lane.label === selected : r.lanes.some((l) => l.label === selected)));

  useEffect(() => {
    if (!laneCanvas.current || !markCanvas.current || width <= 0) return;
    const colors = readLaneColors(laneCanvas.current);
    const w = Math.max(1, Math.round((width * own) / n));
    drawLanes(laneCanvas.current, rows.map((r) => (r.kind === 'lane' ? r.lane : r.merged)), maxDepth, own, w, colors, selectedRow);
    drawMarkers(markCanvas.current, markers, own, w, MARKER_H, readMarkerColors(markCanvas.current));
  }, [rows, maxDepth, markers, own, n, width, theme, selectedRow]);

  const stepAt = (e: PointerEvent<HTMLElement>): number => {
    const r = e.currentTarget.getBoundingClientRect();
    return Math.floor(((e.clientX - r.left) / r.width) * n);
  };
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    setTip(null);
    setDragging(true);
    setStep(stepAt(e));
  };
  const onUp = () => setDragging(false);
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    if (e.currentTarget.hasPointerCapture(e.pointerId)) setStep(stepAt(e));
  };
  const onHoverMarkers = (e: PointerEvent<HTMLDivElement>) => {
    if (e.currentTarget.hasPointerCapture(e.pointerId)) return;
    const r = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - r.left;
    const near = markersNear(markers, x, r.width, n);
    setTip(near.length ? { x: ((near[0].step + 0.5) * r.width) / n, lines: near.slice(0, 4).map((m) => markerLine(trace, m)) } : null);
  };
  const cursorX = n ? ((step + 0.5) * width) / n : 0;
  const s = trace.steps[step];

  const rowLabel = (r: LaneRow, k: number) => {
    if (r.kind === 'lane') {
      const l = r.lane;
      return (
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
      );
    }
    // The worker running at this step, if any, names the folded row.
    const live = r.lanes.find((l) => {
      const t = world.tasks.find((x) => x.pid === l.pid);
      return t && t.status !== 'new' && t.status !== 'exited';
    });
    const labels = r.lanes.map((l) => l.label);
    return (
      <button
        type="button"
        key={`fold-${k}`}
        className={`lane-label lane-fold${selectedRow === k ? ' is-selected' : ''}`}
        style={{ height: LANE_HEIGHT }}
        onClick={() => setUnfold(true)}
        aria-expanded={false}
        title={`${r.lanes.length} kernel workers (${workerRange(labels)}), one per work item, drawn in one row: click to give each its own lane`}
        data-testid="lane-fold"
      >
        <span className="fold-mark" aria-hidden>
          ▸
        </span>
        {live ? (
          <>
            <b>{live.label}</b> <span>{argvNow.get(live.pid) ?? live.argv}</span>
          </>
        ) : (
          <>
            <b>{r.lanes.length} kworkers</b> <span>{workerRange(labels)}</span>
          </>
        )}
      </button>
    );
  };

  return (
    <div className="lanes" data-testid="swimlanes">
      <div className="lanes-row lanes-fixed">
        <div className="lanes-labels">
          <div className="lane-label lane-label-markers" style={{ height: MARKER_H }}>
            markers
          </div>
          <label className="lane-label lane-label-range" htmlFor="scrubber">
            step
          </label>
        </div>
        <div className="lanes-canvas" ref={wrap}>
          <div
            className="lanes-hit"
            onPointerDown={onDown}
            onPointerMove={(e) => {
              onMove(e);
              onHoverMarkers(e);
            }}
            onPointerLeave={() => setTip(null)}
            onPointerUp={onUp}
            onPointerCancel={onUp}
            data-testid="lanes-hit"
          >
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
            aria-valuetext={s ? `step ${step} of ${n - 1}: ${s.label} ${s.text}` : `step ${step}`}
            data-testid="scrubber"
          />
          <div className="cursor" style={{ transform: `translateX(${cursorX}px)` }} aria-hidden data-testid="cursor" />
          {tip && (
            <div className={`marker-tip${tip.x > width / 2 ? ' is-left' : ''}`} role="tooltip" style={{ left: tip.x }} data-testid="marker-tip">
              {tip.lines.map((l) => (
                <div key={l}>{l}</div>
              ))}
            </div>
          )}
        </div>
      </div>
      <div className="lanes-scroll" data-testid="lanes-scroll">
        <div className="lanes-row">
          <div className="lanes-labels">
            {rows.map(rowLabel)}
            {unfold && lanes.filter((l) => l.kind === 'kthread').length > 1 && (
              <button type="button" className="lane-label lane-fold" onClick={() => setUnfold(false)} aria-expanded data-testid="lane-unfold">
                <span className="fold-mark" aria-hidden>
                  ▾
                </span>{' '}
                fold the kernel workers
              </button>
            )}
          </div>
          <div className="lanes-canvas">
            <div className="lanes-hit" onPointerDown={onDown} onPointerMove={onMove} onPointerUp={onUp} onPointerCancel={onUp} data-testid="lanes-area">
              <canvas ref={laneCanvas} className="lanes-canvas-el" aria-label={`Call depth of ${lanes.length} tasks over ${n} steps`} role="img" />
            </div>
            <div className="cursor" style={{ transform: `translateX(${cursorX}px)` }} aria-hidden />
          </div>
        </div>
      </div>
    </div>
  );
}
