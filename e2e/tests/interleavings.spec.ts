import { expect, snapshot, test } from '../support/fixtures';

test('Interleavings finds both outcomes of P16 (split), opens the ok one, and the link keeps it', async ({ page, open }) => {
  await open('#preset=P16&variant=split');
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'error');
  await page.getByTestId('interleavings-button').click();
  const panel = page.getByRole('dialog', { name: 'Interleavings' });
  await expect(panel.getByTestId('interleavings-status')).toContainText('Explored all');
  await expect(panel.getByTestId('finding')).toHaveCount(2);
  const error = panel.locator('[data-testid=finding][data-kind=error]');
  await expect(error).toContainText("'modprobe lp2' (U1) failed");
  await expect(error).toContainText("could not insert 'lp2': Device or resource busy");
  const ok = panel.locator('[data-testid=finding][data-kind=ok]');
  await expect(ok).toContainText('every command finished successfully');

  await ok.getByTestId('finding-open').click();
  await expect(panel).toBeHidden();
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'ok');
  await expect(page.getByTestId('schedule-note')).toContainText('interleaving');
  await expect(page).toHaveURL(/sched=[A-Za-z]/);
  const { schedule } = await snapshot(page);
  expect(schedule.length).toBeGreaterThan(0);

  await page.reload();
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'ok');
  expect(await snapshot(page)).toMatchObject({ presetId: 'P16', variant: 'split', schedule, outcome: { kind: 'ok' } });

  // And back: the default schedule ends in the error again, and the link forgets the schedule.
  await page.getByTestId('schedule-reset').click();
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'error');
  await expect(page.getByTestId('schedule-note')).toHaveCount(0);
  await expect(page).not.toHaveURL(/sched=/);
});

test('the Interleavings popover works from the keyboard and says when there is nothing to choose', async ({ page, open }) => {
  await open('#preset=P08&variant=split');
  const button = page.getByTestId('interleavings-button');
  await button.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog', { name: 'Interleavings' });
  await expect(panel).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(panel.getByTestId('interleavings-status')).toContainText('No scheduling choice');
  await expect(panel.locator('[data-testid=finding][data-kind=deadlock]')).toHaveCount(1);
  await expect(panel.getByTestId('finding-open')).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
});
