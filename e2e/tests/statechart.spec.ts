import { test, expect, currentStep } from '../support/fixtures';

test.describe('state machines, visible', () => {
  test('clicking a livepatch in the graph draws its klp_patch statechart, in step with the timeline', async ({ page, open }) => {
    await open('#preset=P10&variant=split-poc19');
    const graph = page.getByTestId('dependency-graph');
    await expect(graph).toHaveAttribute('data-layout', 'done');
    await graph.locator('.react-flow__node[data-id="lp"]').click();
    const panel = page.getByTestId('panel-machine');
    const chart = panel.getByTestId('statechart');
    await expect(chart).toHaveAttribute('data-machine', 'klp_patch');
    await expect(panel.getByTestId('machine-subject')).toHaveValue('livepatch:lp');

    // At the end the patch is enabled, and the transition that got it there is drawn as taken.
    await page.keyboard.press('End');
    await expect(chart.locator('[data-testid=sc-state][data-current=true]')).toHaveAttribute('data-state', 'enabled');
    await expect(chart.locator('[data-testid=sc-transition][data-taken]')).toHaveAttribute('data-taken', 'klp_complete_transition');
    await expect(chart.locator('[data-testid=sc-transition][data-taken]')).toHaveAttribute('data-from', 'patching');

    // Before the first step no patch exists: nothing is current.
    await page.keyboard.press('Home');
    await expect(chart.locator('[data-current=true]')).toHaveCount(0);
    await expect(panel.getByTestId('machine-status')).toContainText('not created yet');

    // The livepatch module lp has a struct module of its own; its last transition is a link to its step.
    await panel.getByTestId('machine-subject').selectOption('module:lp');
    await expect(chart).toHaveAttribute('data-machine', 'module');
    await page.keyboard.press('End');
    await expect(chart.locator('[data-current=true]')).toHaveAttribute('data-state', 'MODULE_STATE_LIVE');
    await expect(chart.locator('[data-current=true]')).toHaveAttribute('data-occupants', 'lp#1');
    await expect(chart.locator('[data-taken]')).toHaveAttribute('data-taken', 'init_done');
    const link = panel.getByTestId('machine-status').getByRole('button', { name: /^step \d+$/ });
    const target = Number((await link.textContent())!.replace('step ', ''));
    // Away from that step (still after it, so the link stays), then back through the link.
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => currentStep(page)).not.toBe(target);
    await link.click();
    await expect.poll(() => currentStep(page)).toBe(target);
    await expect(chart.locator('[data-current=true]')).toHaveAttribute('data-state', 'MODULE_STATE_LIVE');
    // One step earlier lp was still COMING: scrubbing moves the highlight.
    await page.keyboard.press('ArrowLeft');
    await expect(chart.locator('[data-current=true]')).toHaveAttribute('data-state', 'MODULE_STATE_COMING');
    await expect(chart.locator('[data-taken]')).toHaveAttribute('data-taken', 'complete_formation');
  });

  test('the second copy a nested load holds outside the module list (M#2) is drawn in its own state', async ({ page, open }) => {
    // P08 on the split POC: U1's M#1 is COMING, its modprobe helper H1 loads M again and the copy
    // sleeps in add_unformed_module(), which set it UNFORMED first.
    await open('#preset=P08&variant=split');
    const panel = page.getByTestId('panel-machine');
    await panel.getByTestId('machine-subject').selectOption('module:M');
    await page.keyboard.press('End');
    const chart = panel.getByTestId('statechart');
    await expect(chart.locator('[data-testid=sc-state][data-state=MODULE_STATE_COMING]')).toHaveAttribute('data-occupants', 'M#1');
    await expect(chart.locator('[data-testid=sc-state][data-state=MODULE_STATE_UNFORMED]')).toHaveAttribute('data-occupants', 'M#2');
    const copy = panel.getByTestId('machine-copy');
    await expect(copy).toHaveAttribute('data-phase', 'waiting');
    await expect(copy).toContainText('M#2 MODULE_STATE_UNFORMED by H1: not in the module list: add_unformed_module() waits for M#1');
    // Before H1 starts loading there is one M only.
    await page.keyboard.press('Home');
    await expect(panel.getByTestId('machine-copy')).toHaveCount(0);
  });

  test('closing the statechart folds the panel', async ({ page, open }) => {
    await open('#preset=P10&variant=split');
    const panel = page.getByTestId('panel-machine');
    await panel.getByTestId('machine-subject').selectOption('module:M');
    await expect(panel.getByTestId('statechart')).toBeVisible();
    await panel.getByRole('button', { name: 'Close the statechart' }).click();
    await expect(panel.getByTestId('statechart')).toHaveCount(0);
  });
});
