import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { expect, snapshot, test } from '../support/fixtures';

async function save(page: Page, testId: string): Promise<{ name: string; data: Buffer }> {
  const menu = page.getByTestId('export-menu');
  if (!(await menu.isVisible())) await page.getByTestId('export-button').click();
  const [download] = await Promise.all([page.waitForEvent('download') as Promise<Download>, menu.getByTestId(testId).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), data: await readFile(path!) };
}

test.describe('export', () => {
  test('dmesg and user space up to the step shown, and the trace, as files', async ({ page, open }) => {
    await open('#preset=P10&variant=split&step=40');
    await expect(page.getByTestId('dependency-graph')).toHaveAttribute('data-layout', 'done');

    const dmesg = await save(page, 'export-dmesg');
    expect(dmesg.name).toBe('P10-split-step40-dmesg.txt');
    const shown = await page.getByTestId('dmesg-line').allTextContents();
    expect(dmesg.data.toString('utf8')).toBe(shown.map((l) => `${l}\n`).join(''));
    expect(shown.length).toBeGreaterThan(0);

    const user = await save(page, 'export-userspace');
    expect(user.name).toBe('P10-split-step40-userspace.txt');
    const lines = user.data.toString('utf8').split('\n');
    expect(lines).toContain('U1 $ modprobe M');
    expect(lines).toContain('U1 $ modprobe lp');

    const trace = await save(page, 'export-trace');
    expect(trace.name).toBe('P10-split-step40-trace.json');
    const json = JSON.parse(trace.data.toString('utf8'));
    const s = await snapshot(page);
    expect(json.type).toBe('klp-playground/trace');
    expect(json.variant).toBe('split');
    expect(json.steps).toHaveLength(s.stepCount);
    expect(json.outcome.kind).toBe('deadlock');
    expect(json.scenario.tasks[0].commands).toEqual(['modprobe M', 'modprobe lp', 'lsmod']);
  });

  test('the two graphs as PNG and SVG files that open', async ({ page, open }) => {
    await open('#preset=P10&variant=split&step=70');
    await expect(page.getByTestId('dependency-graph')).toHaveAttribute('data-layout', 'done');
    for (const graph of ['dependency-graph', 'wait-for-graph']) {
      const png = await save(page, `export-${graph}-png`);
      expect(png.name).toBe(`P10-split-step70-${graph}.png`);
      expect([...png.data.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      // IHDR: the picture is as big as the panel's drawing (at twice the pixels), not empty.
      const width = png.data.readUInt32BE(16);
      const height = png.data.readUInt32BE(20);
      const box = (await page.getByTestId(graph).boundingBox())!;
      expect(width).toBe(Math.round(box.width) * 2);
      expect(height).toBe(Math.round(box.height) * 2);
      // The browser decodes it.
      const decoded = await page.evaluate(async (b64) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        return [img.naturalWidth, img.naturalHeight];
      }, png.data.toString('base64'));
      expect(decoded).toEqual([width, height]);

      const svg = await save(page, `export-${graph}-svg`);
      expect(svg.name).toBe(`P10-split-step70-${graph}.svg`);
      const parsed = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return { root: doc.documentElement.nodeName, error: doc.getElementsByTagName('parsererror').length, text: doc.documentElement.textContent ?? '' };
      }, svg.data.toString('utf8'));
      expect(parsed).toMatchObject({ root: 'svg', error: 0 });
      // What the graph shows at this step is in the picture: the task nodes, the module nodes.
      expect(parsed.text).toContain(graph === 'wait-for-graph' ? 'H1' : 'lp__M');
    }
  });

  test('Copy link copies the address of this very view and says "Copied"', async ({ page, open, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await open('#preset=P10&variant=split&step=12');
    await page.keyboard.press('ArrowRight');
    const copy = page.getByTestId('copy-link');
    await copy.click();
    await expect(copy).toHaveText('Copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/\/#preset=P10&variant=split&step=13$/);
    await expect(copy).toHaveText('Copy link');
  });
});
