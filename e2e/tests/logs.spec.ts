import { currentStep, expect, test } from '../support/fixtures';

test('clicking a dmesg line jumps to the step that printed it', async ({ page, open }) => {
  await open('#preset=P10&variant=split-poc19');
  const lines = page.getByTestId('dmesg-line');
  await expect(lines.first()).toBeVisible();
  const first = lines.first();
  const step = Number(await first.getAttribute('data-step'));
  await first.click();
  expect(await currentStep(page)).toBe(step);
  // Only lines up to this step are shown, and this step's lines stand out.
  await expect(page.locator('[data-testid=dmesg-line].is-current').first()).toHaveAttribute('data-step', String(step));
  for (const s of await lines.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-step'))))) expect(s).toBeLessThanOrEqual(step);
});

test('user-space lines and call stacks follow the step', async ({ page, open }) => {
  await open('#preset=P10&variant=split');
  await expect(page.getByTestId('user-line').first()).toContainText('modprobe M');
  await expect(page.locator('[data-testid=stack][data-task=U1]')).toContainText('call_usermodehelper_exec');
  await expect(page.locator('[data-testid=stack][data-task=H1]')).toContainText('add_unformed_module');
  await page.keyboard.press('Home');
  await expect(page.locator('[data-testid=stack][data-task=H1]')).toHaveCount(0);
});
