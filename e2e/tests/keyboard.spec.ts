import { currentStep, expect, snapshot, test } from '../support/fixtures';

test('keyboard shortcuts drive the timeline and are shown on screen', async ({ page, open }) => {
  await open();
  const hints = page.getByRole('list', { name: 'Keyboard shortcuts' });
  for (const key of ['←', '→', 'Home', 'End', 'Space', '[', ']']) await expect(hints).toContainText(key);

  await page.keyboard.press('Home');
  expect(await currentStep(page)).toBe(0);
  await page.keyboard.press('ArrowRight');
  expect(await currentStep(page)).toBe(1);
  await page.keyboard.press('Shift+ArrowRight');
  expect(await currentStep(page)).toBe(11);
  await page.keyboard.press('ArrowLeft');
  expect(await currentStep(page)).toBe(10);

  await page.keyboard.press(']');
  const marker = await currentStep(page);
  expect(marker).toBeGreaterThan(10);
  await page.keyboard.press(']');
  expect(await currentStep(page)).toBeGreaterThan(marker);
  await page.keyboard.press('[');
  expect(await currentStep(page)).toBe(marker);

  await page.keyboard.press('End');
  const s = await snapshot(page);
  expect(s.step).toBe(s.stepCount - 1);

  await page.keyboard.press('Home');
  await page.keyboard.press(' ');
  await expect.poll(async () => (await snapshot(page)).playing).toBe(true);
  await expect.poll(() => currentStep(page)).toBeGreaterThan(0);
  await page.keyboard.press(' ');
  await expect.poll(async () => (await snapshot(page)).playing).toBe(false);
});
