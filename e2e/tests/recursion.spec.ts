import type { Locator, Page } from '@playwright/test';
import { currentStep, expect, test } from '../support/fixtures';

/** Step forward with → until `cond` holds (at most `max` steps), each time once the graph shows the step. */
async function stepUntil(page: Page, cond: () => Promise<boolean>, max = 200): Promise<number> {
  for (let i = 0; i < max; i++) {
    const step = await currentStep(page);
    await expect(page.getByTestId('dependency-graph').first()).toHaveAttribute('data-step', String(step));
    if (await cond()) return i;
    await page.keyboard.press('ArrowRight');
  }
  throw new Error(`condition not met within ${max} steps`);
}

/** Whether `el` lies within the visible part of its scrolling panel. */
async function visibleIn(el: Locator, box: Locator): Promise<boolean> {
  const a = (await el.boundingBox())!;
  const b = (await box.boundingBox())!;
  return a.y >= b.y - 1 && a.y + Math.min(a.height, 60) <= b.y + b.height + 1;
}

test('while H1 loads M again, the dependency graph shows the second copy M#2, its loader and its fate', async ({ page, open }) => {
  await open('#preset=P08&variant=split&step=0');
  const m = page.locator('[data-testid=module-node][data-module=M]');
  await expect(m).toBeVisible();
  const copy = m.getByTestId('module-copy');
  await stepUntil(page, async () => (await copy.count()) > 0);
  // It appears as H1 enters load_module(M), while M#1 (U1's) is COMING.
  await expect(page.getByTestId('step-info')).toContainText('H1');
  await expect(page.getByTestId('step-info')).toContainText('load_module(M)');
  await expect(copy).toContainText('M#2');
  await expect(copy).toContainText('by H1');
  await expect(copy).toContainText('UNFORMED');
  await expect(m.getByTestId('module-instance')).toContainText('M#1');
  // At the deadlock it sleeps in add_unformed_module() for M#1: location (i).
  await page.keyboard.press('End');
  await expect(copy).toHaveAttribute('data-phase', 'waiting');
  await expect(copy).toContainText('add_unformed_module() waits for M#1');
});

test('picking a task brings its call stack into view', async ({ page, open }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await open('#preset=P08&variant=split');
  const panel = page.getByTestId('panel-stacks').locator('.panel-body');
  const h1 = page.locator('[data-testid=stack][data-task=H1]');
  // U1's deep stack comes first; H1's, which shows the recursion, starts below the fold of the panel.
  expect(await visibleIn(h1.locator('.frames'), panel)).toBe(false);
  await page.locator('[data-testid=task-node][data-task=H1]').click();
  await expect.poll(() => visibleIn(h1.locator('.frames'), panel)).toBe(true);
  await expect(h1).toContainText('add_unformed_module');
});

test('with 19/23, the moment klp_break_recursion() acts is a marker and shows on the graph', async ({ page, open }) => {
  await open('#preset=P10&variant=split-poc19&step=0');
  // The marker strip has a marker of its own for it, with a tooltip.
  await expect(page.getByTestId('marker-legend')).toContainText('19/23');
  const lp = page.locator('[data-testid=module-node][data-module=lp]');
  await stepUntil(page, async () => (await lp.locator('[data-testid=module-copy][data-phase=refused]').count()) > 0);
  await expect(page.getByTestId('step-info')).toContainText('klp_break_recursion() = true');
  await expect(lp.getByTestId('module-copy')).toContainText('-EEXIST');
  // The loader goes on: -EEXIST counts as loaded.
  await stepUntil(page, async () => (await lp.getByTestId('module-break').count()) > 0, 10);
  await stepUntil(page, async () => ((await page.getByTestId('step-info').textContent()) ?? '').includes('taken as success'), 10);
  await expect(lp.getByTestId('module-break')).toContainText('H1');
  // [ and ] stop at it.
  await page.keyboard.press('Home');
  let found = false;
  for (let i = 0; i < 20 && !found; i++) {
    await page.keyboard.press(']');
    found = ((await page.getByTestId('step-info').textContent()) ?? '').includes('klp_break_recursion() = true');
  }
  expect(found).toBe(true);
});

test("a livepatch node shows the patch's own state: transition, patched, replaced", async ({ page, open }) => {
  await open('#preset=P16&variant=upstream&step=0');
  const lp1 = page.locator('[data-testid=module-node][data-module=lp1]').getByTestId('patch-state');
  await stepUntil(page, async () => (await lp1.count()) > 0 && (await lp1.textContent()) === 'transition');
  await expect(lp1).toHaveAttribute('title', /transition = 1/);
  await page.keyboard.press('End');
  await expect(lp1).toHaveText('patched');

  await open('#preset=P17&variant=upstream&step=0');
  const old = page.locator('[data-testid=module-node][data-module=lp1]').getByTestId('patch-state');
  await stepUntil(page, async () => (await old.count()) > 0 && (await old.textContent()) === 'replaced', 400);
});
