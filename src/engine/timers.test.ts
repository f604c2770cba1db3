/**
 * Logical time (engine/step.ts): when no task can run, time jumps to the earliest timer (a sleep,
 * a task's start, a timed wait), the sleepers due then wake, and a timed cycle is noted once as a
 * stall.
 */
import { describe, expect, it } from 'vitest';
import { getPreset } from '../presets/index';
import { makeEnv } from './run';
import { initialWorld } from './world';
import { newCtx } from './ctx';
import { step } from './step';
import { perTest, runIn, scn, taskOf } from '../test/helpers';
import type { TraceStep } from '../model/trace';

/** U1 sleeps 2 s, U2 sleeps 5 s, U3 starts at 3 s: three timers, due in that order. */
const timers = perTest(() =>
  runIn(
    'upstream',
    scn({
      tasks: [
        { id: 'U1', commands: ['sleep 2', 'log U1 woke'] },
        { id: 'U2', commands: ['sleep 5', 'log U2 woke'] },
        { id: 'U3', start: 3, commands: ['log U3 started'] },
      ],
    }),
    { maxSteps: 200 },
  ),
);

describe('time passes when every task sleeps', () => {
  it('it jumps from timer to timer, earliest first, and the step says from when to when', () => {
    const times = timers().steps.filter((s) => s.kind === 'time');
    expect(times.map((s) => [s.t, s.label, s.text])).toEqual([
      [2000, 'scheduler', 'time passes: 0.000 s -> 2.000 s'],
      [3000, 'scheduler', 'time passes: 2.000 s -> 3.000 s'],
      [5000, 'scheduler', 'time passes: 3.000 s -> 5.000 s'],
    ]);
  });

  it('only the sleepers whose timer expired wake: each task goes on at its own time', () => {
    const t = timers();
    // hrtimer_nanosleep(): each task sleeps until its own expiry, then runs its next command.
    expect(t.final.dmesg.map((l) => [l.text, l.time])).toEqual([
      ['U1 woke', 2000],
      ['U3 started', 3000],
      ['U2 woke', 5000],
    ]);
    const firstAfter = (i: number) => t.steps[i + 1].label;
    const times = t.steps.filter((s) => s.kind === 'time');
    expect(times.map((s) => firstAfter(s.i))).toEqual(['U1', 'U3', 'U2']);
  });

  it('a sleeper woken by its timeout resumes knowing it timed out; one woken early does not', () => {
    // wait_event_timeout() returns 0 when the time ran out: resolve_symbol_wait() gives up then.
    // P10 in a kernel without 19/23: H1 waits 30 s for lp, which its own request_module holds.
    const env = makeEnv(getPreset('P10')!.scenario, { variant: 'split-break-only', maxSteps: 200 });
    const w = initialWorld(env);
    const k = newCtx(env);
    let r: TraceStep | null = null;
    for (let i = 0; i < 200 && r?.kind !== 'time'; i++) r = step(w, env, k);
    expect(r?.text).toBe('time passes: 0.000 s -> 30.000 s');
    const h1 = taskOf(w, 'H1');
    expect(h1.status).toBe('runnable');
    expect(w.runq).toEqual([h1.pid]);
    expect(h1.frames[h1.frames.length - 1]).toMatchObject({ fn: 'resolve_symbol_wait', pc: 'check' });
    expect(h1.frames[h1.frames.length - 1].l.timedOut).toBe(true);
    // U1 (in request_module(), waiting for H1) has no timeout: it sleeps on, no flag.
    const u1 = taskOf(w, 'U1');
    expect(u1.status).toBe('blocked');
    expect(u1.frames[u1.frames.length - 1].l.timedOut).toBeUndefined();
  });
});

describe('stalls', () => {
  it('a timed cycle is noted as a stall once, at the first time step that finds it, however long it lasts', () => {
    // P10 without 19/23 (U1 -> H1 until resolve_symbol_wait() times out after 30 s), plus a task
    // sleeping 5 s: time passes twice while the cycle stands.
    const s = structuredClone(getPreset('P10')!.scenario);
    s.tasks.push({ id: 'S', commands: ['sleep 5'] });
    const t = runIn('split-break-only', s, { maxSteps: 400 });
    const times = t.steps.filter((x) => x.kind === 'time');
    expect(times.map((x) => [x.text, x.marks ?? []])).toEqual([
      ['time passes: 0.000 s -> 5.000 s', ['stall']],
      ['time passes: 5.000 s -> 30.000 s', []],
    ]);
    const [u1, h1] = [taskOf(t, 'U1').pid, taskOf(t, 'H1').pid];
    expect(t.final.stalls).toEqual([{ step: times[0].i, cycle: [u1, h1], location: 'resolve_symbol_wait' }]);
    expect(t.outcome).toMatchObject({ kind: 'stall', location: 'resolve_symbol_wait', seedLocation: 'ii' });
  });
  it('a later cycle of other tasks is a stall of its own', () => {
    // P10 without 19/23, then U2 at 40 s loads lp again: its helper H2 stalls it the same way.
    const s = structuredClone(getPreset('P10')!.scenario);
    s.tasks.push({ id: 'U2', start: 40, commands: ['modprobe lp'] });
    const t = runIn('split-break-only', s, { maxSteps: 600 });
    const stalled = t.steps.filter((x) => x.marks?.includes('stall'));
    expect(stalled.map((x) => x.text)).toEqual(['time passes: 0.000 s -> 30.000 s', 'time passes: 40.000 s -> 70.000 s']);
    const pid = (label: string) => taskOf(t, label).pid;
    expect(t.final.stalls).toEqual([
      { step: stalled[0].i, cycle: [pid('U1'), pid('H1')], location: 'resolve_symbol_wait' },
      { step: stalled[1].i, cycle: [pid('U2'), pid('H2')], location: 'resolve_symbol_wait' },
    ]);
    // The verdict names the first.
    expect(t.outcome.summary).toBe('stall in resolve_symbol_wait() (location ii): U1 -> H1 until a timeout broke it');
  });
});
