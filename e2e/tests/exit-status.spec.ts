import { expect, test } from '../support/fixtures';

test('a finished task reads as a shell reports it: exit status of its last command, or Killed', async ({ page, open }) => {
  // P16: U1's last command, modprobe lp2, fails with -EBUSY; the shell says "exit status 1".
  await open('#preset=P16&variant=split');
  await page.keyboard.press('End');
  await expect(page.getByTestId('panel-userspace')).toContainText('exit status 1');
  const head = (task: string) => page.locator(`[data-testid=stack][data-task="${task}"] .stack-head`);
  await expect(head('U1')).toContainText('exit status 1');
  await expect(head('T1')).toContainText('exit status 0');

  // P08 after kill: `kill -9 H1` from the wait-for graph; H1 reads as bash reports such a job.
  await open('#preset=P08&variant=split');
  await page.locator('[data-testid=task-node][data-task=H1]').getByTestId('node-kill').click();
  await expect(page.getByTestId('scenario-origin')).toBeVisible();
  await page.keyboard.press('End');
  await expect(head('H1')).toContainText('Killed');
  await expect(head('H1').locator('[title*=SIGKILL]')).toBeVisible();
  // U1's modprobe M failed because of it: its shell's status is 1.
  await expect(head('U1')).toContainText('exit status 1');
  await expect(page.getByTestId('panel-stacks')).not.toContainText('exited (');
});
