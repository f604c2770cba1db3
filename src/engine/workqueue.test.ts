/**
 * Work items (engine/step.ts admit()): queued work (schedule_work()) runs on a kworker kernel
 * thread that is woken at once and goes ahead of the tasks already waiting for the CPU.
 */
import { describe, expect, it } from 'vitest';
import { perTest, runIn, scn, sh } from '../test/helpers';

/** A livepatch enabled and disabled twice: each disable frees the patch from a work item. */
const twice = perTest(() =>
  runIn(
    'upstream',
    scn({
      livepatches: [{ name: 'lp', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }] }],
      tasks: [
        {
          id: 'U1',
          commands: ['modprobe lp', 'echo 0 > /sys/kernel/livepatch/lp/enabled', 'rmmod lp', 'modprobe lp', 'echo 0 > /sys/kernel/livepatch/lp/enabled'],
        },
        { id: 'U2', commands: ['log hello'] },
      ],
    }),
    { maxSteps: 400 },
  ),
);

describe('work items run on kworkers', () => {
  it('each work item gets a kernel thread of its own, named kworker/0:N in the order they came', () => {
    // klp_free_patch_async() -> schedule_work(&patch->free_work); workqueue.c create_worker()
    // names the worker "kworker/%d:%d" (CPU 0 here, then the worker id).
    const workers = twice().final.tasks.filter((t) => t.frames.length === 0 && t.label.startsWith('kworker/'));
    expect(workers.map((t) => [t.label, t.comm, t.kind, t.argv, t.parent, t.exitCode])).toEqual([
      ['kworker/1', 'kworker/0:1', 'kthread', 'klp_free_patch_work_fn', null, 0],
      ['kworker/2', 'kworker/0:2', 'kthread', 'klp_free_patch_work_fn', null, 0],
    ]);
    expect(twice().outcome.kind).toBe('ok');
  });

  it('the kworker is woken ahead of a task already waiting for the CPU, so by default it runs first', () => {
    const t = twice();
    const first = t.steps.find((s) => s.label === 'kworker/1')!;
    expect(first.choice).toEqual({ options: ['kworker/1', 'U1'], picked: 'kworker/1' });
    expect(first.text).toBe('/sys/kernel/livepatch/lp removed; patch freed; klp_free_patch_work_fn() = 0; kworker/1 exits with status 0');
  });
  it('at fine granularity, work queued by a task running alone waits for that task to yield the CPU', () => {
    // With nobody else runnable there is no scheduling point: the worker is woken at U1's next
    // preemption point (the shell between commands), not right after enabled_store() queued it.
    const t = runIn(
      'upstream',
      scn({
        livepatches: [{ name: 'lp', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }] }],
        tasks: [sh('modprobe lp', 'echo 0 > /sys/kernel/livepatch/lp/enabled', 'log done')],
      }),
      { granularity: 'fine', maxSteps: 200 },
    );
    const i = t.steps.findIndex((s) => s.label === 'kworker/1');
    expect(t.steps.slice(i - 5, i + 2).map((s) => `${s.label} ${s.text}`)).toEqual([
      "U1 'lp' removed from klp_patches; mutex_unlock(&klp_mutex); enabled_store() = 0",
      'U1 sh() = 0',
      'U1 sh() = 0',
      'U1 sh(): next command',
      'U1 sh(): preemption point, another task may run',
      'kworker/1 /sys/kernel/livepatch/lp removed; patch freed; klp_free_patch_work_fn() = 0; kworker/1 exits with status 0',
      'U1 sh(log done)',
    ]);
    expect(t.steps.filter((s) => s.choice).map((s) => s.choice)).toEqual([{ options: ['kworker/1', 'U1'], picked: 'kworker/1' }]);
  });
});
