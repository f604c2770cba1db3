/**
 * A bug inside the simulator reaches the CLI as one line and its own exit status, never a stack
 * trace with status 1 that reads like a usage problem (issue 8).
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../engine/run', async (orig) => ({
  ...(await orig<typeof import('../engine/run')>()),
  run: () => {
    throw new Error('internal: planted failure');
  },
}));

const { runCli, EXIT_INTERNAL } = await import('./cli');

describe('klp CLI on an internal error', () => {
  it('names it as a simulator bug and exits with EX_SOFTWARE (70)', () => {
    const err: string[] = [];
    const code = runCli(['run', '--preset', 'P10'], { log: () => {}, error: (l) => err.push(l) });
    expect(code).toBe(EXIT_INTERNAL);
    expect(err).toEqual(['klp: internal error in the simulator: internal: planted failure', 'klp: this is a bug; please report it with the input (set KLP_DEBUG=1 for the stack)']);
  });

  it('KLP_DEBUG=1 shows the stack', () => {
    const err: string[] = [];
    runCli(['run', '--preset', 'P10'], { log: () => {}, error: (l) => err.push(l) }, { KLP_DEBUG: '1' });
    expect(err[1]).toMatch(/^Error: internal: planted failure\n\s+at /);
  });
});
