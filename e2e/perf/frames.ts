/**
 * frames.ts - in-page frame timing: records requestAnimationFrame intervals and long tasks while
 * an interaction runs, then summarises them. The recorder is passed as source text because tsx
 * would otherwise wrap the function with helpers that do not exist in the page.
 */
import type { Page } from '@playwright/test';

export interface FrameStats {
  frames: number;
  meanMs: number;
  p95Ms: number;
  maxMs: number;
  longTasks: number;
}

const START = `(() => {
  const rec = { on: true, frames: [], long: 0 };
  window.__rec = rec;
  let last = performance.now();
  const tick = (t) => { rec.frames.push(t - last); last = t; if (rec.on) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  try { new PerformanceObserver((l) => { rec.long += l.getEntries().length; }).observe({ type: 'longtask' }); } catch (e) { /* Chromium only */ }
})()`;

const STOP = `(() => { const rec = window.__rec; rec.on = false; return { frames: rec.frames.slice(1), long: rec.long }; })()`;

export async function startFrames(page: Page): Promise<void> {
  await page.evaluate(START);
}

export async function stopFrames(page: Page): Promise<FrameStats> {
  const { frames, long } = (await page.evaluate(STOP)) as { frames: number[]; long: number };
  const sorted = [...frames].sort((a, b) => a - b);
  const mean = frames.reduce((a, b) => a + b, 0) / Math.max(1, frames.length);
  return {
    frames: frames.length,
    meanMs: +mean.toFixed(1),
    p95Ms: +(sorted[Math.floor(sorted.length * 0.95)] ?? 0).toFixed(1),
    maxMs: +(sorted[sorted.length - 1] ?? 0).toFixed(1),
    longTasks: long,
  };
}
