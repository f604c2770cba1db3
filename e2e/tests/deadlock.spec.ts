import { currentStep, expect, snapshot, test } from '../support/fixtures';

test('scrubbing to the deadlock shows the U1 -> H1 cycle and explains location (i)', async ({ page, open }) => {
  await open('#preset=P10&variant=split&step=0');
  await expect(page.locator('[data-testid=task-node][data-in-cycle=true]')).toHaveCount(0);
  await expect(page.getByTestId('unsafe-heading')).not.toContainText('Deadlock');
  await expect(page.getByTestId('jump-to-verdict')).toBeVisible();

  // Drag the range scrubber to the end, as a user would.
  await page.getByTestId('scrubber').focus();
  await page.keyboard.press('End');
  const s = await snapshot(page);
  expect(s.step).toBe(s.stepCount - 1);

  await expect(page.locator('[data-testid=task-node][data-task=U1]')).toHaveAttribute('data-in-cycle', 'true');
  await expect(page.locator('[data-testid=task-node][data-task=H1]')).toHaveAttribute('data-in-cycle', 'true');
  await expect(page.getByTestId('unsafe-heading')).toContainText('Deadlock: U1 → H1 → U1');
  const w1 = page.locator('[data-testid=unsafe-row][data-fn=add_unformed_module]');
  await expect(w1).toHaveAttribute('data-from', 'H1');
  await expect(w1).toContainText('location (i)');
  const w3 = page.locator('[data-testid=unsafe-row][data-fn=call_usermodehelper_exec]');
  await expect(w3).toHaveAttribute('data-from', 'U1');
  await expect(page.locator('[data-testid=wait-edge-label][data-wid=W1]')).toContainText('add_unformed_module');
  // The module node shows lp COMING, and H1's second copy lp#2 sleeping on it.
  await expect(page.locator('[data-testid=module-node][data-module=lp]')).toHaveAttribute('data-states', /lp#1:COMING/);
  const copy = page.locator('[data-testid=module-node][data-module=lp] [data-testid=module-copy]');
  await expect(copy).toContainText('by H1');
  await expect(copy).toContainText('add_unformed_module() waits for lp#1');

  // The link on the U1 row jumps to where U1 started waiting for its helper.
  const since = w3.getByTestId('edge-since');
  const target = Number((await since.textContent())!.replace(/\D/g, ''));
  await since.click();
  expect(await currentStep(page)).toBe(target);
  await expect(page.getByTestId('step-info')).toContainText('U1');
});
