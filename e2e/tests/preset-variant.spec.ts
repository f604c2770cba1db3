import { expect, snapshot, test } from '../support/fixtures';

test('a preset about one kernel opens in it, unless the link names another', async ({ page, open }) => {
  // The user is on upstream, then picks P11 (the add_unformed_module hunk of 19/23 alone).
  await open('#preset=P10&variant=upstream');
  await page.getByTestId('open-gallery').click();
  const card = page.locator('[data-testid=preset-card][data-id=P11]');
  await card.getByRole('button').click();
  const s = await snapshot(page);
  expect(s.presetId).toBe('P11');
  expect(s.variant).toBe('split-break-only');
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'stall');
  await expect(page.getByTestId('variant-split-break-only')).toBeChecked();
  await expect(page).toHaveURL(/preset=P11&variant=split-break-only/);
  // The card says where it opens.
  await page.getByTestId('open-gallery').click();
  await expect(card.locator('.is-own')).toContainText('opens here');
  await page.keyboard.press('Escape');

  // A link that names the kernel keeps it.
  await open('#preset=P11&variant=split');
  expect((await snapshot(page)).variant).toBe('split');
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'deadlock');
});
