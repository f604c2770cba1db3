/**
 * ui.bench.ts - measures, never asserts: scrubbing a ~10,000-step trace (a modprobe of a chain of
 * 300 modules), and the real kernel view on the largest shipped module graph (4022 modules): time
 * to the first view, scrolling the overview, focusing the busiest module, panning its graph, and
 * the hazard table; in Chromium against the production build. Run with `npm run bench:ui`.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { run } from '../../src/index';
import { indexGraph, parseModuleGraph } from '../../src/kernelGraph/index';
import { SHIPPED_GRAPHS } from '../../app/views/kernel-graph/shippedGraphs';
import { chainScenario } from './chainScenario';
import { startFrames, stopFrames, type FrameStats } from './frames';

/** BENCH_PORT lets several checkouts benchmark at once. */
const PORT = Number(process.env.BENCH_PORT ?? 4179);
const BASE = `http://127.0.0.1:${PORT}/`;
const root = fileURLToPath(new URL('../..', import.meta.url));
const rows: { what: string; value: string }[] = [];
const report = (what: string, value: string) => {
  rows.push({ what, value });
  console.log(`${what.padEnd(58)} ${value}`);
};
const fmt = (s: FrameStats) => `${s.frames} frames, mean ${s.meanMs} ms, p95 ${s.p95Ms} ms, max ${s.maxMs} ms, long tasks ${s.longTasks}`;

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(BASE)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('vite preview did not start');
}

/** Cumulative main-thread times (s) from the DevTools protocol's Performance domain. */
async function mainThreadWork(cdp: CDPSession): Promise<{ task: number; script: number; style: number; layout: number }> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const m = (name: string) => metrics.find((x) => x.name === name)?.value ?? 0;
  return { task: m('TaskDuration'), script: m('ScriptDuration'), style: m('RecalcStyleDuration'), layout: m('LayoutDuration') };
}

async function stepOf(page: Page): Promise<number> {
  return (await page.evaluate('window.__playground.step')) as number;
}

async function scrubBench(page: Page): Promise<void> {
  const scenario = chainScenario(300);
  const t0 = performance.now();
  const trace = run(scenario, { variant: 'split' });
  report('engine: run() of the 300-module chain (Node)', `${trace.steps.length} steps in ${(performance.now() - t0).toFixed(0)} ms`);
  const hash = `#scenario=${Buffer.from(JSON.stringify(scenario)).toString('base64url')}&variant=split&step=0`;
  const l0 = performance.now();
  await page.goto(BASE + hash);
  await page.waitForFunction("!!window.__playground");
  await page.getByTestId('swimlanes').waitFor();
  report('page load with the trace (run + first paint)', `${(performance.now() - l0).toFixed(0)} ms`);
  // Scrubbing is measured once the graph is laid out: ELK finishing mid-drag would mount 300
  // nodes during the measurement and time the layout, not the scrubbing.
  await page.locator('[data-testid=dependency-graph][data-layout=done]').waitFor({ timeout: 180_000 });
  report('  dependency graph laid out (ELK in the worker)', `${(performance.now() - l0).toFixed(0)} ms after navigation`);
  const n = (await page.evaluate('window.__playground.stepCount')) as number;

  // Single steps with the keyboard: the time from key press to the step being shown.
  const k0 = performance.now();
  for (let i = 0; i < 200; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction("window.__playground.step === 200");
  report('200 single steps (→), key to state', `${((performance.now() - k0) / 200).toFixed(2)} ms per step`);

  // Drag across the whole swimlane canvas, as fast as the mouse can go.
  const box = (await page.getByTestId('lanes-hit').boundingBox())!;
  // Main-thread work, besides frame intervals: on a busy machine the intervals also count the
  // time the browser waited for a CPU; the work per move is what the page itself costs.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const work0 = await mainThreadWork(cdp);
  await startFrames(page);
  const d0 = performance.now();
  await page.mouse.move(box.x + 1, box.y + 4);
  await page.mouse.down();
  const moves = 240;
  for (let i = 0; i <= moves; i++) await page.mouse.move(box.x + 1 + ((box.width - 2) * i) / moves, box.y + 4);
  await page.mouse.up();
  const dragMs = performance.now() - d0;
  const drag = await stopFrames(page);
  const work1 = await mainThreadWork(cdp);
  report(`drag-scrub over ${n} steps (${moves} moves)`, `${(dragMs / moves).toFixed(1)} ms per move; ${fmt(drag)}`);
  const per = (k: keyof typeof work0) => (((work1[k] - work0[k]) * 1000) / moves).toFixed(1);
  report('  main-thread work per move', `${per('task')} ms (script ${per('script')}, style ${per('style')}, layout ${per('layout')})`);
  report('  ended at step', String(await stepOf(page)));

  // Playback at the fastest speed for two seconds.
  await page.keyboard.press('Home');
  await page.getByTestId('speed').selectOption('500');
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await startFrames(page);
  await page.keyboard.press(' ');
  await page.waitForTimeout(2000);
  await page.keyboard.press(' ');
  const play = await stopFrames(page);
  report('playback at 500 steps/s for 2 s', `reached step ${await stepOf(page)}; ${fmt(play)}`);
}

/** The largest shipped module graph and its busiest module (most direct users: the biggest focus graph). */
function largestGraph(): { id: string; modules: number; hub: string; hubUsers: number } {
  const g = [...SHIPPED_GRAPHS].sort((a, b) => b.modules - a.modules)[0];
  const k = indexGraph(parseModuleGraph(readFileSync(new URL(`../../public/${g.file}`, import.meta.url), 'utf8')));
  const hub = [...k.modules].sort((a, b) => b.usedBy.length - a.usedBy.length)[0];
  return { id: g.id, modules: k.modules.length, hub: hub.name, hubUsers: hub.usedBy.length };
}

async function pan(page: Page, label: string): Promise<void> {
  const pane = (await page.locator('.react-flow__pane').first().boundingBox())!;
  await startFrames(page);
  const p0 = performance.now();
  await page.mouse.move(pane.x + pane.width * 0.8, pane.y + pane.height / 2);
  await page.mouse.down();
  for (let i = 0; i <= 60; i++) await page.mouse.move(pane.x + pane.width * (0.8 - (0.6 * i) / 60), pane.y + pane.height / 2 + Math.sin(i / 6) * 80);
  await page.mouse.up();
  const ms = performance.now() - p0;
  report(`pan (${label}), 60 moves`, `${(ms / 60).toFixed(1)} ms per move; ${fmt(await stopFrames(page))}`);
}

async function kernelBench(page: Page): Promise<void> {
  const big = largestGraph();
  report('largest shipped module graph', `${big.id}: ${big.modules} modules; busiest module ${big.hub} (${big.hubUsers} direct users)`);
  // Time to first view: the overview of the whole kernel, fetched, validated and indexed.
  const t0 = performance.now();
  await page.goto(`${BASE}#view=kernel&graph=${big.id}`);
  await page.getByTestId('kgroup').first().waitFor();
  report('kernel view: first view (overview), cold page load', `${(performance.now() - t0).toFixed(0)} ms`);
  report('  directory groups on the overview', String(await page.getByTestId('kgroup').count()));
  // Scroll the overview as a user does with the wheel.
  const map = (await page.getByTestId('kernel-overview').boundingBox())!;
  await page.mouse.move(map.x + map.width / 2, map.y + map.height / 2);
  await startFrames(page);
  for (let i = 0; i < 40; i++) await page.mouse.wheel(0, 120);
  for (let i = 0; i < 40; i++) await page.mouse.wheel(0, -120);
  report('scroll the overview, 80 wheel steps', fmt(await stopFrames(page)));

  // Focus the busiest module from the search box: click to neighbourhood on screen.
  await page.getByTestId('kernel-search').fill(big.hub);
  const f0 = performance.now();
  await page.getByTestId('kernel-search').press('Enter');
  await page.locator(`[data-testid=kmod-node][data-module="${big.hub}"]`).waitFor();
  report(`focus ${big.hub} (search, Enter -> graph on screen)`, `${(performance.now() - f0).toFixed(0)} ms; ${await page.getByTestId('kmod-node').count()} nodes`);
  await pan(page, `focus graph of ${big.hub}`);

  // A shared link straight to a module, cold.
  await page.goto('about:blank');
  const l0 = performance.now();
  await page.goto(`${BASE}#view=kernel&graph=${big.id}&module=nf_tables`);
  await page.locator('[data-testid=kmod-node][data-module=nf_tables]').waitFor();
  report('link to #view=kernel&module=nf_tables, cold load to focus graph', `${(performance.now() - l0).toFixed(0)} ms`);
  await pan(page, 'focus graph of nf_tables');

  // The hazard map of the whole kernel, in the worker.
  const h0 = performance.now();
  await page.getByTestId('kernel-tab-hazards').click();
  await page.getByTestId('hazard-count').waitFor();
  const summary = (await page.getByTestId('hazard-summary').textContent()) ?? '';
  report('hazard table: tab click -> table on screen', `${(performance.now() - h0).toFixed(0)} ms (${/Computed in (\d+) ms/.exec(summary)?.[1] ?? '?'} ms in the worker)`);
}

async function main(): Promise<void> {
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { cwd: root, stdio: 'ignore' });
  try {
    await waitForServer();
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // Timings stretch with whatever else the machine runs: say how busy it was.
    report('machine: cores, load average (1 min) at the start', `${cpus().length}, ${loadavg()[0].toFixed(1)}`);
    await scrubBench(page);
    await kernelBench(page);
    await browser.close();
  } finally {
    server.kill();
  }
  report('machine: load average (1 min) at the end', loadavg()[0].toFixed(1));
  console.log(`\n${rows.length} measurements (timings depend on the machine; nothing is asserted).`);
}

await main();
