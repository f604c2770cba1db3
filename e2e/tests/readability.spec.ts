import { expect, test } from '../support/fixtures';
import type { Page } from '@playwright/test';
import { lowContrast } from '../support/contrast';

/** Every graph's text size on screen: font size x the graph's zoom, per distinct element kind. */
async function graphTextOnScreen(page: Page): Promise<{ where: string; px: number }[]> {
  return page.locator('.react-flow').evaluateAll((flows) =>
    flows.flatMap((rf) => {
      const vp = rf.querySelector('.react-flow__viewport');
      const zoom = vp ? new DOMMatrix(getComputedStyle(vp).transform).a : 1;
      const out: { where: string; px: number }[] = [];
      for (const el of rf.querySelectorAll('.react-flow__node *, .react-flow__edgelabel-renderer *')) {
        if (![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim())) continue;
        out.push({ where: `${rf.getAttribute('aria-label')}: ${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`, px: parseFloat(getComputedStyle(el).fontSize) * zoom });
      }
      return out;
    }),
  );
}

for (const [w, h] of [
  [1280, 720],
  [1440, 900],
] as const) {
  test(`graph text reads at least 11px at the default zoom (${w}x${h})`, async ({ page, open }) => {
    await page.setViewportSize({ width: w, height: h });
    for (const hash of ['#preset=P10&variant=split', '#preset=P13&variant=split', '#preset=P16&step=30']) {
      await open(hash);
      await expect(page.getByTestId('dependency-graph')).toHaveAttribute('data-layout', 'done');
      await expect(page.getByTestId('task-node').first()).toBeVisible();
      // Let the graphs settle on their fitted viewport.
      await expect.poll(async () => (await graphTextOnScreen(page)).length).toBeGreaterThan(4);
      await page.waitForTimeout(300);
      const small = (await graphTextOnScreen(page)).filter((t) => t.px < 11);
      expect(small, hash).toEqual([]);
    }
  });
}

test('at 1280x720 the timeline scrubber and both graphs are on screen together, without scrolling', async ({ page, open }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open('#preset=P10&variant=split');
  await expect(page.getByTestId('dependency-graph')).toHaveAttribute('data-layout', 'done');
  const fit = await page.evaluate(() => {
    const box = (sel: string) => {
      const r = document.querySelector(sel)!.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: r.height };
    };
    return {
      scroll: document.scrollingElement!.scrollHeight,
      height: innerHeight,
      dep: box('[data-testid=dependency-graph]'),
      wait: box('[data-testid=wait-for-graph]'),
      scrubber: box('[data-testid=scrubber]'),
    };
  });
  expect(fit.scroll).toBeLessThanOrEqual(fit.height);
  for (const k of ['dep', 'wait', 'scrubber'] as const) {
    expect(fit[k].top, k).toBeGreaterThanOrEqual(0);
    expect(fit[k].bottom, k).toBeLessThanOrEqual(fit.height);
  }
  // The graphs keep room to show something.
  expect(fit.dep.height).toBeGreaterThan(180);
  expect(fit.wait.height).toBeGreaterThan(120);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`text contrast is at least 4.5:1 in the ${scheme} theme`, async ({ page, open }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const check = async (what: string) => {
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      expect(await page.evaluate(lowContrast, { roots: ['body'], min: 4.5 }), what).toEqual([]);
    };
    await open('#preset=P10&variant=split&step=20');
    await expect(page.getByTestId('dependency-graph')).toHaveAttribute('data-layout', 'done');
    await check('playground, P10 at step 20');
    await open('#preset=P16');
    await expect(page.getByTestId('dependency-graph')).toHaveAttribute('data-layout', 'done');
    await check('playground, P16 (finished and unstarted tasks)');
    await page.getByTestId('open-gallery').click();
    await expect(page.getByTestId('gallery')).toBeVisible();
    await check('preset gallery');
    await open('#view=build');
    await page.getByTestId('builder-preset').selectOption('P10');
    await page.locator('[data-testid=builder-node]').first().click();
    await check('Build view');
  });
}

test('a dependency graph larger than its panel at the readable zoom shows a minimap of the whole, which pans the view', async ({ page, open }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await open('#preset=P10&variant=split');
  const graph = page.getByTestId('dependency-graph');
  await expect(graph).toHaveAttribute('data-layout', 'done');
  await expect(graph).toHaveAttribute('data-partial', 'true');
  const mini = graph.locator('.dep-minimap');
  await expect(mini).toBeVisible();
  // Every module is drawn in it, coloured by kind.
  await expect(mini.locator('.react-flow__minimap-node')).toHaveCount(await graph.locator('.react-flow__node').count());
  await expect(mini.locator('.mini-livepatch')).toHaveCount(1);
  // Clicking a corner of it centres the view there (the viewport's translation changes).
  const transform = () => graph.locator('.react-flow__viewport').evaluate((v) => getComputedStyle(v).transform);
  const before = await transform();
  const box = (await mini.boundingBox())!;
  await page.mouse.click(box.x + 8, box.y + 8);
  await expect.poll(transform).not.toBe(before);
  // The fit button still shows the whole drawing, every node in view.
  await graph.locator('.react-flow__controls-fitview').click();
  for (const n of await graph.locator('.react-flow__node').all()) await expect(n).toBeInViewport();
});

test('the statechart never shrinks its text below 11px: a smaller panel scrolls to the current state', async ({ page, open }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await open('#preset=P10&variant=split-poc19');
  const panel = page.getByTestId('panel-machine');
  await panel.getByTestId('machine-subject').selectOption('livepatch:lp');
  await page.keyboard.press('End');
  const chart = panel.getByTestId('statechart');
  const sizes = await chart.evaluate((svg) => {
    const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
    return [...svg.querySelectorAll('text, tspan')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
  });
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);
  await expect(chart.locator('[data-current=true] rect')).toBeInViewport();
});
