/**
 * Issue 8: nothing a user types, links or loads crashes the page, hangs it or loses work. Each
 * link that once crashed the engine, a failure of the simulator itself, corrupt autosaves and an
 * oversized scenario: the page says what is wrong, keeps the input, and stays alive.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, openUnchecked, snapshot, test } from '../support/fixtures';
import { chainScenario } from '../perf/chainScenario';

const REGRESSIONS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'fuzz', 'regressions');
const SAVE_KEY = 'klp-playground:builder';
const BACKUP_KEY = 'klp-playground:builder:unreadable';

const link = (scenario: unknown, variant = 'split') => `#scenario=${Buffer.from(JSON.stringify(scenario)).toString('base64url')}&variant=${variant}`;

/** Loads the page afresh at `hash` (a hash change alone would not reload it). */
async function visit(page: Page, hash: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`/${hash}`);
  await expect(page.getByRole('heading', { name: 'klp-playground' })).toBeVisible();
}

/** The page still answers: the header's view switch works and the playground comes back. */
async function stillAlive(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'klp-playground' })).toBeVisible();
  await page.goto('/#preset=P10&variant=split');
  await expect(page.getByTestId('outcome')).toHaveAttribute('data-kind', 'deadlock');
}

const cases = readdirSync(REGRESSIONS)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ name: f.replace(/\.json$/, ''), ...(JSON.parse(readFileSync(join(REGRESSIONS, f), 'utf8')) as { variant: string; input: { title: string }; expect: { rejected?: string; outcome?: string } }) }));

test('every link that once crashed the engine now runs to a verdict or is rejected with its field named', async ({ page, open }) => {
  test.setTimeout(120_000);
  await open();
  for (const c of cases) {
    await visit(page, link(c.input, c.variant));
    if (c.expect.rejected) {
      const alert = page.getByTestId('url-error');
      await expect(alert, c.name).toContainText(`${c.expect.rejected}:`);
      // The link's scenario is kept, ready for the Build view.
      await alert.getByTestId('show-link-input').click();
      await expect(alert.getByTestId('kept-input'), c.name).toContainText(`"title": "${c.input.title}"`);
    } else {
      await expect(page.getByTestId('outcome'), c.name).toHaveAttribute('data-kind', c.expect.outcome!);
      expect((await snapshot(page)).variant).toBe(c.variant);
    }
  }
  await stillAlive(page);
});

test('a scenario the simulator fails on shows the error and the input, opens in Build, and the page lives on', async ({ page, open }) => {
  await open('#preset=P10&variant=split');
  const broken = { type: 'klp-playground/scenario', version: 1, title: 'broken on purpose', modules: [{ name: 'M7', model: 'no_such_model' }], livepatches: [], tasks: [{ commands: ['modprobe M7'] }] };
  await openUnchecked(page, broken);
  const panel = page.getByTestId('run-error');
  await expect(panel).toContainText('The simulator could not run this scenario');
  await expect(panel.getByTestId('run-error-message')).toContainText("modules[0].model: no modelled module 'no_such_model'");
  await expect(panel.getByTestId('kept-input')).toContainText('"title": "broken on purpose"');
  // Another kernel tries again (and fails the same way), without taking the page down.
  await page.getByTestId('variant-upstream').check();
  await expect(panel.getByTestId('run-error-message')).toBeVisible();
  const download = page.waitForEvent('download');
  await panel.getByTestId('download-input').click();
  expect((await download).suggestedFilename()).toBe('scenario.json');
  await panel.getByTestId('open-in-build').click();
  await expect(page.getByTestId('builder')).toBeVisible();
  await expect(page.locator('[data-testid=builder-node][data-name="M7"]')).toBeVisible();
  await stillAlive(page);
});

test('a hash change to a rejected scenario says so at once instead of keeping the old one silently', async ({ page, open }) => {
  await open('#preset=P10&variant=split');
  await page.evaluate((h) => (window.location.hash = h), link({ type: 'klp-playground/scenario', version: 1, title: 'typo', modules: [{ name: 'M', exprots: [] }], livepatches: [], tasks: [] }));
  await expect(page.getByTestId('url-error')).toContainText("modules[0].exprots: unknown field (did you mean 'exports'?)");
});

test('link problems show in every view, duplicate parameters included', async ({ page, open }) => {
  await open('#view=build&variant=nope&variant=split');
  await expect(page.getByTestId('builder')).toBeVisible();
  const alert = page.getByTestId('url-error');
  await expect(alert).toContainText('URL parameter "variant" is given 2 times; the first one is used.');
  await expect(alert).toContainText('unknown kernel variant "nope"');
  await visit(page, '#view=kernel&step=x');
  await expect(page.getByTestId('url-error')).toContainText('"step"');
});

test('an unreadable autosave is explained, kept and downloadable; setting it aside starts empty without losing it', async ({ page, open }) => {
  await open();
  await page.evaluate((k) => localStorage.setItem(k, '{"v":1,"scenario":{"modules":[{"name":"M1"'), SAVE_KEY);
  await visit(page, '#view=build');
  const panel = page.getByTestId('builder-recovery');
  await expect(panel.getByTestId('recovery-problem')).toContainText('it is not JSON');
  // Nothing overwrites it meanwhile: the save is where it was, and a copy is kept.
  await page.waitForTimeout(600);
  expect(await page.evaluate(([a, b]) => [localStorage.getItem(a), localStorage.getItem(b)], [SAVE_KEY, BACKUP_KEY])).toEqual([
    '{"v":1,"scenario":{"modules":[{"name":"M1"',
    '{"v":1,"scenario":{"modules":[{"name":"M1"',
  ]);
  const download = page.waitForEvent('download');
  await panel.getByTestId('recovery-download').click();
  expect((await download).suggestedFilename()).toBe('klp-playground-builder-save.json');
  await panel.getByTestId('recovery-set-aside').click();
  await expect(page.getByTestId('builder')).toBeVisible();
  await page.getByTestId('add-module').click();
  await expect(page.locator('[data-testid=builder-node][data-name="M1"]')).toBeVisible();
  await page.waitForTimeout(600);
  expect(await page.evaluate((b) => localStorage.getItem(b), BACKUP_KEY)).toBe('{"v":1,"scenario":{"modules":[{"name":"M1"');
});

test('a readable autosave with wrong types no longer blanks the page: the repair keeps what it can', async ({ page, open }) => {
  await open();
  const save = {
    v: 1,
    scenario: { type: 'klp-playground/scenario', version: 1, title: 'mine', modules: [{ name: 'M1', exports: 5 }, { name: 'M2' }], livepatches: [{ name: 'lp1', objects: [] }], tasks: [{ id: 'U1', commands: ['modprobe M2', 3] }] },
    positions: {},
  };
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [SAVE_KEY, JSON.stringify(save)]);
  await visit(page, '#view=build');
  const panel = page.getByTestId('builder-recovery');
  await expect(panel.getByTestId('recovery-problem')).toHaveText('scenario.modules[0].exports: must be a list of strings');
  await expect(panel.getByTestId('repair-changes')).toContainText('livepatches[0]: the vmlinux object added');
  await panel.getByTestId('recovery-repair').click();
  for (const name of ['M1', 'M2', 'lp1', 'U1']) await expect(page.locator(`[data-testid=builder-node][data-name="${name}"]`)).toBeVisible();
  await stillAlive(page);
});

test('an oversized scenario stops early with a message; one past the size bounds is refused naming the list', async ({ page, open }) => {
  test.setTimeout(120_000);
  await open();
  // 5000 modules loaded by 50 tasks at once: more steps than the simulator takes.
  const big = chainScenario(5000) as { tasks: { commands: string[] }[] };
  big.tasks = Array.from({ length: 50 }, (_, t) => ({ commands: [`modprobe m${4999 - t}`] }));
  await visit(page, link(big, 'upstream'));
  const outcome = page.getByTestId('outcome');
  await expect(outcome).toHaveAttribute('data-kind', 'limit', { timeout: 60_000 });
  await expect(outcome).toContainText("stopped after 50000 steps without finishing: the simulator's step limit");
  const tooBig = chainScenario(5001);
  await visit(page, link(tooBig, 'upstream'));
  await expect(page.getByTestId('url-error')).toContainText('modules: has 5001 entries; the simulator takes at most 5000');
  await stillAlive(page);
});
