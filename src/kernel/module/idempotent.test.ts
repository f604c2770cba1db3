/**
 * kernel/module/main.c (v6.6+) idempotent_init_module(): concurrent finit_module() calls of one
 * file wait for the first one's result instead of each loading it.
 */
import { describe, expect, it } from 'vitest';
import { dmesg, perTest, runIn, scn } from '../../test/helpers';
import { worldAt } from '../../engine/replay';

/** T1 loads slow.ko (its init sleeps 10 s); T2 and T3 insmod the same file at 1 s; K kills T3 at 2 s. */
function three(kill: boolean) {
  return scn({
    modules: [{ name: 'slow', init: [{ sleep: 10 }, { print: 'slow_init done' }] }],
    tasks: [
      { id: 'T1', commands: ['insmod slow.ko'] },
      { id: 'T2', start: 1, commands: ['insmod slow.ko'] },
      { id: 'T3', start: 1, commands: ['insmod slow.ko'] },
      ...(kill ? [{ id: 'K', start: 2, commands: ['kill -9 T3'] }] : []),
    ],
  });
}

const retsOf = (t: ReturnType<typeof runIn>, fn: string) =>
  t.steps.filter((s) => s.kind === 'ret' && s.fn === fn).map((s) => [s.label, s.t, /\S+\(\) = \S+$/.exec(s.text)?.[0]]);

describe('two waiters for one load (v7.1)', () => {
  const t = perTest(() => runIn('v7.1', three(false)));

  it('both sleep in idempotent_wait_for_completion() and both get the first load\'s result at 10 s', () => {
    expect(retsOf(t(), 'idempotent_wait_for_completion')).toEqual([
      ['T2', 10000, 'idempotent_wait_for_completion() = 0'],
      ['T3', 10000, 'idempotent_wait_for_completion() = 0'],
    ]);
    expect(t().steps.some((s) => s.text.includes('idempotent_complete(): 2 waiters of') && s.text.includes(' get 0'))).toBe(true);
    // The module was loaded once.
    expect(dmesg(t()).filter((l) => l === 'slow: slow_init done')).toHaveLength(1);
    expect(t().final.idem).toEqual([]);
  });
});

describe('a waiter killed while it waits (v7.1)', () => {
  const t = perTest(() => runIn('v7.1', three(true)));

  it('returns -EINTR at once and leaves the hash; the other waiter still gets 0 at 10 s', () => {
    expect(retsOf(t(), 'idempotent_wait_for_completion')).toEqual([
      ['T3', 2000, 'idempotent_wait_for_completion() = -EINTR'],
      ['T2', 10000, 'idempotent_wait_for_completion() = 0'],
    ]);
    expect(t().steps.some((s) => s.text.includes('idempotent_complete(): 1 waiter of') && s.text.includes(' gets 0'))).toBe(true);
    expect(t().final.idem).toEqual([]);
    // Right after it returns, only T1 (the loader) and T2 are left in the hash.
    const back = t().steps.find((s) => s.label === 'T3' && s.kind === 'ret' && s.fn === 'idempotent_wait_for_completion')!;
    const w = worldAt(t(), back.i);
    expect(w.idem.map((e) => w.tasks.find((x) => x.pid === e.pid)!.label)).toEqual(['T1', 'T2']);
    // The insmod dies of its SIGKILL on the way back to user space.
    expect(t().final.tasks.find((x) => x.label === 'T3')).toMatchObject({ status: 'exited', signal: 9 });
  });
});
