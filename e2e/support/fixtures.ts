/**
 * fixtures.ts - a `playground` fixture: opens the app at a hash and gives typed, read-only access
 * to window.__playground; every test also fails on uncaught page errors.
 */
import { test as base, expect, type Page } from '@playwright/test';

/** Mirror of app/testing/exposePlaygroundApi.ts, kept structural so e2e does not compile app/. */
export interface ApiSnapshot {
  presetId: string | null;
  variant: string;
  schedule: string[];
  granularity: string;
  compareVariant: string | null;
  step: number;
  stepCount: number;
  playing: boolean;
  outcome: { kind: string; location?: string; seedLocation?: string; cycle?: string[]; summary: string; step: number };
  fingerprint: string;
  divergence: { step: number; reason: string } | null;
}

/** The live object: the snapshot's two computed fields are methods there. */
type PlaygroundWindow = Window & {
  __playground?: Omit<ApiSnapshot, 'fingerprint' | 'divergence'> & {
    fingerprint(): string;
    divergence(): ApiSnapshot['divergence'];
    openUnchecked(input: unknown): void;
  };
};

export async function snapshot(page: Page): Promise<ApiSnapshot> {
  await page.waitForFunction(() => !!(window as PlaygroundWindow).__playground);
  return page.evaluate(() => {
    const p = (window as PlaygroundWindow).__playground!;
    return {
      presetId: p.presetId,
      variant: p.variant,
      schedule: p.schedule,
      granularity: p.granularity,
      compareVariant: p.compareVariant,
      step: p.step,
      stepCount: p.stepCount,
      playing: p.playing,
      outcome: p.outcome,
      fingerprint: p.fingerprint(),
      divergence: p.divergence(),
    };
  });
}

/** Hands the page an input without its validation in front (see exposePlaygroundApi). */
export async function openUnchecked(page: Page, input: unknown): Promise<void> {
  await page.evaluate((i) => (window as PlaygroundWindow).__playground!.openUnchecked(i), input);
}

export async function currentStep(page: Page): Promise<number> {
  return (await snapshot(page)).step;
}

/** app/views/tour/Tour.tsx's localStorage key: 'done' once the guided tour was dismissed. */
export const TOUR_KEY = 'klp-playground:tour';

export const test = base.extend<{ open: (hash?: string) => Promise<void>; pageErrors: string[]; tourSeen: boolean }>({
  // Tests start as a returning visitor who has dismissed the tour; the tour's own tests set this false.
  tourSeen: [true, { option: true }],
  page: async ({ page, tourSeen }, use) => {
    if (tourSeen) {
      await page.addInitScript((key) => {
        // Runs in every document, about:blank included, where storage is off limits.
        try {
          window.localStorage.setItem(key, 'done');
        } catch {
          // Not the app's page: nothing to set.
        }
      }, TOUR_KEY);
    }
    await use(page);
  },
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await use(errors);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
  open: async ({ page, pageErrors: _errors }, use) => {
    await use(async (hash = '') => {
      await page.goto(`/${hash}`);
      await expect(page.getByRole('heading', { name: 'klp-playground' })).toBeVisible();
      await page.waitForFunction(() => !!(window as PlaygroundWindow).__playground);
    });
  },
});

export { expect };
