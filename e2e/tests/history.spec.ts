import { currentStep, expect, snapshot, test } from '../support/fixtures';

test.describe('browser history', () => {
  test('opening a preset, comparing and switching view each add an entry; Back walks back through them', async ({ page, open }) => {
    await open('#preset=P10&variant=split&step=5');
    // Scrubbing replaces the entry: it adds none.
    const before = await page.evaluate(() => history.length);
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/step=9/);
    expect(await page.evaluate(() => history.length)).toBe(before);

    // Another preset from the gallery.
    await page.getByTestId('open-gallery').click();
    await page.locator('[data-testid=preset-card][data-id=P13] button').first().click();
    await expect(page).toHaveURL(/preset=P13/);
    expect(await page.evaluate(() => history.length)).toBe(before + 1);

    // A comparison, then the Build view.
    await page.getByTestId('compare-select').selectOption({ index: 2 });
    await expect(page).toHaveURL(/compare=/);
    await page.getByTestId('view-build').click();
    await expect(page).toHaveURL(/view=build/);
    expect(await page.evaluate(() => history.length)).toBe(before + 3);

    // Back: the comparison, then P13 alone, then P10 at the step it was left at.
    await page.goBack();
    await expect(page).toHaveURL(/compare=/);
    await expect(page.getByTestId('panel-compare')).toBeVisible();
    await page.goBack();
    await expect(page).not.toHaveURL(/compare=/);
    await expect.poll(async () => (await snapshot(page)).presetId).toBe('P13');
    expect((await snapshot(page)).compareVariant).toBeNull();
    await page.goBack();
    await expect.poll(async () => (await snapshot(page)).presetId).toBe('P10');
    expect(await currentStep(page)).toBe(9);
    await expect(page).toHaveURL(/preset=P10&variant=split&step=9/);
    // Forward again, still on the site.
    await page.goForward();
    await expect.poll(async () => (await snapshot(page)).presetId).toBe('P13');
    await expect(page.getByRole('heading', { name: 'klp-playground' })).toBeVisible();
  });

  test('Back after switching view returns to the playground, not off the site', async ({ page, open }) => {
    await page.goto('about:blank');
    await open('#preset=P08&variant=split');
    await page.getByTestId('view-kernel').click();
    await expect(page).toHaveURL(/view=kernel/);
    await page.goBack();
    await expect(page).toHaveURL(/preset=P08/);
    await expect(page.getByTestId('view-playground')).toHaveAttribute('aria-pressed', 'true');
  });
});
