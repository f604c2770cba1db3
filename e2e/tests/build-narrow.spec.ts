import { expect, test } from '../support/fixtures';

test('the Build view works at 390 px: a canvas is drawn and the inspector fits, labels whole', async ({ page, open }) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
  });
  await page.setViewportSize({ width: 390, height: 844 });
  await open('#view=build');
  await page.getByTestId('builder-new').click();
  await page.getByTestId('add-module').click();
  await page.getByTestId('add-step-print').click();
  await page.getByTestId('add-step-request_module').click();

  // The canvas has room and shows the module.
  const canvas = page.locator('.builder-canvas .react-flow');
  const box = (await canvas.boundingBox())!;
  expect(box.width).toBeGreaterThan(300);
  expect(box.height).toBeGreaterThan(250);
  await expect(page.locator('[data-testid=builder-node][data-name=M1]')).toBeVisible();
  expect(warnings.filter((w) => /React Flow|004/.test(w))).toEqual([]);

  // Nothing is wider than the screen, and the inspector's labels are whole.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const inspector = page.locator('.builder-inspector');
  expect(await inspector.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  const label = inspector.getByText('Module name', { exact: true });
  const lb = (await label.boundingBox())!;
  const ib = (await inspector.boundingBox())!;
  expect(lb.x).toBeGreaterThanOrEqual(ib.x);
  for (const b of await inspector.locator('button:visible, select:visible, input:visible').all()) {
    const r = (await b.boundingBox())!;
    expect(r.x + r.width, await b.evaluate((e) => e.outerHTML.slice(0, 80))).toBeLessThanOrEqual(ib.x + ib.width + 1);
  }
});
