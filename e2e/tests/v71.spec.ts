import { currentStep, expect, snapshot, test } from '../support/fixtures';

test('situation 2 on v7.1 split + 19/23: H1 sleeps in idempotent_wait_for_completion(), and the page says why 19/23 no longer helps', async ({ page, open }) => {
  await open('#preset=P10&variant=v7.1-split-poc19');
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'deadlock');
  await expect(page.getByTestId('outcome')).toContainText('idempotent_wait_for_completion');
  await expect(page.getByTestId('outcome')).toContainText('rebased onto v7.1 (hypothetical)');
  await expect(page.getByTestId('variant-why')).toContainText('19/23 no longer breaks this');

  const row = page.locator('[data-testid=unsafe-row][data-fn=idempotent_wait_for_completion]');
  await expect(row).toHaveAttribute('data-from', 'H1');
  await expect(row.getByTestId('unsafe-location')).toHaveText('location (i), moved (v6.5)');
  await expect(row).toContainText("add_unformed_module() and 19/23's klp_break_recursion() are never reached");
  await expect(page.locator('[data-testid=wait-edge-label][data-wid=W5]')).toContainText('idempotent_wait_for_completion');
  await expect(page.locator('[data-testid=module-node][data-module=lp] [data-testid=module-waiter]')).toContainText('H1 waits in idempotent_wait_for_completion()');

  // At the step where H1 goes to sleep, the step itself says where and why.
  const since = row.getByTestId('edge-since');
  const target = Number((await since.textContent())!.replace(/\D/g, ''));
  await since.click();
  expect(await currentStep(page)).toBe(target);
  await expect(page.getByTestId('step-info')).toContainText('H1');
  await expect(page.getByTestId('step-info')).toContainText('/lib/modules/7.1.0/extra/lp.ko is being loaded by U1');
  await expect(page.getByTestId('step-info')).toContainText('klp_break_recursion() (19/23) are never reached');
});

test('the variant switch groups the kernels by version; the rebased ones are marked hypothetical', async ({ page, open }) => {
  await open('#preset=P10');
  await expect(page.getByTestId('variant-group-v5.5').locator('label')).toHaveCount(5);
  await expect(page.getByTestId('variant-group-v7.1').locator('label')).toHaveCount(3);
  await expect(page.getByTestId('variant-group-v7.1').locator('label.is-hypothetical')).toHaveCount(2);
  await page.getByText('split + 19/23 (hyp.)', { exact: true }).click();
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'deadlock');
  expect((await snapshot(page)).variant).toBe('v7.1-split-poc19');
  await expect(page).toHaveURL(/variant=v7\.1-split-poc19/);
});

test('compare puts split + 19/23 (v5.5) next to its hypothetical rebase onto v7.1', async ({ page, open }) => {
  await open('#preset=P10&variant=split-poc19&compare=v7.1-split-poc19');
  await expect(page.getByTestId('compare-a')).toHaveAttribute('data-kind', 'ok');
  await expect(page.getByTestId('compare-b')).toHaveAttribute('data-kind', 'deadlock');
  await expect(page.getByTestId('compare-b')).toContainText('idempotent_wait_for_completion');
  const { divergence } = await snapshot(page);
  expect(divergence).not.toBeNull();
});

test('a v7.1 selftest opens in v7.1 and matches', async ({ page, open }) => {
  await open('#preset=ST7-syscall-01');
  const s = await snapshot(page);
  expect(s.variant).toBe('v7.1');
  expect(s.outcome.kind).toBe('ok');
  await expect(page.getByTestId('panel-dmesg')).toContainText('test_klp_syscall: Remaining not livepatched processes: 0');
  await expect(page.locator('.expect.ok')).toContainText('expected: ok');
});

test('on a 390 px phone the variant switch wraps inside the page', async ({ page, open }) => {
  await page.setViewportSize({ width: 390, height: 900 });
  await open('#preset=P10&variant=v7.1-split-poc19');
  const right = await page.getByTestId('variant-switch').evaluate((e) => e.getBoundingClientRect().right);
  expect(right).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
