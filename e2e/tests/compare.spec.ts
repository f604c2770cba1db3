import { currentStep, expect, snapshot, test } from '../support/fixtures';

test('comparing split with split + 19/23 marks the first divergence and both outcomes', async ({ page, open }) => {
  await open();
  await page.getByTestId('compare-select').selectOption('split-poc19');
  await expect(page.getByTestId('panel-compare')).toBeVisible();
  await expect(page.getByTestId('compare-a')).toHaveAttribute('data-kind', 'deadlock');
  await expect(page.getByTestId('compare-b')).toHaveAttribute('data-kind', 'ok');
  const { divergence } = await snapshot(page);
  expect(divergence).not.toBeNull();
  await expect(page.getByTestId('divergence')).toContainText(`First divergence at step ${divergence!.stepA}`);
  await expect(page.getByTestId('compare-b').getByTestId('divergence-marker')).toContainText(`step ${divergence!.stepB}`);
  await expect(page).toHaveURL(/compare=split-poc19/);

  await page.keyboard.press('Home');
  expect(await currentStep(page)).toBe(0);
  await page.getByTestId('jump-divergence').click();
  expect(await currentStep(page)).toBe(divergence!.stepA);
});
