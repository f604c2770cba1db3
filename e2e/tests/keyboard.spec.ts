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

test('after clicking a kernel variant, the timeline keys still step instead of switching the kernel', async ({ page, open }) => {
  await open('#preset=P10&variant=split&step=20');
  await page.locator('label', { has: page.getByTestId('variant-split-poc19') }).click();
  await expect(page.getByTestId('variant-split-poc19')).toBeFocused();
  const variant = (await snapshot(page)).variant;
  expect(variant).toBe('split-poc19');
  const from = await currentStep(page);

  await page.keyboard.press('ArrowRight');
  expect(await currentStep(page)).toBe(from + 1);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  expect(await currentStep(page)).toBe(from - 1);
  expect((await snapshot(page)).variant).toBe(variant);

  await page.keyboard.press('Home');
  expect(await currentStep(page)).toBe(0);
  await page.keyboard.press(']');
  const marker = await currentStep(page);
  expect(marker).toBeGreaterThan(0);
  await page.keyboard.press('End');
  const s = await snapshot(page);
  expect(s.step).toBe(s.stepCount - 1);
  await page.keyboard.press('[');
  expect(await currentStep(page)).toBeLessThan(s.stepCount - 1);
  expect((await snapshot(page)).variant).toBe(variant);

  // The speed select and the scrubber do not swallow the keys either; a text field does.
  await page.getByTestId('speed').focus();
  await page.keyboard.press('Home');
  expect(await currentStep(page)).toBe(0);
  await page.keyboard.press('ArrowRight');
  expect(await currentStep(page)).toBe(1);
  expect(await page.getByTestId('speed').inputValue()).toBe('10');
});
