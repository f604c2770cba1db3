import { currentStep, expect, snapshot, test } from '../support/fixtures';

test('comparing split with split + 19/23 shows both kernels in step and the first step they behave differently', async ({ page, open }) => {
  await open('#preset=P10&variant=split');
  await page.getByTestId('compare-select').selectOption('split-poc19');
  await expect(page.getByTestId('panel-compare')).toBeVisible();
  await expect(page.getByTestId('compare-a')).toHaveAttribute('data-kind', 'deadlock');
  await expect(page.getByTestId('compare-b')).toHaveAttribute('data-kind', 'ok');
  await expect(page).toHaveURL(/compare=split-poc19/);

  // The first difference is a step, not an output line: H1 calls klp_break_recursion() in 19/23.
  const { divergence } = await snapshot(page);
  expect(divergence).not.toBeNull();
  const summary = page.getByTestId('divergence');
  await expect(summary).toContainText(`step ${divergence!.step}`);
  await expect(summary).toContainText('klp_break_recursion');
  await page.getByTestId('jump-divergence').click();
  expect(await currentStep(page)).toBe(divergence!.step);

  // Both sides show their own graphs and timeline at that step.
  for (const side of ['a', 'b']) {
    await expect(page.getByTestId(`compare-${side}-step`)).toContainText(`step ${divergence!.step} /`);
    await expect(page.getByTestId(`compare-${side}-dependency`).locator('[data-testid=module-node][data-module=lp]')).toBeVisible();
    await expect(page.getByTestId(`compare-${side}-waitfor`).locator('[data-testid=task-node][data-task=H1]')).toBeVisible();
    await expect(page.getByTestId(`compare-${side}`).getByTestId('mini-part')).toHaveCount(1);
  }
  // A few steps on, split sleeps in add_unformed_module() (lp#2 waits for lp#1) and 19/23 has given up with -EEXIST.
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('compare-a-dependency').locator('[data-testid=module-node][data-module=lp] [data-testid=module-copy]')).toHaveAttribute('data-phase', 'waiting');
  await expect(page.getByTestId('compare-b-dependency').locator('[data-testid=module-node][data-module=lp]')).toContainText('-EEXIST');
  // Past the end of the deadlocked run, its side stays on its last step.
  await page.keyboard.press('End');
  await expect(page.getByTestId('compare-a-step')).toContainText('ended at step');

  // The transcripts are a tab away, the first different line marked.
  await page.getByTestId('compare-tab-transcripts').click();
  await expect(page.getByTestId('compare-b').getByTestId('divergence-marker')).toContainText('first different line');
});
