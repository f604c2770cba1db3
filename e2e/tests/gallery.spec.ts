import { expect, snapshot, test } from '../support/fixtures';

test('the preset gallery lists the seed situations first and opens another preset', async ({ page, open }) => {
  await open();
  await page.getByTestId('open-gallery').click();
  const dialog = page.getByRole('dialog', { name: 'Presets' });
  await expect(dialog).toBeVisible();
  const ids = await dialog.getByTestId('preset-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  expect(ids.slice(0, 3)).toEqual(['P10', 'P08', 'P13']);
  const p13 = dialog.locator('[data-testid=preset-card][data-id=P13]');
  await expect(p13).toContainText('split POC: deadlock (i)');
  await p13.getByRole('button').click();
  await expect(dialog).toBeHidden();
  const s = await snapshot(page);
  expect(s.presetId).toBe('P13');
  await expect(page.getByTestId('story')).toContainText('Situation 3');
  await expect(page).toHaveURL(/preset=P13/);
});

test('Escape closes the gallery and the About popover explains the seed patch', async ({ page, open }) => {
  await open();
  await page.getByTestId('open-gallery').click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Presets' })).toBeHidden();
  await page.getByTestId('about-button').click();
  const about = page.getByTestId('about');
  await expect(about).toContainText('location (i)');
  await expect(about).toContainText('situation 3');
  await expect(about).toContainText('idempotent_wait_for_completion()');
  await about.getByTestId('about-kernels').locator('summary').click();
  await expect(about.getByTestId('about-kernels')).toContainText('split POC + 19/23 rebased onto v7.1 (hypothetical): Linux v7.1 kernel/module/main.c');
  await page.keyboard.press('Escape');
  await expect(about).toBeHidden();
});

test('the theme toggle switches between light and dark', async ({ page, open }) => {
  await open();
  const html = page.locator('html');
  const before = await html.getAttribute('data-theme');
  await page.getByTestId('theme-toggle').click();
  await expect(html).toHaveAttribute('data-theme', before === 'dark' ? 'light' : 'dark');
});

test('the gallery filters presets by situation, dependency type, what a kernel gives and kind, and keeps the filter over a reload', async ({ page, open }) => {
  await open();
  await page.getByTestId('open-gallery').click();
  const dialog = page.getByRole('dialog', { name: 'Presets' });
  const cardIds = () => dialog.getByTestId('preset-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  const total = (await cardIds()).length;
  await dialog.getByTestId('filter-situation').selectOption('3');
  await expect.poll(cardIds).toEqual(['P13']);
  await dialog.getByTestId('filter-situation').selectOption('');
  // Seed presets that the patch fixes: ok on split + 19/23, type C.
  await dialog.getByTestId('filter-kind').selectOption('seed');
  await dialog.getByTestId('filter-variant').selectOption('split-poc19');
  await dialog.getByTestId('filter-outcome').selectOption('ok');
  await expect.poll(cardIds).toContain('P10');
  expect(await cardIds()).not.toContain('P08');
  await dialog.getByTestId('filter-deptype').selectOption('B');
  await expect(dialog.getByText('No preset matches these filters.')).toBeVisible();
  await dialog.getByTestId('filter-deptype').selectOption('C');
  await expect.poll(cardIds).toContain('P10');
  await page.reload();
  await page.getByTestId('open-gallery').click();
  await expect(dialog.getByTestId('filter-outcome')).toHaveValue('ok');
  await expect(dialog.getByTestId('filter-kind')).toHaveValue('seed');
  expect(await cardIds()).toContain('P10');
  expect(await cardIds()).not.toContain('P08');
  await dialog.getByTestId('filter-clear').click();
  await dialog.getByTestId('filter-kind').selectOption('selftest');
  const selftests = await cardIds();
  expect(selftests.length).toBeGreaterThan(10);
  expect(selftests.every((id) => /^ST7?-/.test(id ?? ''))).toBe(true);
  await dialog.getByTestId('filter-kind').selectOption('');
  await dialog.getByTestId('gallery-search').fill('type d');
  await expect.poll(cardIds).toContain('P13');
  expect((await cardIds()).length).toBeLessThan(total);
  await expect(dialog.getByTestId('gallery-count')).toContainText(`of ${total}`);
});
