/**
 * klp_mutex (kernel/livepatch/core.c): one holder at a time; a second task sleeps in mutex_lock()
 * uninterruptibly until the holder releases it (wait W6).
 */
import { describe, expect, it } from 'vitest';
import { dmesg, out, perTest, runIn, scn, taskOf } from '../../test/helpers';
import type { Scenario } from '../../model/scenario';
import { worldAt } from '../../engine/replay';
import { waitForGraph } from '../../sim/waitFor';
import { killableTasks } from '../../sim/kill';

/** U1 and U2 load lp1 and lp2 at the same time, preempted after every step that others can see. */
const two: Scenario = scn({
  livepatches: [
    { name: 'lp1', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }] },
    { name: 'lp2', objects: [{ name: 'vmlinux', funcs: ['meminfo_proc_show'] }] },
  ],
  tasks: [{ id: 'U1', commands: ['modprobe lp1'] }, { id: 'U2', commands: ['modprobe lp2'] }],
});

/** The same run, but U2 is picked at the first choice after U1 took klp_mutex in klp_module_coming(). */
const contended = perTest(() => {
  const base = runIn('upstream', two, { granularity: 'fine', maxSteps: 300 });
  const picks = base.steps.filter((s) => s.choice).map((s) => s.choice!.picked);
  const at = base.steps.filter((s) => s.choice).findIndex((s) => s.label === 'U1' && s.text.includes('mutex_lock() = 0'));
  return runIn('upstream', two, { granularity: 'fine', maxSteps: 300, schedule: [...picks.slice(0, at + 1), 'U2'] });
});

describe('mutex_lock(&klp_mutex) held by another task', () => {
  it('sleeps in mutex_lock() on klp_mutex, an edge to the holder in the wait-for graph, not killable', () => {
    const t = contended();
    const i = t.steps.findIndex((s) => s.label === 'U2' && s.kind === 'block');
    expect(t.steps[i].text).toBe('sleeps in mutex_lock() on klp_mutex');
    const w = worldAt(t, i);
    expect(w.klpMutex).toBe(taskOf(w, 'U1').pid);
    expect(waitForGraph(w).edges).toEqual([expect.objectContaining({ from: taskOf(w, 'U2').pid, to: taskOf(w, 'U1').pid, wid: 'W6', timed: false, what: 'klp_mutex to be released' })]);
    expect(killableTasks(w)).toEqual([]);
  });

  it('mutex_unlock() wakes the sleeper, which takes the mutex: both patches load', () => {
    const t = contended();
    expect(t.outcome.kind).toBe('ok');
    expect(out(t)).toEqual([]);
    expect(dmesg(t)).toContain("livepatch: 'lp1': patching complete");
    expect(dmesg(t)).toContain("livepatch: 'lp2': patching complete");
  });
});
