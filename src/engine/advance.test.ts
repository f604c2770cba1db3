/**
 * When a run ends (engine/run.ts advance() and stuckInDeadlock()): every user command done and
 * kernel work idle for the settle time, nothing left that can run, a deadlock that a polling
 * kernel thread would hide, or the step limit.
 */
import { describe, expect, it } from 'vitest';
import { advance, makeEnv, stuckInDeadlock } from './run';
import { run } from '../test/run';
import { initialWorld } from './world';
import { newCtx } from './ctx';
import { scheduleDecide } from './step';
import { worldAt } from './replay';
import { getPreset } from '../presets/index';
import { out, scn, taskOf } from '../test/helpers';
import type { Scenario } from '../model/scenario';
import type { RunOptions } from './run';

/**
 * test_klp_callbacks_busy.c with block_transition=Y: its work item loops in msleep(20) in
 * busymod_work_func() for as long as the parameter is set, on a kworker that never exits.
 */
const BUSY = { name: 'busy', model: 'test_klp_callbacks_busy', params: { block_transition: { type: 'bool' as const, default: 'N' } } };
/** A module whose init loads itself: request_module() waits for a helper whose modprobe waits for M (location (i)). */
const SELF = { name: 'M', init: [{ request_module: 'M' }] };

function advanceOf(s: Scenario, opts: RunOptions = {}): ReturnType<typeof advance> {
  const env = makeEnv(s, { variant: 'upstream', ...opts });
  return advance(initialWorld(env), env, newCtx(env), scheduleDecide(env));
}

describe('advance(): why a run stopped', () => {
  it("'end' when everything finished, when nothing can run again, and on a deadlock a polling worker hides; 'limit' at the step limit", () => {
    expect(advanceOf(getPreset('P03')!.scenario)).toBe('end');
    expect(advanceOf(scn({ modules: [SELF], tasks: [{ commands: ['modprobe M'] }] }))).toBe('end');
    expect(advanceOf(scn({ modules: [BUSY, SELF], tasks: [{ commands: ['modprobe busy block_transition=Y', 'modprobe M'] }] }), { maxSteps: 3000 })).toBe('end');
    expect(advanceOf(getPreset('P03')!.scenario, { maxSteps: 10 })).toBe('limit');
  });
});

describe('the settle time after the last user command', () => {
  it('kernel work goes on for 2 s after the last user task exits, a timer due at that very instant included', () => {
    // U1's modprobe exits at t = 0; the worker wakes from msleep(20) every 20 ms. Its wake-up at
    // exactly t = 2.000 s still runs; the next one, at 2.020 s, is past the settle time.
    const t = run(scn({ modules: [BUSY], tasks: [{ commands: ['modprobe busy block_transition=Y'] }] }), { variant: 'upstream' });
    expect(t.outcome.kind).toBe('ok');
    expect(t.final.settleUntil).toBe(2000);
    expect(t.final.time).toBe(2000);
    expect(t.steps[t.steps.length - 1].text).toBe('sleeps in msleep() until t=2.020 s');
  });
});

describe('a deadlock while a kernel worker polls', () => {
  // U1 loads busy (its worker polls forever), then M, which deadlocks U1 and its helper H1. U2
  // sleeps 10 s, then lists the modules. The worker alone would keep the run going to the limit.
  const s = scn({ modules: [BUSY, SELF], tasks: [{ commands: ['modprobe busy block_transition=Y', 'modprobe M'] }, { commands: ['sleep 10', 'lsmod'] }] });

  it('is not declared while another user task only sleeps: the run ends once U2 is done, at the next check', () => {
    const t = run(s, { variant: 'upstream', maxSteps: 3000 });
    expect(t.outcome).toMatchObject({ kind: 'deadlock', location: 'add_unformed_module', seedLocation: 'i', cycle: ['U1', 'H1'] });
    expect(taskOf(t, 'U2').status).toBe('exited');
    expect(out(t)).toEqual(['Module                  Size  Used by', 'M                      16384  1', 'busy                   16384  0']);
    // The check runs every 512 steps (DEADLOCK_CHECK_EVERY), not at every step.
    expect(t.final.time).toBeGreaterThan(10_000);
    expect(t.outcome.step % 512).toBe(0);
    // The timeline's deadlock marker goes on the last step, here one with no marks of its own (time passes).
    expect(t.steps[t.steps.length - 1]).toMatchObject({ label: 'scheduler', marks: ['deadlock'] });
    expect(t.steps.filter((x) => x.marks?.includes('deadlock'))).toHaveLength(1);
  });
});

describe('stuckInDeadlock(): every live user task in a cycle of untimed waits', () => {
  it('yes for U1 and H1 in the location (i) cycle once U2 has exited; no while U2 still sleeps', () => {
    const t = run(scn({ modules: [SELF], tasks: [{ commands: ['modprobe M'] }, { commands: ['sleep 10', 'lsmod'] }] }), { variant: 'upstream' });
    expect(taskOf(t, 'U2').status).toBe('exited');
    expect(stuckInDeadlock(t.final)).toBe(true);
    // Just before time jumps to U2's wake-up, the cycle is there but U2 sleeps (a timed wait).
    const jump = t.steps.findIndex((x) => x.text.startsWith('time passes'));
    const before = worldAt(t, jump - 1);
    expect([taskOf(before, 'U1').status, taskOf(before, 'H1').status]).toEqual(['blocked', 'blocked']);
    expect(taskOf(before, 'U2').wait?.fn).toBe('hrtimer_nanosleep');
    expect(stuckInDeadlock(before)).toBe(false);
  });

  it('no once every user task has exited', () => {
    const t = run(getPreset('P03')!.scenario, { variant: 'upstream' });
    expect(stuckInDeadlock(t.final)).toBe(false);
  });

  it('no for a cycle a timeout will break (resolve_symbol_wait(), location (ii))', () => {
    // P10 on 'split-break-only': H1 waits 30 s in resolve_symbol_wait() for lp, COMING under U1,
    // and U1 waits for H1: a stall, not a deadlock.
    const t = run(getPreset('P10')!.scenario, { variant: 'split-break-only' });
    const during = worldAt(t, t.final.stalls[0].step - 1);
    expect(during.tasks.filter((x) => x.kind !== 'kthread' && x.status !== 'exited').every((x) => x.status === 'blocked')).toBe(true);
    expect(stuckInDeadlock(during)).toBe(false);
  });
});
