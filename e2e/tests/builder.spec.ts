import { expect, snapshot, test } from '../support/fixtures';
import type { Locator, Page } from '@playwright/test';

const node = (page: Page, name: string) => page.locator(`[data-testid=builder-node][data-name="${name}"]`);

/** The canvas re-fits (animated) when items come: wait until a handle stops moving. */
async function settledBox(page: Page, l: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  let prev = await l.boundingBox();
  for (;;) {
    await page.waitForTimeout(100);
    const box = await l.boundingBox();
    if (box && prev && box.x === prev.x && box.y === prev.y) return box;
    prev = box;
  }
}

/** React Flow draws connections with pointer moves, not HTML5 drag and drop: move in steps. */
async function drawEdge(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = await settledBox(page, from);
  const b = await settledBox(page, to);
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** M1, lp1 patching M1, and U1 running `modprobe M1; modprobe lp1`, all by clicks. */
async function buildByClicks(page: Page): Promise<void> {
  await page.getByTestId('add-module').click();
  await expect(node(page, 'M1')).toBeVisible();
  await page.getByTestId('add-livepatch').click();
  await expect(node(page, 'lp1')).toBeVisible();
  // lp1 is selected: patch M1 (the click alternative to an edge from lp1's header to M1).
  await page.getByTestId('patch-select').selectOption('M1');
  await page.getByTestId('patch-add').click();
  await expect(node(page, 'lp1').locator('[data-testid=builder-object][data-object=M1]')).toBeVisible();
  await expect(page.locator('[data-testid=builder-edge][data-type=patches]')).toBeVisible();
  await page.getByTestId('add-task').click();
  await page.locator('[data-testid=quick-cmd][data-cmd="modprobe M1"]').click();
  await page.locator('[data-testid=quick-cmd][data-cmd="modprobe lp1"]').click();
  await expect(node(page, 'U1')).toContainText('modprobe M1');
  await expect(node(page, 'U1')).toContainText('modprobe lp1');
}

test('a scenario built by clicks runs in the playground', async ({ page, open }) => {
  await open('#view=build');
  await expect(page.getByTestId('builder')).toBeVisible();
  await buildByClicks(page);
  await expect(page.getByTestId('builder-validation')).toHaveAttribute('data-valid', 'true');

  await page.getByTestId('builder-run').click();
  await expect(page.getByTestId('view-playground')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'ok');
  await expect(page.getByTestId('story')).toContainText('modprobe M1; modprobe lp1');
  await expect(page.getByTestId('panel-dmesg')).toContainText("livepatch: enabling patch 'lp1'");
  expect((await snapshot(page)).presetId).toBeNull();
  await expect(page).toHaveURL(/#scenario=[\w-]+&variant=split/);
});

test('a type C edge from an object to its own patch is classified by the engine', async ({ page, open }) => {
  await open('#view=build');
  await buildByClicks(page);
  await node(page, 'lp1').click();
  const obj = page.locator('[data-testid=insp-object][data-object=M1]');
  await obj.getByTestId('uses-select').selectOption('livepatch:lp1');
  await obj.getByTestId('uses-add').click();
  await expect(page.locator('[data-testid=builder-edge][data-type=C]')).toHaveText('C: lp1_shared_cb');
  // Situation 2: the split POC deadlocks on it.
  await page.getByTestId('builder-run').click();
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'deadlock');
});

test("an invalid command shows the parser's message and disables Run", async ({ page, open }) => {
  await open('#view=build');
  await page.getByTestId('add-task').click();
  await page.getByTestId('add-command').click();
  await page.getByTestId('cmd-input').fill('insmod M1');
  await expect(page.getByTestId('cmd-error')).toHaveText("insmod: expected a file name ending in '.ko'");
  await expect(page.getByTestId('builder-validation')).toContainText("tasks[0].commands[0] insmod: expected a file name ending in '.ko'");
  await expect(page.getByTestId('builder-run')).toBeDisabled();
  await expect(node(page, 'U1')).toHaveClass(/is-invalid/);

  await page.getByTestId('cmd-input').fill('insmod M1.ko');
  await expect(page.getByTestId('cmd-error')).toHaveCount(0);
  await expect(page.getByTestId('builder-run')).toBeEnabled();
});

test('the builder document survives a reload', async ({ page, open }) => {
  await open('#view=build');
  await buildByClicks(page);
  await page.getByTestId('builder-title').fill('kept across reloads');
  // Autosave is debounced: give it its moment (pagehide would flush it anyway).
  await page.waitForTimeout(700);
  await page.reload();
  await expect(page.getByTestId('builder')).toBeVisible();
  await expect(page.getByTestId('builder-title')).toHaveValue('kept across reloads');
  await expect(node(page, 'M1')).toBeVisible();
  await expect(node(page, 'lp1').locator('[data-testid=builder-object][data-object=M1]')).toBeVisible();
  await expect(node(page, 'U1')).toContainText('modprobe lp1');
});

test('undo removes the last added item, redo brings it back', async ({ page, open }) => {
  await open('#view=build');
  await page.getByTestId('add-module').click();
  await page.getByTestId('add-module').click();
  await expect(node(page, 'M2')).toBeVisible();
  await page.getByTestId('builder-undo').click();
  await expect(node(page, 'M2')).toHaveCount(0);
  await expect(node(page, 'M1')).toBeVisible();
  await page.getByTestId('builder-redo').click();
  await expect(node(page, 'M2')).toBeVisible();
  // The keyboard does the same, outside text fields.
  await page.getByTestId('builder-canvas').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await expect(node(page, 'M2')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(node(page, 'M2')).toBeVisible();
});

test('items dragged from the palette and edges drawn between handles', async ({ page, open }) => {
  await open('#view=build');
  const canvas = page.getByTestId('builder-canvas');
  await page.getByTestId('palette-module').dragTo(canvas, { targetPosition: { x: 500, y: 200 } });
  await expect(node(page, 'M1')).toBeVisible();
  await page.getByTestId('palette-livepatch').dragTo(canvas, { targetPosition: { x: 150, y: 200 } });
  await expect(node(page, 'lp1')).toBeVisible();
  // From lp1's header handle to M1's handle: lp1 now patches M1.
  await drawEdge(page, node(page, 'lp1').locator('.react-flow__handle[data-handleid=patch]'), node(page, 'M1').locator('.react-flow__handle[data-handleid=in]'));
  await expect(node(page, 'lp1').locator('[data-testid=builder-object][data-object=M1]')).toBeVisible();
});

test('start from a preset, rename, delete, and share its link', async ({ page, open, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open('#view=build');
  await page.getByTestId('builder-preset').selectOption('P08');
  await expect(node(page, 'M')).toBeVisible();
  // The canvas re-fits (animated) as the preset's items arrive: a click during it may land beside M.
  await settledBox(page, node(page, 'M'));
  await expect(async () => {
    await node(page, 'M').click();
    await expect(page.getByTestId('insp-name')).toBeVisible({ timeout: 1000 });
  }).toPass();
  await page.getByTestId('insp-name').fill('bad-name');
  await page.getByTestId('insp-name').press('Enter');
  await expect(page.getByTestId('insp-name-error')).toContainText('letters, digits or _');
  await page.getByTestId('insp-name').fill('Mx');
  await page.getByTestId('insp-name').press('Enter');
  await expect(node(page, 'Mx')).toBeVisible();
  await expect(node(page, 'U1')).toContainText('modprobe Mx');
  await expect(node(page, 'lp').locator('[data-testid=builder-object][data-object=Mx]')).toBeVisible();

  await page.getByTestId('builder-share').click();
  const link = await page.getByTestId('builder-share-link').inputValue();
  expect(link).toMatch(/#scenario=[\w-]+&variant=split$/);
  await page.goto(link);
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'deadlock');
  await expect(page.getByTestId('story')).toContainText('modprobe Mx');

  await page.getByTestId('view-build').click();
  await node(page, 'Mx').click();
  await page.getByTestId('insp-delete').click();
  await expect(node(page, 'Mx')).toHaveCount(0);
  await expect(node(page, 'lp').locator('[data-testid=builder-object][data-object=Mx]')).toHaveCount(0);
});

test('an empty scenario is not runnable: it says what is missing instead of running to "step 0 / -1"', async ({ page, open }) => {
  await open('#view=build');
  await page.getByTestId('builder-new').click();
  const status = page.getByTestId('builder-validation');
  await expect(status).toHaveAttribute('data-valid', 'false');
  await expect(status).toContainText('tasks');
  await expect(status).toContainText('at least one command');
  await expect(page.getByTestId('builder-run')).toBeDisabled();

  // A task without a command is not enough either; one command is.
  await page.getByTestId('add-module').click();
  await page.getByTestId('add-task').click();
  await expect(status).toContainText('tasks[0].commands');
  await page.locator('[data-testid=quick-cmd][data-cmd="modprobe M1"]').click();
  await expect(status).toHaveAttribute('data-valid', 'true');
  await page.getByTestId('builder-run').click();
  await expect(page.getByTestId('step-counter')).not.toContainText('-1');
});
