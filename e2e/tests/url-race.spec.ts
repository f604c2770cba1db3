import { expect, snapshot, test } from '../support/fixtures';

test('opening another preset link right after scrubbing is not undone by the URL writer', async ({ page, open }) => {
  // The race depends on the browser's task order: try it five times from a fresh page.
  for (let round = 0; round < 5; round++) {
    // A query that changes each round makes this a fresh page load, not a hash change.
    await open(`?round=${round}#preset=P10&variant=split&step=0`);
    await page.waitForTimeout(1000);
    // Scrub a few steps: the URL writer now has a write pending (it writes at most every 250 ms).
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    // A link is opened while the page is busy redrawing (300 ms of work here): the new hash is
    // in the address bar, the pending write comes due before the browser reports the change.
    await page.evaluate((h) => {
      setTimeout(() => {
        window.location.hash = h;
      }, 0);
      const t = performance.now();
      while (performance.now() - t < 300);
    }, '#preset=P08&variant=split');
    await page.waitForTimeout(400);
    expect((await snapshot(page)).presetId, `round ${round}`).toBe('P08');
    await expect(page).toHaveURL(/preset=P08&/);
  }
});
