import { expect, snapshot, test } from '../support/fixtures';

/** Simulator-only names that must never reach the step line. */
const SIMULATOR = /mutex_lock_klp|sh_one|sh_builtin|mod_init|mod_exit|busy_in|_split\b|\b[a-z]+[A-Z][A-Za-z]*\(|\(\): slot\b/;

test('the step line speaks kernel: kernel function names, plain words, a bool as a bool', async ({ page, open }) => {
  // Every step of situation 2 fixed by 19/23, and the start of P16 (a task busy in a function).
  for (const [hash, count] of [['#preset=P10&variant=split-poc19&step=0', Infinity], ['#preset=P16&variant=split&step=0', 12]] as const) {
    await open(hash);
    const stepCount = Math.min(count, (await snapshot(page)).stepCount);
    const info = page.getByTestId('step-info');
    const seen: string[] = [];
    for (let i = 0; i < stepCount; i++) {
      const text = (await info.textContent()) ?? '';
      seen.push(text);
      expect(text, `step ${i} of ${hash}`).not.toMatch(SIMULATOR);
      await page.keyboard.press('ArrowRight');
    }
    if (hash.includes('P10')) {
      // 19/23's klp_break_recursion() is a bool function: it reads true or false, not 1 or 0.
      expect(seen.join('\n')).toMatch(/klp_break_recursion\(\) = true/);
      expect(seen.join('\n')).toMatch(/mutex_lock\(/);
    }
  }
});
