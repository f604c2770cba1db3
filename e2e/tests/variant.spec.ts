import { expect, snapshot, test } from '../support/fixtures';

test('switching to split + 19/23 shows the fix: the enable completes', async ({ page, open }) => {
  await open();
  await page.getByText('split + 19/23', { exact: true }).click();
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'ok');
  const s = await snapshot(page);
  expect(s.variant).toBe('split-poc19');
  expect(s.outcome.kind).toBe('ok');
  // Still at the end: lp__M was loaded and the patch enabled.
  expect(s.step).toBe(s.stepCount - 1);
  await expect(page.locator('[data-testid=module-node][data-module=lp__M]')).toHaveAttribute('data-states', /LIVE/);
  await expect(page.getByTestId('panel-dmesg')).toContainText("livepatch: 'lp': patching complete");
  await expect(page).toHaveURL(/variant=split-poc19/);
  await expect(page.getByTestId('unsafe-heading')).toContainText('Nobody waits');
});

test('only the add_unformed_module hunk turns the deadlock into a 30 s stall at location (ii)', async ({ page, open }) => {
  await open('#preset=P11');
  await page.getByTestId('variant-split-break-only').check({ force: true });
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'stall');
  await expect(page.getByTestId('outcome')).toContainText('resolve_symbol_wait');
  // It opens on the cycle, before the 30 s timeout breaks it.
  await expect(page.getByTestId('unsafe-heading')).toContainText('Stall: U1 → H1 → U1');
  await expect(page.locator('[data-testid=unsafe-row][data-fn=resolve_symbol_wait]')).toContainText('location (ii)');
  await expect(page.locator('[data-testid=wait-edge-label][data-wid=W2]')).toContainText('timed');
});
