import { readFileSync } from 'node:fs';
// The kernel-graph service alone (the whole engine's index pulls in JSON modules Playwright cannot load).
import { hazardMap, indexGraph, parseModuleGraph } from '../../src/kernelGraph/index';
import { expect, snapshot, test } from '../support/fixtures';
import type { Page } from '@playwright/test';

const DEBIAN = parseModuleGraph(readFileSync(new URL('../../public/data/debian-6.1.0-47-cloud-amd64.modules.json', import.meta.url), 'utf8'));
const focusNode = (page: Page, name: string) => page.locator(`[data-testid=kmod-node][data-module="${name}"]`);

test('opens on the directory overview, then focuses nf_tables: closure above, users below, in the URL', async ({ page, open }) => {
  await open();
  await page.getByTestId('view-kernel').click();
  await expect(page.locator('[data-testid=kgroup][data-group="net/netfilter"]')).toContainText('134 modules');
  await page.getByTestId('kernel-search').fill('nf_tab');
  await page.getByTestId('kernel-search-hit').filter({ hasText: /^nf_tables/ }).click();
  await expect(page).toHaveURL(/view=kernel&module=nf_tables/);
  await expect(page.getByTestId('kernel-graph')).toHaveAttribute('data-module', 'nf_tables');
  await expect(focusNode(page, 'nf_tables')).toHaveAttribute('data-role', 'self');
  for (const dep of DEBIAN.modules.nf_tables.depends) await expect(focusNode(page, dep)).toHaveAttribute('data-role', 'dependency');
  await expect(focusNode(page, 'nft_ct')).toHaveAttribute('data-role', 'user');
  // Users exporting something are the imports a split livepatch of nf_tables must avoid.
  await expect(focusNode(page, 'nft_reject')).toHaveClass(/is-blocked/);
  await expect(focusNode(page, 'nft_ct')).not.toHaveClass(/is-blocked/);
  // Neighbours are links.
  await focusNode(page, 'nfnetlink').click();
  await expect(page).toHaveURL(/module=nfnetlink/);
  await expect(page.getByTestId('kernel-selected')).toHaveAttribute('data-module', 'nfnetlink');
  await page.getByTestId('kernel-overview').click();
  await expect(page.getByTestId('kernel-overview')).toBeVisible();
  await expect(page).not.toHaveURL(/module=/);
});

test("a shared link opens nf_tables' split-livepatch scenario, which runs in the playground", async ({ page, open }) => {
  await open('#view=kernel&module=nf_tables');
  await expect(focusNode(page, 'nf_tables')).toBeVisible();
  const verdicts = page.getByTestId('import-verdict');
  // By default lp__nf_tables imports what nf_tables itself imports from its dependencies: type D, safe.
  await expect(verdicts.first()).toBeVisible();
  for (const t of await verdicts.evaluateAll((els) => els.map((e) => e.getAttribute('data-type')))) expect(t).toBe('D');
  await expect(page.getByTestId('simulate-expect')).toContainText('Expect no recursion');
  await page.getByTestId('simulate-run').click();
  await expect(page).toHaveURL(/#scenario=/);
  const s = await snapshot(page);
  expect(s.variant).toBe('split');
  expect(s.outcome.kind).toBe('ok');
  await expect(page.getByTestId('panel-dmesg')).toContainText("livepatch: applying patch 'lp' to loading module 'nf_tables'");
});

test('importing its own export (type B) is shown as a recursion before running, and deadlocks when run', async ({ page, open }) => {
  await open('#view=kernel&module=nf_tables');
  await page.locator('.candidates summary').click();
  await page.getByTestId('import-filter').fill('nft_register_e');
  await page.locator('[data-testid=import-choice][data-symbol=nft_register_expr]').check();
  await expect(page.locator('[data-testid=import-verdict][data-symbol=nft_register_expr]')).toHaveAttribute('data-type', 'B');
  await expect(page.locator('.verdicts tr[data-provider=nf_tables]')).toHaveAttribute('data-hazard', 'true');
  await expect(page.getByTestId('simulate-expect')).toContainText('Expect a deadlock');
  await page.getByTestId('simulate-build').click();
  await expect(page.getByTestId('builder')).toBeVisible();
  await expect(page.locator('[data-testid=builder-node][data-name=nf_tables]')).toBeVisible();
  await page.getByTestId('builder-run').click();
  const s = await snapshot(page);
  expect(s.outcome).toMatchObject({ kind: 'deadlock', location: 'add_unformed_module', cycle: ['U1', 'H1'] });
});

test('the hazard table counts the whole kernel in a worker and a row opens its deadlock', async ({ page, open }) => {
  const expected = hazardMap(indexGraph(DEBIAN)).summary;
  await open('#view=kernel&tab=hazards');
  await expect(page.getByTestId('hazard-count')).toHaveText(String(expected.cannotImportFromUsers));
  await expect(page.getByTestId('hazard-summary')).toContainText(`of ${expected.modules} modules cannot import from any of their users`);
  await expect(page.getByTestId('hazard-rows')).toHaveAttribute('data-count', String(expected.withHazards));
  // Sort by direct users, most first: x_tables leads (every xt_ and ipt_ module imports from it).
  await page.getByTestId('sort-usedBy').click();
  await expect(page.getByTestId('hazard-row').first()).toHaveAttribute('data-module', 'x_tables');
  await page.getByTestId('hazard-filter').fill('nfnetlink');
  const row = page.locator('[data-testid=hazard-row][data-module=nfnetlink]');
  await row.getByTestId('hazard-open').click();
  const s = await snapshot(page);
  expect(s.outcome).toMatchObject({ kind: 'deadlock', location: 'add_unformed_module' });
});

test('a bad graph file is refused with the field and the reason; a good one opens', async ({ page, open }) => {
  await open('#view=kernel');
  const input = page.getByTestId('graph-file-input');
  await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"modules": {') });
  await expect(page.getByTestId('graph-file-error')).toContainText('broken.json: not JSON');
  const bad = { kernel: 'mine', modules: { a: { path: 'kernel/x/a.ko', depends: ['b'], exports: [], imports: {} } } };
  // Dropped on the view, as from a file manager.
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'bad.json', { type: 'application/json' }));
    const zone = document.querySelector('[data-testid=kernel-drop]')!;
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, JSON.stringify(bad));
  await expect(page.getByTestId('graph-file-error')).toContainText("bad.json: modules.a.depends[0]: 'b' is not a module of this graph");
  // The shipped kernel stays on screen.
  await expect(page.locator('[data-testid=kgroup][data-group="net/netfilter"]')).toBeVisible();
  const good = { kernel: 'mine-1.0', modules: { a: { path: 'kernel/lib/a.ko', depends: [], exports: ['a_fn'], imports: {} }, b: { path: 'kernel/lib/b.ko', depends: ['a'], exports: [], imports: { a: ['a_fn'] } } } };
  await input.setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
  await expect(page.getByTestId('graph-file-error')).toHaveCount(0);
  await expect(page.getByTestId('kernel-choice')).toHaveValue('file');
  await expect(page.locator('[data-testid=kgroup][data-group=lib]')).toContainText('2 modules');
  await page.getByTestId('kernel-search').fill('a');
  await page.getByTestId('kernel-search').press('Enter');
  await expect(focusNode(page, 'b')).toHaveAttribute('data-role', 'user');
});
