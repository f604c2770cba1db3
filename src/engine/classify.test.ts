/**
 * The verdict on a finished run (engine/run.ts classify): what counts as stuck, and where.
 */
import { describe, expect, it } from 'vitest';
import { runIn, scn, taskOf } from '../test/helpers';
import { classify, makeEnv } from './run';
import { newCtx } from './ctx';
import { getPreset } from '../presets/index';
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

  it('users asleep with nobody to wake them, but no cycle, are a deadlock named by where they sleep', () => {
    // P08's end, except that H1 now waits for a module that no instance will ever satisfy: U1
    // still waits for H1, H1 for nobody. Nothing can run, so the run is over, stuck.
    const scenario = getPreset('P08')!.scenario;
    const t = runIn('split', scenario);
    const w = structuredClone(t.final);
    const h1 = taskOf(w, 'H1');
    h1.wait = { kind: 'module_wq', fn: 'add_unformed_module', name: 'nowhere', killable: true, since: 0 };
    const env = makeEnv(scenario, { variant: 'split' });
    const o = classify(w, env, newCtx(env), false);
    expect(o).toMatchObject({ kind: 'deadlock', location: 'call_usermodehelper_exec', cycle: ['U1', 'H1'] });
    expect(o.summary).toBe('U1, H1 blocked forever in call_usermodehelper_exec()');
    expect(o.seedLocation).toBeUndefined();
  });

  it('a deadlock is seen while a kernel worker still polls: the run ends there, not at the step limit', () => {
    // busy's work item sleeps in msleep(20) forever (block_transition=Y); meanwhile M's init loads
    // M, which deadlocks U1 and its helper. The worker alone would keep the run going.
    const t = runIn(
      'upstream',
      scn({
        modules: [{ name: 'busy', model: 'test_klp_callbacks_busy', params: { block_transition: { type: 'bool', default: 'N' } } }, { name: 'M', init: [{ request_module: 'M' }] }],
        tasks: [{ commands: ['modprobe busy block_transition=Y', 'modprobe M'] }],
      }),
      { maxSteps: 20_000 },
    );
    expect(t.outcome).toMatchObject({ kind: 'deadlock', location: 'add_unformed_module', seedLocation: 'i' });
    expect(t.steps.length).toBeLessThan(2_000);
    expect(t.final.tasks.some((x) => x.kind === 'kthread' && x.status !== 'exited')).toBe(true);
  });

  it('a module whose init loads itself deadlocks at location (i), no livepatch needed', () => {
    // M's init waits in request_module() for a helper whose modprobe M waits for M to be LIVE.
    const t = runIn('upstream', scn({ modules: [{ name: 'M', init: [{ request_module: 'M' }] }], tasks: [{ commands: ['modprobe M'] }] }));
    expect(t.outcome.kind).toBe('deadlock');
    expect(t.outcome).toMatchObject({ location: 'add_unformed_module', seedLocation: 'i', cycle: ['U1', 'H1'] });
  });

  it('the last step of a livelock carries the livelock mark (the timeline\'s outcome marker), even a step with no marks of its own', () => {
    const t = runIn('split', getPreset('P20')!.scenario, { maxSteps: 400 });
    expect(t.outcome.kind).toBe('livelock');
    expect(t.steps[t.steps.length - 1].marks).toEqual(['livelock']);
    expect(t.steps.filter((s) => s.marks?.includes('livelock'))).toHaveLength(1);
  });
});

describe('classify(): stalls and failed commands', () => {
  it('a stall is location (ii) only in resolve_symbol_wait(); one in __request_module() (no free kmod slot) has no seed location', () => {
    // P10 on 'split-break-only': H1 waits 30 s in resolve_symbol_wait() for lp, COMING under U1.
    const scenario = getPreset('P10')!.scenario;
    const t = runIn('split-break-only', scenario);
    expect(t.outcome).toMatchObject({ kind: 'stall', location: 'resolve_symbol_wait', seedLocation: 'ii', cycle: ['U1', 'H1'] });
    expect(t.outcome.summary).toBe('stall in resolve_symbol_wait() (location ii): U1 -> H1 until a timeout broke it');
    // The same cycle broken by __request_module()'s 5 s wait for a kmod slot instead.
    const w = structuredClone(t.final);
    w.stalls[0].location = '__request_module';
    const env = makeEnv(scenario, { variant: 'split-break-only' });
    const o = classify(w, env, newCtx(env), false);
    expect(o).toMatchObject({ kind: 'stall', location: '__request_module', cycle: ['U1', 'H1'] });
    expect(o.seedLocation).toBeUndefined();
    expect(o.summary).toBe('stall in __request_module(): U1 -> H1 until a timeout broke it');
  });

  it('a failed command is named with its task and exit status', () => {
    // P03: T2's insmod slow.ko fails with -EEXIST, slow being loaded by T1's modprobe; insmod exits 1.
    const t = runIn('upstream', getPreset('P03')!.scenario);
    expect(t.outcome).toMatchObject({ kind: 'error', summary: "'insmod slow.ko' (T2) failed with exit status 1" });
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
