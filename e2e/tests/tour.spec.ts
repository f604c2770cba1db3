import { currentStep, expect, snapshot, test, TOUR_KEY } from '../support/fixtures';

test.describe('guided first visit', () => {
  test.use({ tourSeen: false });

  test('the first visit walks the recursion step by step, moving the timeline, and is shown once', async ({ page, open }) => {
    await open();
    const tour = page.getByTestId('tour');
    await expect(tour).toBeVisible();
    await expect(tour).toHaveAttribute('data-stop', 'start');
    const shownStep = async () => Number((await tour.locator('.tour-step').textContent())!.replace('step ', ''));

    // Each stop moves the timeline to the step it talks about, and the steps only go forward.
    const seen: number[] = [];
    const stops: string[] = [];
    for (;;) {
      const id = (await tour.getAttribute('data-stop'))!;
      stops.push(id);
      const step = await shownStep();
      await expect.poll(() => currentStep(page)).toBe(step);
      seen.push(step);
      if (id === 'coming') await expect(page.getByTestId('step-info')).toContainText('klp_module_coming');
      if (id === 'request') await expect(page.getByTestId('step-info')).toContainText('call_usermodehelper_exec');
      if (id === 'nested') {
        await expect(tour).toContainText('add_unformed_module()');
        await expect(page.getByTestId('wait-for-graph').locator('[data-testid=task-node][data-task=H1]')).toContainText('blocked');
      }
      if (await page.getByTestId('tour-done').isVisible()) break;
      await page.getByTestId('tour-next').click();
      await expect(tour).not.toHaveAttribute('data-stop', id);
    }
    expect(stops).toEqual(['start', 'coming', 'enable', 'request', 'nested', 'end']);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect((await snapshot(page)).outcome.kind).toBe('deadlock');
    await expect(tour).toContainText('Deadlock');

    // Back goes one stop back, and the timeline with it.
    await page.getByTestId('tour-back').click();
    await expect(tour).toHaveAttribute('data-stop', 'nested');
    await page.getByTestId('tour-next').click();
    await page.getByTestId('tour-done').click();
    await expect(tour).toBeHidden();
    expect(await page.evaluate((k) => localStorage.getItem(k), TOUR_KEY)).toBe('done');

    // Not again on the next visit...
    await page.reload();
    await expect(page.getByRole('heading', { name: 'klp-playground' })).toBeVisible();
    await page.waitForFunction(() => !!(window as unknown as { __playground?: unknown }).__playground);
    await expect(tour).toBeHidden();
    // ...but from About, from its first stop.
    await page.getByTestId('about-button').click();
    await page.getByTestId('start-tour').click();
    await expect(tour).toBeVisible();
    await expect(tour).toHaveAttribute('data-stop', 'start');
    await page.getByTestId('tour-close').click();
    await expect(tour).toBeHidden();
  });

  test('not shown on a link to another preset, and Skip dismisses it for good', async ({ page, open }) => {
    await open('#preset=P08&variant=split');
    await expect(page.getByTestId('panel-dependency')).toBeVisible();
    await expect(page.getByTestId('tour')).toHaveCount(0);
    await open('#preset=P10&variant=split');
    await page.reload();
    await expect(page.getByTestId('tour')).toBeVisible();
    await page.getByTestId('tour-skip').click();
    await expect(page.getByTestId('tour')).toBeHidden();
    await page.reload();
    await expect(page.getByTestId('panel-dependency')).toBeVisible();
    await expect(page.getByTestId('tour')).toHaveCount(0);
  });
});
