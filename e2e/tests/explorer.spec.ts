import { expect, snapshot, test } from '../support/fixtures';

/**
 * Scaled situation 2 (src/presets/scaled.ts): N users load a chain of K modules that P patches.
 * `pFirst`: the user loading P comes first, so that the default schedule ends well in every kernel.
 */
function scaled(n: number, k: number, pFirst = false) {
  const modules = Array.from({ length: k }, (_, i) => ({ name: `M${i + 1}`, exports: [`m${i + 1}_fn`], ...(i ? { imports: [`m${i}_fn`] } : {}) }));
  return {
    type: 'klp-playground/scenario',
    version: 1,
    title: `situation 2 scaled: N=${n} users, K=${k} modules`,
    modules,
    livepatches: [{ name: 'P', objects: [{ name: 'vmlinux', exports: ['p_shared_cb'] }, ...modules.map((m) => ({ name: m.name, funcs: [m.exports[0]], imports: ['p_shared_cb'] }))] }],
    tasks: pFirst
      ? [{ commands: ['modprobe P'] }, ...Array.from({ length: n }, () => ({ commands: [`modprobe M${k}`] }))]
      : [...Array.from({ length: n }, () => ({ commands: [`modprobe M${k}`] })), { commands: ['modprobe P'] }],
  };
}
const encode = (s: unknown) => Buffer.from(JSON.stringify(s)).toString('base64url');

test('a long search runs in a worker with a live progress line, the page stays usable, and cancel stops it', async ({ page, open }) => {
  await open(`#scenario=${encode(scaled(3, 3))}&variant=split-poc19`);
  await page.getByTestId('interleavings-button').click();
  const panel = page.getByRole('dialog', { name: 'Interleavings' });
  const status = panel.getByTestId('interleavings-status');
  // Progress: states, rate, depth, time, memory, and it moves.
  await expect(status).toContainText(/exploring [\d,]+ states · [\d,]+ states\/s · depth \d+ · [\d.]+ s · \d+ MB (heap|state table)/);
  const states = async () => Number((/exploring ([\d,]+) states/.exec((await status.textContent()) ?? '')?.[1] ?? '0').replace(/,/g, ''));
  const first = await states();
  await expect.poll(states).toBeGreaterThan(first);
  // The main thread is free: the timeline still steps while the worker searches.
  const before = (await snapshot(page)).step;
  await page.keyboard.press('Escape');
  await page.getByTestId('jump-outcome').waitFor();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Home');
  await expect.poll(async () => (await snapshot(page)).step).not.toBe(before);
  // Reopened, the search is still going; cancel it.
  await page.getByTestId('interleavings-button').click();
  await expect(status).toContainText('exploring');
  await panel.getByTestId('interleavings-cancel').click();
  await expect(status).toContainText(/Cancelled after [\d,]+ scheduling points/);
  await expect(panel.getByTestId('interleavings-cancel')).toHaveCount(0);
  await expect(panel.getByTestId('interleavings-restart')).toBeVisible();
});

test('the variants matrix explores every kernel and opens a counterexample in the timeline and as a link', async ({ page, open }) => {
  // P loads first: the default schedule ends ok in every kernel; other interleavings do not.
  await open(`#scenario=${encode(scaled(2, 1, true))}&variant=split-poc19`);
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'ok');
  await page.getByTestId('interleavings-button').click();
  const panel = page.getByRole('dialog', { name: 'Interleavings' });
  await panel.getByTestId('tab-all').click();
  const matrix = panel.getByTestId('variants-matrix');
  const row = (v: string) => matrix.locator(`[data-testid=matrix-row][data-variant="${v}"]`);
  await expect(row('split-norefs-only')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(row('split')).toContainText('deadlock at location i in');
  await expect(row('split-poc19')).toContainText('none: every interleaving ends ok');
  await expect(row('split-break-only')).toContainText('stall at location ii');

  const cell = row('split').locator('[data-testid=matrix-cell][data-kind=deadlock]');
  await expect(cell.getByTestId('matrix-link')).toHaveAttribute('href', /variant=split&sched=/);
  const href = await cell.getByTestId('matrix-link').getAttribute('href');
  await cell.getByTestId('matrix-open').click();
  await expect(panel).toBeHidden();
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'deadlock');
  const shown = await snapshot(page);
  expect(shown).toMatchObject({ variant: 'split', outcome: { kind: 'deadlock', seedLocation: 'i' } });
  expect(shown.schedule.length).toBeGreaterThan(0);

  // The share link opens the same interleaving from scratch.
  await page.goto('about:blank');
  await page.goto(`/${href}`);
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'deadlock');
  await expect(page.getByTestId('schedule-note')).toBeVisible();
  expect(await snapshot(page)).toMatchObject({ variant: 'split', schedule: shown.schedule, outcome: { kind: 'deadlock' } });
});

test('fine granularity searches more choice points, and its schedules open with their granularity', async ({ page, open }) => {
  await open('#preset=P16&variant=split');
  await page.getByTestId('interleavings-button').click();
  const panel = page.getByRole('dialog', { name: 'Interleavings' });
  await expect(panel.getByTestId('interleavings-status')).toContainText('Explored all');
  const coarse = Number(/all ([\d,]+) scheduling/.exec((await panel.getByTestId('interleavings-status').textContent()) ?? '')![1].replace(/,/g, ''));
  await panel.getByTestId('granularity-fine').check();
  await expect(panel.getByTestId('interleavings-status')).toContainText('Explored all');
  const fine = Number(/all ([\d,]+) scheduling/.exec((await panel.getByTestId('interleavings-status').textContent()) ?? '')![1].replace(/,/g, ''));
  expect(fine).toBeGreaterThan(coarse);
  await panel.locator('[data-testid=finding][data-kind=ok]').getByTestId('finding-open').click();
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'ok');
  await expect(page.getByTestId('schedule-note')).toContainText('fine granularity');
  await expect(page).toHaveURL(/gran=fine/);
  await page.reload();
  expect(await snapshot(page)).toMatchObject({ granularity: 'fine', outcome: { kind: 'ok' } });
});

test('on a 390 px phone the Interleavings tabs fit; a search with one order only says so instead of "0 states"', async ({ page, open }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open('#preset=P10&variant=split-poc19');
  await page.getByTestId('interleavings-button').click();
  const panel = page.getByRole('dialog', { name: 'Interleavings' });
  const box = (await panel.boundingBox())!;
  for (const id of ['tab-here', 'tab-all']) {
    const tab = panel.getByTestId(id);
    const b = (await tab.boundingBox())!;
    expect(b.x, id).toBeGreaterThanOrEqual(box.x);
    expect(b.x + b.width, id).toBeLessThanOrEqual(box.x + box.width + 0.5);
  }
  // Not squeezed: the tab group shows the whole of both labels.
  expect(await panel.getByRole('tablist').evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  await panel.getByTestId('tab-all').click();
  const matrix = panel.getByTestId('variants-matrix');
  await expect(matrix.getByText('one order only, complete').first()).toBeVisible({ timeout: 60_000 });
  await expect(matrix).not.toContainText('0 states');
});
