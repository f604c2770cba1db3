import { expect, test } from '../support/fixtures';
import type { Page } from '@playwright/test';

const node = (page: Page, name: string) => page.locator(`[data-testid=builder-node][data-name="${name}"]`);
const savedScenario = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('klp-playground:builder') ?? 'null')?.scenario ?? null);
const inspector = (page: Page) => page.getByTestId('builder-inspector');

test('the inspector edits the kernel config, parameters, models, klp_state, exit steps, start times and command order, with the engine’s messages', async ({ page, open }) => {
  await open('#view=build');
  // Nothing selected: the scenario's own settings.
  const settings = page.getByTestId('kernel-settings');
  await settings.getByTestId('insp-ftrace').uncheck();
  await settings.getByTestId('insp-dyndbg').uncheck();
  await settings.getByTestId('insp-modprobe').fill('');
  await settings.getByTestId('insp-description').fill('every field');

  // A module with a modelled behaviour, a parameter and an exit step.
  await page.getByTestId('add-module').click();
  await expect(node(page, 'M1')).toBeVisible();
  await inspector(page).getByTestId('insp-model').selectOption('test_klp_mod_target');
  await inspector(page).getByTestId('param-new').fill('verbose');
  await inspector(page).getByTestId('param-add').click();
  await inspector(page).locator('[data-testid=insp-param][data-param=verbose]').getByTestId('param-default').fill('5');
  await inspector(page).getByTestId('param-new').fill('9bad');
  await expect(inspector(page).getByText('not a C identifier')).toBeVisible();
  await inspector(page).getByTestId('param-new').fill('');
  await inspector(page).getByTestId('add-exit-step-print').click();

  // A livepatch with a klp_state: a bad id gets the engine's message with its path, never a crash.
  await page.getByTestId('add-livepatch').click();
  await expect(node(page, 'lp1')).toBeVisible();
  await inspector(page).getByTestId('insp-model').selectOption('test_klp_state');
  await inspector(page).getByTestId('state-add').click();
  const id = inspector(page).getByTestId('state-id');
  await id.fill('-1');
  const problem = inspector(page).getByTestId('field-problem');
  await expect(problem).toHaveAttribute('data-path', 'livepatches[0].states[0].id');
  await expect(problem).toContainText('must be a non-negative integer');
  await id.fill('abc');
  await expect(inspector(page).getByText('a whole number')).toBeVisible();
  await id.fill('3');
  await expect(problem).toBeHidden();
  await inspector(page).getByTestId('state-version').fill('2');

  // A task: a bad start time is named by the engine, commands move up and down.
  await page.getByTestId('add-task').click();
  await page.locator('[data-testid=quick-cmd][data-cmd="modprobe M1"]').click();
  await page.locator('[data-testid=quick-cmd][data-cmd="modprobe lp1"]').click();
  await page.getByTestId('insp-start').fill('-2');
  await expect(inspector(page).getByTestId('field-problem')).toHaveAttribute('data-path', 'tasks[0].start');
  await expect(inspector(page).getByTestId('field-problem')).toContainText('must be 0..3600 seconds');
  await page.getByTestId('insp-start').fill('1.5');
  await expect(inspector(page).getByTestId('field-problem')).toBeHidden();
  await inspector(page).getByTestId('cmd-up').nth(1).click();
  await expect(page.getByTestId('cmd-input').nth(0)).toHaveValue('modprobe lp1');
  await expect(page.getByTestId('cmd-input').nth(1)).toHaveValue('modprobe M1');
  await expect(page.getByTestId('builder-validation')).toHaveAttribute('data-valid', 'true');

  await expect
    .poll(() => savedScenario(page))
    .toMatchObject({
      description: 'every field',
      kernel: { modprobePath: '', ftraceEnabled: false, dyndbg: false },
      modules: [{ name: 'M1', model: 'test_klp_mod_target', params: { verbose: { type: 'int', default: '5' } }, exit: [{ print: 'M1_exit' }, { print: 'M1_exit' }] }],
      livepatches: [{ name: 'lp1', model: 'test_klp_state', states: [{ id: 3, version: 2 }] }],
      tasks: [{ start: 1.5, commands: ['modprobe lp1', 'modprobe M1'] }],
    });
  // Undo takes back the reorder.
  await page.getByTestId('builder-undo').click();
  await expect(page.getByTestId('cmd-input').nth(0)).toHaveValue('modprobe M1');
});

test('a command is reordered by dragging its handle onto another, and undo takes it back', async ({ page, open }) => {
  await open('#view=build');
  await page.getByTestId('add-module').click();
  await page.getByTestId('add-task').click();
  for (const c of ['modprobe M1', 'rmmod M1', 'insmod M1.ko']) await page.locator(`[data-testid=quick-cmd][data-cmd="${c}"]`).click();
  const values = () => page.getByTestId('cmd-input').evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value));
  await expect.poll(values).toEqual(['modprobe M1', 'rmmod M1', 'insmod M1.ko']);
  // The last command, dropped on the first: it goes first, the others move down.
  await page.getByTestId('cmd-drag').nth(2).dragTo(page.getByTestId('cmd-item').nth(0));
  await expect.poll(values).toEqual(['insmod M1.ko', 'modprobe M1', 'rmmod M1']);
  await expect.poll(() => savedScenario(page)).toMatchObject({ tasks: [{ commands: ['insmod M1.ko', 'modprobe M1', 'rmmod M1'] }] });
  await page.getByTestId('builder-undo').click();
  await expect.poll(values).toEqual(['modprobe M1', 'rmmod M1', 'insmod M1.ko']);
});
