import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';

type RGB = [number, number, number];

/** CIE76 colour difference of two sRGB colours (about 2.3 is just noticeable; >20 reads as another colour). */
function deltaE(a: RGB, b: RGB): number {
  const lab = ([r, g, b2]: RGB) => {
    const lin = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    const [R, G, B] = [lin(r), lin(g), lin(b2)];
    const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
    const x = f((0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047);
    const y = f(0.2126 * R + 0.7152 * G + 0.0722 * B);
    const z = f((0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883);
    return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
  };
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

async function legendColours(page: Page): Promise<{ kind: string; label: string; rgb: RGB }[]> {
  return page.getByRole('list', { name: 'Marker colours' }).locator('li').evaluateAll((lis) =>
    lis.map((li) => {
      const c = getComputedStyle(li.querySelector('i')!).backgroundColor.match(/\d+/g)!.map(Number);
      return { kind: li.getAttribute('data-kind') ?? '', label: li.textContent!.trim(), rgb: [c[0], c[1], c[2]] as RGB };
    }),
  );
}

test('marker colours are told apart from each other and from the lane colours, in both themes', async ({ page, open }) => {
  await open('#preset=P10&variant=split-poc19');
  for (const theme of ['light', 'dark']) {
    if ((await page.locator('html').getAttribute('data-theme')) !== theme) await page.getByTestId('theme-toggle').click();
    const colours = await legendColours(page);
    expect(colours.length).toBeGreaterThanOrEqual(8);
    const clashes: string[] = [];
    for (let i = 0; i < colours.length; i++)
      for (let j = i + 1; j < colours.length; j++) {
        const d = deltaE(colours[i].rgb, colours[j].rgb);
        if (d < 20) clashes.push(`${theme}: "${colours[i].label}" and "${colours[j].label}" (ΔE ${d.toFixed(1)})`);
      }
    expect(clashes).toEqual([]);
  }
});

test('hovering a marker tells what happens there; the legend explains each colour', async ({ page, open }) => {
  await open('#preset=P10&variant=split-poc19&step=0');
  // Walk the markers with ] to the one where 19/23 acts, then hover the strip at the cursor.
  for (let i = 0; i < 20; i++) {
    if (((await page.getByTestId('step-info').textContent()) ?? '').includes('klp_break_recursion() = true')) break;
    await page.keyboard.press(']');
  }
  const cursor = (await page.getByTestId('cursor').first().boundingBox())!;
  const strip = (await page.getByTestId('lanes-hit').boundingBox())!;
  await page.mouse.move(cursor.x + cursor.width / 2, strip.y + strip.height / 2);
  const tip = page.getByTestId('marker-tip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('19/23 breaks the recursion');
  await expect(tip).toContainText('H1');
  await page.mouse.move(strip.x + strip.width / 2, strip.y - 40);
  await expect(tip).toHaveCount(0);
  await expect(page.getByTestId('marker-legend').locator('li[data-kind=klp_break_recursion]')).toHaveAttribute('title', /klp_break_recursion\(\) returns true/);
});
