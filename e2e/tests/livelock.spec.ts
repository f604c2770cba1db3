import { expect, test } from '../support/fixtures';

test('a livelock (P20) is explained as a stall or deadlock is: who spins, where, since when, why', async ({ page, open }) => {
  await open('#preset=P20&variant=split');
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'livelock', { timeout: 30_000 });
  const heading = page.getByTestId('unsafe-heading');
  await expect(heading).toContainText('Livelock: U1 loops in klp_module_coming()');
  await expect(heading).not.toContainText('Nobody waits');
  const row = page.locator('[data-testid=unsafe-row][data-from=U1]');
  await expect(row).toContainText('klp_module_coming()');
  await expect(row).toContainText('/proc/sys/kernel/modprobe is empty');
  await expect(page.getByTestId('panel-unsafe')).toContainText('*** LIVELOCK ***');

  // Its "since" link jumps to where U1 entered the loop; before it, the panel points there.
  const since = row.getByTestId('edge-since');
  const start = Number((await since.textContent())!.replace(/\D/g, ''));
  await since.click();
  await expect(page.getByTestId('step-info')).toContainText('klp_module_coming(');
  await page.keyboard.press('ArrowLeft');
  await expect(heading).toContainText('Nobody waits');
  await expect(page.getByTestId('jump-to-verdict')).toContainText(`step ${start}`);
});
