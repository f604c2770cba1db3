/**
 * Weak fairness: a runnable task is eventually scheduled. A cycle of choices that never runs a
 * task runnable all along is not a behaviour; a cycle in which every such task runs is a
 * livelock and is reported as one.
 */
import { describe, expect, it } from 'vitest';
import { explore } from './explore';
import { run } from '../engine/run';
import type { Scenario } from '../model/scenario';

/** With an empty modprobe path, klp_module_coming() of the POC spins (P20); here two loaders do. */
const twoSpinners: Scenario = {
  type: 'klp-playground/scenario',
  version: 1,
  title: 'two loaders spin in klp_module_coming()',
  modules: [
    { name: 'M', exports: ['m_fn'] },
    { name: 'N', exports: ['n_fn'] },
  ],
  livepatches: [{ name: 'lp', objects: [{ name: 'vmlinux' }, { name: 'M', funcs: ['m_fn'] }, { name: 'N', funcs: ['n_fn'] }] }],
  tasks: [{ commands: ['echo > /proc/sys/kernel/modprobe', 'modprobe lp', 'modprobe M'] }, { commands: ['modprobe N'] }],
};

describe('weak fairness', () => {
  it('reports a loop that every runnable task takes part in as a livelock, and not the loops that starve one', () => {
    const e = explore(twoSpinners, { variant: 'split', granularity: 'fine' });
    expect(e.complete).toBe(true);
    const both = e.findings.find((f) => f.outcome.kind === 'livelock' && f.outcome.cycle?.length === 2);
    expect(both?.outcome.location).toBe('klp_module_coming');
    expect(both?.outcome.cycle).toEqual(['U1', 'U2']);
    // Going round while U2 stays runnable and never runs: starvation, ruled out, not an outcome.
    expect(e.starvingCycles).toBeGreaterThan(0);
    expect(e.findings.every((f) => f.outcome.kind === 'livelock')).toBe(true);
    // Its schedule leads into the loop: a replay loops too (the default schedule then goes on).
    expect(run(twoSpinners, { variant: 'split', granularity: 'fine', schedule: both!.schedule }).outcome.kind).toBe('livelock');
  });

  it('at the default granularity a task that spins without giving up the CPU is a livelock, as run() says', () => {
    const e = explore(twoSpinners, { variant: 'split' });
    expect(e.findings.map((f) => f.outcome.kind)).toEqual(['livelock', 'livelock']);
    expect(e.starvingCycles).toBe(0);
  });
});
