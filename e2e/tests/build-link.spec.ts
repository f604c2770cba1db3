import { expect, test } from '../support/fixtures';

const saved = (page: import('@playwright/test').Page) => page.evaluate(() => JSON.parse(localStorage.getItem('klp-playground:builder') ?? 'null')?.scenario?.title ?? null);

test('a shared Build link opens as an editable copy and keeps the work it replaces', async ({ page, open }) => {
  await open('#view=build');
  // The scenario someone shares: P08's, retitled.
  await page.getByTestId('builder-preset').selectOption('P08');
  await page.getByTestId('builder-title').fill('shared situation 1');
  await page.getByTestId('builder-share').click();
  const link = await page.getByTestId('builder-share-build-link').inputValue();
  expect(link).toContain('view=build');
  expect(link).toContain('scenario=');
  // The recipient's own work, autosaved.
  await page.getByTestId('builder-preset').selectOption('P13');
  await page.getByTestId('builder-title').fill('my own work');
  await expect.poll(() => saved(page)).toBe('my own work');

  await page.goto('about:blank');
  await page.goto(link);
  await expect(page.getByTestId('builder')).toBeVisible();
  await expect(page.getByTestId('builder-title')).toHaveValue('shared situation 1');
  const notice = page.getByTestId('builder-shared');
  await expect(notice).toContainText('my own work');
  // The link has done its job: a reload must not open it again over the copy's edits.
  await expect(page).not.toHaveURL(/scenario=/);
  await expect(page).toHaveURL(/view=build/);

  // The replaced work comes back, and Undo returns to the shared copy.
  await page.getByTestId('builder-restore-previous').click();
  await expect(page.getByTestId('builder-title')).toHaveValue('my own work');
  await expect(page.locator('[data-testid=builder-node][data-name=B]')).toBeVisible();
  await page.getByTestId('builder-undo').click();
  await expect(page.getByTestId('builder-title')).toHaveValue('shared situation 1');

  // The copy is the user's: edits survive a reload.
  await page.getByTestId('builder-title').fill('my copy of it');
  await expect.poll(() => saved(page)).toBe('my copy of it');
  await page.reload();
  await expect(page.getByTestId('builder-title')).toHaveValue('my copy of it');
  await expect(page.getByTestId('builder-shared')).toBeHidden();
});
