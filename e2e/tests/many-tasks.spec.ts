import { expect, test } from '../support/fixtures';

test('with 23 tasks (P16) idle and finished tasks fold away and the lanes scroll under a fixed scrubber', async ({ page, open }) => {
  await open('#preset=P16&variant=split&step=120');
  // The wait-for graph seats only the live tasks, at a readable size; the rest are listed.
  const graph = page.getByTestId('wait-for-graph');
  const nodes = graph.getByTestId('task-node');
  await expect(nodes.first()).toBeVisible();
  expect(await nodes.count()).toBeLessThanOrEqual(4);
  const t1 = graph.locator('[data-testid=task-node][data-task=T1]');
  await expect(t1).toBeVisible();
  expect((await t1.boundingBox())!.width).toBeGreaterThan(150);
  const fold = page.getByTestId('wait-fold');
  await expect(fold).toContainText('of 23 tasks shown');
  await expect(fold).toContainText('U1 (exit status 1)');
  await expect(fold).toContainText('kworker/1');

  // The timeline: the 21 kernel workers share a row, so every task has a row in view.
  const labels = page.getByTestId('lane-label');
  await expect(labels).toHaveCount(2);
  await expect(page.getByTestId('lane-fold')).toContainText('21 kworkers');
  for (const el of [labels.nth(0), labels.nth(1), page.getByTestId('lane-fold')]) await expect(el).toBeInViewport();

  // Unfolded, the lanes scroll and the scrubber stays where it is.
  await page.getByTestId('lane-fold').click();
  await expect(labels).toHaveCount(23);
  const scrubber = page.getByTestId('scrubber');
  const before = (await scrubber.boundingBox())!;
  const last = labels.last();
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport();
  const after = (await scrubber.boundingBox())!;
  expect(after.y).toBe(before.y);
  await expect(scrubber).toBeInViewport();
  // The lanes canvas lines up with the scrubber above it, scrollbar or not.
  const lanes = (await page.getByTestId('lanes-area').boundingBox())!;
  expect(Math.abs(lanes.x - after.x)).toBeLessThan(1);
  expect(Math.abs(lanes.width - after.width)).toBeLessThan(1);
  // And fold back.
  await page.getByTestId('lane-unfold').scrollIntoViewIfNeeded();
  await page.getByTestId('lane-unfold').click();
  await expect(labels).toHaveCount(2);
});
