/**
 * run.ts - the engine's run() as the unit tests call it: with the tests' step limit
 * (TEST_MAX_STEPS) unless a test sets its own. Every scenario a test runs finishes in well under
 * it (the longest selftest case takes about 630 steps), so a change that makes a run loop -- a
 * bug, or a mutant under `npm run mutate` -- fails the test in a fraction of a second instead of
 * spinning to the engine's default limit (50,000 steps) and timing out.
 *
 * Test support only: imported by *.test.ts files, never by the engine.
 */
import { run as engineRun, type RunOptions } from '../engine/run';
import type { Scenario } from '../model/scenario';
import type { Trace } from '../model/trace';
import { TEST_MAX_STEPS } from './helpers';

export type { RunOptions };

export function run(scenario: Scenario, opts: RunOptions = {}): Trace {
  return engineRun(scenario, { maxSteps: TEST_MAX_STEPS, ...opts });
}
