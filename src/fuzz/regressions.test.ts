/**
 * Every input that ever broke the rule of check.ts (issue 8's findings, and whatever `npm run
 * fuzz` or the property tests found since) is kept in regressions/ and checked here: it is
 * rejected at the field it names, or it runs to the outcome it names.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkInput } from './check';
import type { VariantId } from '../model/variant';

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'regressions');

interface Regression {
  note: string;
  variant: VariantId;
  schedule: string[];
  expect: { rejected?: string; outcome?: string; steps_at_most?: number };
  input: unknown;
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

describe('fuzz regressions: each input once found breaking the rule', () => {
  it('there are regression cases', () => expect(files.length).toBeGreaterThan(10));

  for (const f of files) {
    const r = JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Regression;
    it(`${f.replace(/\.json$/, '')}: ${r.note}`, () => {
      const v = checkInput(r.input, { variant: r.variant, schedule: r.schedule, probe: 7 });
      if (v.kind === 'failed') throw new Error(v.why);
      if (r.expect.rejected !== undefined) {
        expect(v.kind).toBe('rejected');
        if (v.kind === 'rejected') expect(v.path).toBe(r.expect.rejected);
      }
      if (r.expect.outcome !== undefined) {
        expect(v.kind === 'ran' ? v.outcome : v).toBe(r.expect.outcome);
      }
      if (r.expect.steps_at_most !== undefined && v.kind === 'ran') expect(v.steps).toBeLessThanOrEqual(r.expect.steps_at_most);
    });
  }
});
