import { expect, snapshot, test } from '../support/fixtures';

test('opens on the seed situation 2 (P10) in the split POC, at the deadlock', async ({ page, open }) => {
  await open();
  const s = await snapshot(page);
  expect(s.presetId).toBe('P10');
  expect(s.variant).toBe('split');
  expect(s.outcome.kind).toBe('deadlock');
  expect(s.step).toBe(s.stepCount - 1);
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'deadlock');
  await expect(page.getByTestId('outcome')).toContainText('add_unformed_module');
  await expect(page.getByTestId('variant-split')).toBeChecked();
  await expect(page).toHaveURL(/#preset=P10&variant=split&step=\d+/);
  // Every part of the page is there and readable.
  for (const id of ['panel-dependency', 'panel-waitfor', 'panel-unsafe', 'panel-stacks', 'panel-dmesg', 'panel-userspace', 'timeline']) {
    await expect(page.getByTestId(id)).toBeVisible();
  }
  await expect(page.locator('[data-testid=module-node]')).toHaveCount(4);
  await expect(page.locator('[data-testid=dep-edge-label][data-type=C]')).toHaveText('C: lp_shared_cb');
  await expect(page.getByTestId('dep-legend')).toContainText('implicit');
});

test('a click in the swimlanes moves the timeline there', async ({ page, open }) => {
  await open();
  const box = (await page.getByTestId('lanes-hit').boundingBox())!;
  await page.mouse.click(box.x + 2, box.y + box.height / 2);
  expect(await snapshot(page).then((s) => s.step)).toBeLessThan(3);
  await expect(page.getByTestId('step-counter')).toContainText('step 0');
});
