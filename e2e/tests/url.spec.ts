import { expect, snapshot, test } from '../support/fixtures';

test('a shared link opens the same step with the same kernel state', async ({ page, context, open }) => {
  await open('#preset=P10&variant=split&step=0');
  for (let i = 0; i < 42; i++) await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/step=42/);
  const here = await snapshot(page);
  expect(here.step).toBe(42);
  const link = page.url();

  const other = await context.newPage();
  await other.goto(link);
  await other.waitForFunction(() => 'step' in ((window as unknown as { __playground?: object }).__playground ?? {}));
  const there = await snapshot(other);
  expect(there.step).toBe(42);
  expect(there.fingerprint).toBe(here.fingerprint);
  expect(there.variant).toBe('split');
  await other.close();
});

test('the URL survives a reload, compare variant included', async ({ page, open }) => {
  await open('#preset=P13&variant=upstream&step=5&compare=split');
  const before = await snapshot(page);
  await page.reload();
  const after = await snapshot(page);
  expect(after).toMatchObject({ presetId: 'P13', variant: 'upstream', step: 5, compareVariant: 'split' });
  expect(after.fingerprint).toBe(before.fingerprint);
});

test('a bad link names the bad parameters and falls back to the defaults', async ({ page, open }) => {
  await open('#preset=NOPE&variant=linux-7&step=abc');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('"preset"');
  await expect(alert).toContainText('NOPE');
  await expect(alert).toContainText('"variant"');
  await expect(alert).toContainText('"step"');
  const s = await snapshot(page);
  expect(s).toMatchObject({ presetId: 'P10', variant: 'split', step: s.stepCount - 1 });
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'deadlock');
});

test('a step past the end is clamped and reported', async ({ page, open }) => {
  await open('#preset=P10&variant=split&step=999999');
  await expect(page.getByRole('alert')).toContainText('"step"');
  const s = await snapshot(page);
  expect(s.step).toBe(s.stepCount - 1);
});

test('a link comparing a kernel with itself is refused and names "compare"', async ({ page, open }) => {
  await open('#preset=P10&variant=split&compare=split');
  await expect(page.getByRole('alert')).toContainText('"compare"');
  await expect(page.getByRole('alert')).toContainText('split');
  expect((await snapshot(page)).compareVariant).toBeNull();
  await expect(page.getByTestId('panel-compare')).toHaveCount(0);
  await expect(page).not.toHaveURL(/compare=/);
});
