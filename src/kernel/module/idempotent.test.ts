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

describe('one load, nobody waiting (v7.1)', () => {
  const t = perTest(() => runIn('v7.1', scn({ modules: [{ name: 'slow', init: [{ sleep: 10 }] }], tasks: [{ id: 'T1', commands: ['insmod slow.ko'] }] })));

  it('the first finit_module() of a file loads it; idempotent_complete() has no waiter to hand the result to', () => {
    const call = t().steps.find((s) => s.kind === 'call' && s.fn === 'init_module_from_file')!;
    expect(call.text).toContain('first finit_module() of /root/slow.ko: this task loads it');
    expect(t().steps.filter((s) => s.text.includes('idempotent_complete()'))).toEqual([]);
    expect(retsOf(t(), 'idempotent_init_module')).toEqual([['T1', 10000, 'idempotent_init_module() = 0']]);
  });
});

describe('two files in flight at once (v7.1)', () => {
  // T1 loads a.ko (init 10 s), T2 loads b.ko (init 20 s, then -ENODEV); T3 and T4 wait for them.
  const t = perTest(() =>
    runIn(
      'v7.1',
      scn({
        modules: [
          { name: 'a', init: [{ sleep: 10 }] },
          { name: 'b', init: [{ sleep: 20 }, { return: '-ENODEV' }] },
        ],
        tasks: [
          { id: 'T1', commands: ['insmod a.ko'] },
          { id: 'T2', commands: ['insmod b.ko'] },
          { id: 'T3', start: 1, commands: ['insmod a.ko'] },
          { id: 'T4', start: 1, commands: ['insmod b.ko'] },
        ],
      }),
      { maxSteps: 400 },
    ),
  );

  it("each waiter is told who loads its file, and gets that file's result when that load ends", () => {
    const waits = t().steps.filter((s) => s.kind === 'block' && s.fn === 'idempotent_wait_for_completion').map((s) => [s.label, s.text]);
    // v7.1 has no 19/23 hook to mention: the note ends with the wait.
    expect(waits).toEqual([
      ['T3', expect.stringMatching(/\/root\/a\.ko is being loaded by T1: wait for its finit_module\(\) to return$/)],
      ['T4', expect.stringMatching(/\/root\/b\.ko is being loaded by T2: wait for its finit_module\(\) to return$/)],
    ]);
    expect(retsOf(t(), 'idempotent_wait_for_completion')).toEqual([
      ['T3', 10000, 'idempotent_wait_for_completion() = 0'],
      ['T4', 20000, 'idempotent_wait_for_completion() = -ENODEV'],
    ]);
  });

  it("idempotent_complete() takes only its own file's entries out of the hash", () => {
    const done = t().steps.find((s) => s.label === 'T1' && s.kind === 'ret' && s.fn === 'idempotent_init_module')!;
    expect(done.text).toContain('idempotent_complete(): 1 waiter of /root/a.ko gets 0');
    const w = worldAt(t(), done.i);
    expect(w.idem.map((e) => [e.cookie, w.tasks.find((x) => x.pid === e.pid)!.label])).toEqual([
      ['/root/b.ko', 'T2'],
      ['/root/b.ko', 'T4'],
    ]);
  });
});

describe('a waiter killed just before the load it waits for ends (v7.1)', () => {
  // K kills T3 at 10 s, when T1's init wakes from its sleep; T1 runs first and completes the
  // waiters before T3 runs.
  const t = perTest(() =>
    runIn(
      'v7.1',
      scn({
        modules: [{ name: 'slow', init: [{ sleep: 10 }] }],
        tasks: [
          { id: 'T1', commands: ['insmod slow.ko'] },
          { id: 'T3', start: 1, commands: ['insmod slow.ko'] },
          { id: 'K', start: 10, commands: ['kill -9 T3'] },
        ],
      }),
      { schedule: ['K', 'K'], maxSteps: 300 },
    ),
  );

  it("returns u->ret, the load's result set by idempotent_complete(), not -EINTR; then dies of the signal", () => {
    // idempotent_wait_for_completion(): "the completion may still come in" between the wakeup and
    // the cleanup; u->ret is what it returns either way.
    const kill = t().steps.find((s) => s.label === 'K' && s.text.includes('signal 9 sent to T3'))!;
    const done = t().steps.find((s) => s.label === 'T1' && s.kind === 'ret' && s.fn === 'idempotent_init_module')!;
    expect(kill.i).toBeLessThan(done.i);
    expect(done.text).toContain('idempotent_complete(): 1 waiter of /root/slow.ko gets 0');
    expect(retsOf(t(), 'idempotent_wait_for_completion')).toEqual([['T3', 10000, 'idempotent_wait_for_completion() = 0']]);
    expect(t().final.tasks.find((x) => x.label === 'T3')).toMatchObject({ status: 'exited', signal: 9 });
    expect(t().final.idem).toEqual([]);
  });
});
