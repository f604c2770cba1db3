import { expect, test } from '../support/fixtures';

test('the real kernel view lays out and renders the 1121-module graph', async ({ page, open }) => {
  test.setTimeout(120_000);
  await open();
  await page.getByTestId('view-kernel').click();
  await expect(page).toHaveURL(/view=kernel/);
  await expect(page.getByTestId('panel-kernel')).toContainText('1121 modules');
  await expect(page.getByTestId('kernel-graph')).toHaveAttribute('data-layout', 'done', { timeout: 90_000 });
  await expect.poll(() => page.getByTestId('kmod-node').count()).toBeGreaterThan(10);
  await page.getByTestId('kernel-search').fill('x_tables');
  await page.locator('.kernel-side').getByRole('button', { name: 'x_tables', exact: true }).first().click();
  await expect(page.getByTestId('kernel-selected')).toContainText('used by');
  await expect(page.locator('[data-testid=kmod-node][data-module=x_tables]')).toBeVisible();
});
