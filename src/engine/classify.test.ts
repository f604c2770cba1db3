/**
 * The verdict on a finished run (engine/run.ts classify): what counts as stuck, and where.
 */
import { describe, expect, it } from 'vitest';
import { runIn, scn } from '../test/helpers';
import { cycleLocation, type WaitEdge } from '../sim/waitFor';

describe('classify()', () => {
  it('a kernel thread still asleep when the users are done is housekeeping, not a deadlock', () => {
    // test_klp_callbacks_busy.c with block_transition=Y: its work item loops in msleep(20) in
    // busymod_work_func() for as long as the parameter is set, on a kworker.
    const t = runIn(
      'upstream',
      scn({
        modules: [{ name: 'busy', model: 'test_klp_callbacks_busy', params: { block_transition: { type: 'bool', default: 'N' } } }],
        tasks: [{ commands: ['modprobe busy block_transition=Y'] }],
      }),
    );
    const worker = t.final.tasks.find((x) => x.kind === 'kthread')!;
    expect(worker.status).toBe('blocked');
    expect(t.outcome.kind).toBe('ok');
  });

  it('a module whose init loads itself deadlocks at location (i), no livepatch needed', () => {
    // M's init waits in request_module() for a helper whose modprobe M waits for M to be LIVE.
    const t = runIn('upstream', scn({ modules: [{ name: 'M', init: [{ request_module: 'M' }] }], tasks: [{ commands: ['modprobe M'] }] }));
    expect(t.outcome.kind).toBe('deadlock');
    expect(t.outcome).toMatchObject({ location: 'add_unformed_module', seedLocation: 'i', cycle: ['U1', 'H1'] });
  });
});

describe('cycleLocation(): where a cycle is stuck', () => {
  const e = (wid: WaitEdge['wid'], fn: string, timed = false): WaitEdge => ({ from: 1, to: 2, fn, wid, timed, what: '', since: 0 });

  it('a cycle through both seed locations is named by location (i), whatever its order', () => {
    const both = [e('W2', 'resolve_symbol_wait', true), e('W3', 'call_usermodehelper_exec'), e('W1', 'add_unformed_module')];
    expect(cycleLocation(both)).toEqual({ fn: 'add_unformed_module', seed: 'i' });
    expect(cycleLocation([...both].reverse())).toEqual({ fn: 'add_unformed_module', seed: 'i' });
  });
});
