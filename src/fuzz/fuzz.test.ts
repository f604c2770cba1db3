/**
 * Property tests (issue 8): generated scenarios with hostile names, duplicate and cyclic symbols,
 * and commands that kill tasks, force modules out and write sysfs files. Each either is rejected
 * naming its field or runs to a classified outcome within the step limit and replays at any step.
 * Bounded to a few seconds; `npm run fuzz` runs the same generators for as long as asked. A
 * counterexample found here goes into regressions/ (see regressions.test.ts).
 */
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { caseArb, mistakeArb, variantArb } from './arbitraries';
import { checkInput } from './check';

/** Small enough that the whole file takes a few seconds, large enough to reach deep states. */
const MAX_STEPS = 20_000;

describe('property: what validates runs to a verdict; what does not is rejected at its field', () => {
  it('generated scenarios never break the engine', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const v = checkInput(c.scenario, { variant: c.variant, schedule: c.schedule, maxSteps: MAX_STEPS, probe: c.probe });
        if (v.kind === 'failed') throw new Error(v.why);
      }),
      { numRuns: 300 },
    );
  });

  it('a planted mistake (misspelled field, wrong type, unknown model) is rejected, never run', () => {
    fc.assert(
      fc.property(mistakeArb, variantArb, (m, variant) => {
        const v = checkInput(m.input, { variant, maxSteps: MAX_STEPS });
        if (v.kind === 'failed') throw new Error(v.why);
        if (v.kind === 'ran') throw new Error(`the mistake at ${m.path.join('.')} was accepted`);
      }),
      { numRuns: 200 },
    );
  });
});
