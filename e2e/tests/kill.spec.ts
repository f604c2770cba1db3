import { expect, snapshot, test } from '../support/fixtures';

test('killing the helper H1 ends the P08 deadlock: the load of M fails', async ({ page, open }) => {
  await open('#preset=P08&variant=split');
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'deadlock');
  const h1 = page.locator('[data-testid=kill-action][data-task=H1]');
  await expect(h1).toContainText('request_module("lp__M") in U1 returns its signal status');
  await h1.getByTestId('kill-button').click();

  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'error');
  await expect(page.getByTestId('panel-userspace')).toContainText("modprobe: ERROR: could not insert 'M': Invalid argument");
  await expect(page.getByTestId('panel-dmesg')).toContainText('livepatch: Module load failed: lp__M');
  await expect(page.getByTestId('scenario-origin')).toContainText('P08 + kill H1 at t=0.001 s');
  await expect(page.getByTestId('story')).toContainText('kill -9 H1');
  await expect(page).toHaveURL(/#scenario=[\w-]+&variant=split/);
  expect((await snapshot(page)).presetId).toBeNull();

  // The link is the scenario itself: a reload tells the same story.
  await page.reload();
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'error');
  await expect(page.getByTestId('scenario-origin')).toContainText('P08 + kill H1 at t=0.001 s');

  await page.getByTestId('back-to-preset').click();
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'deadlock');
  await expect(page).toHaveURL(/#preset=P08&variant=split/);
});

test("killing the user's modprobe from the graph deadlocks one level deeper, and kills chain", async ({ page, open }) => {
  await open('#preset=P08&variant=split');
  await expect(page.locator('[data-testid=kill-action][data-task=U1]')).toContainText('one level deeper');
  await page.locator('[data-testid=task-node][data-task=U1] [data-testid=node-kill]').click();
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'deadlock');
  await expect(page.getByTestId('outcome')).toContainText('H1 -> H2 -> H1');
  await expect(page.getByTestId('scenario-origin')).toContainText('P08 + kill U1 at t=0.001 s');

  // The new killer is K2, and the banner names both kills.
  await page.locator('[data-testid=kill-action][data-task=H2] [data-testid=kill-button]').click();
  await expect(page.getByTestId('scenario-origin')).toContainText('P08 + kill U1 at t=0.001 s + kill H2 at t=0.002 s');
  await expect(page.getByTestId('story')).toContainText('kill -9 H2');
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'error');
});
