import { expect, test } from '../support/fixtures';

type Box = { x: number; y: number; width: number; height: number; name: string };

const overlap = (a: Box, b: Box) => a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;

// The seed's situations in every kernel that changes their graph: no label or node may cover another.
for (const hash of ['#preset=P10&variant=split', '#preset=P10&variant=upstream', '#preset=P08&variant=split', '#preset=P13&variant=split', '#preset=P13&variant=upstream']) {
  test(`dependency graph labels and nodes do not overlap (${hash})`, async ({ page, open }) => {
    await open(hash);
    await expect(page.getByTestId('dependency-graph')).toHaveAttribute('data-layout', 'done');
    await expect(page.getByTestId('dep-edge-label').first()).toBeVisible();
    const boxes = await page.locator('[data-testid=module-node], [data-testid=dep-edge-label]').evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height, name: e.getAttribute('data-module') ?? e.textContent ?? '' };
      }),
    );
    expect(boxes.length).toBeGreaterThan(3);
    const clashes: string[] = [];
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlap(boxes[i], boxes[j])) clashes.push(`${boxes[i].name} / ${boxes[j].name}`);
    expect(clashes).toEqual([]);
  });
}
