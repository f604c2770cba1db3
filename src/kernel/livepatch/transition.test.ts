/**
 * kernel/livepatch/transition.c: a transition blocked by a task sitting in a patched function is
 * retried every second; after SIGNALS_TIMEOUT (15) failed retries the remaining tasks are
 * signalled.
 */
import { describe, expect, it } from 'vitest';
import { dmesg, logLine, missingInOrder, out, perTest, runIn, scn, taskOf } from '../../test/helpers';
import type { VariantId } from '../../model/variant';
import { worldAt } from '../../engine/replay';
import { readFile } from '../../sim/files';
import { patchView } from '../../sim/patchQueries';

const stuck = (busySeconds: number, ...after: string[]) =>
  scn({
    livepatches: [{ name: 'lp', callbacks: 'print', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }] }],
    tasks: [
      { id: 'T1', commands: [`busy cmdline_proc_show ${busySeconds}`] },
      { id: 'U1', commands: ['modprobe lp', ...after] },
    ],
  });

const SIGNALING = 'livepatch: signaling remaining tasks';

describe('a transition blocked by a busy task', () => {
  for (const v of ['upstream', 'split', 'split-poc19'] as VariantId[]) {
    it(`[${v}] modprobe returns with the transition pending; it completes when the task leaves the function`, () => {
      const t = runIn(v, stuck(20, 'cat /sys/kernel/livepatch/lp/transition'));
      expect(out(t)).toEqual(['1']);
      expect(t.final.failures).toEqual([]);
      expect(
        missingInOrder(dmesg(t), [
          "livepatch: enabling patch 'lp'",
          "livepatch: 'lp': initializing patching transition",
          'lp: pre_patch_callback: vmlinux',
          "livepatch: 'lp': starting patching transition",
          SIGNALING,
          "livepatch: 'lp': completing patching transition",
          'lp: post_patch_callback: vmlinux',
          "livepatch: 'lp': patching complete",
        ]),
      ).toBeNull();
      expect(logLine(t, "livepatch: 'lp': patching complete").time).toBeGreaterThanOrEqual(20_000);
      expect(logLine(t, "livepatch: 'lp': patching complete").time).toBeLessThanOrEqual(21_000);
    });

    it(`[${v}] "signaling remaining tasks" comes after 15 failed retries, one a second`, () => {
      const t = runIn(v, stuck(20));
      expect(logLine(t, SIGNALING).time).toBe(15_000);
    });
  }

  it('a transition that finishes within 15 s never signals', () => {
    expect(dmesg(runIn('upstream', stuck(14)))).not.toContain(SIGNALING);
  });

  it('the task that blocks it is the one sitting in the patched function; others do not', () => {
    const s = stuck(20);
    s.tasks[0].commands = ['busy meminfo_proc_show 20'];
    const t = runIn('upstream', s);
    expect(logLine(t, "livepatch: 'lp': patching complete").time).toBe(0);
  });

  // kernel/livepatch/transition.c: the fake signals go out every SIGNALS_TIMEOUT retries, but
  // klp_send_signals() prints its notice only `if (klp_signals_cnt == SIGNALS_TIMEOUT)`, i.e.
  // once per transition.
  it('"signaling remaining tasks" is printed only once per transition', () => {
    const t = runIn('upstream', stuck(40));
    expect(dmesg(t).filter((l) => l === SIGNALING)).toHaveLength(1);
  });
});

describe('tasks switch one by one (klp_try_switch_task(), klp_ftrace_handler())', () => {
  const CMDLINE = /^BOOT_IMAGE=/;
  const PATCHED = 'lp: this has been live patched';

  it('a task already switched may enter the patched function: the transition still ends when the last blocker leaves', () => {
    // T1 sits in the old cmdline_proc_show() for 3 s. U1, switched at the first try, then sits
    // in the new one for 10 s: it does not hold the transition up.
    const t = runIn('upstream', stuck(3, 'busy cmdline_proc_show 10'));
    const done = logLine(t, "livepatch: 'lp': patching complete").time;
    expect(done).toBeGreaterThanOrEqual(3_000);
    expect(done).toBeLessThanOrEqual(4_000);
  });

  it('while a patch is being removed, a task that has switched reads the original function', () => {
    // T1 sits in the new cmdline_proc_show() while lp is disabled: the unpatching transition waits
    // for it. U1 has switched to the unpatched state at once and reads the original /proc/cmdline.
    const t = runIn(
      'upstream',
      scn({
        livepatches: [{ name: 'lp', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }] }],
        tasks: [
          { id: 'U1', commands: ['modprobe lp', 'cat /proc/cmdline', 'sleep 2', 'echo 0 > /sys/kernel/livepatch/lp/enabled', 'cat /sys/kernel/livepatch/lp/transition', 'cat /proc/cmdline'] },
          { id: 'T1', start: 1, commands: ['busy cmdline_proc_show 5'] },
        ],
      }),
    );
    const o = out(t);
    expect(o[0]).toBe(PATCHED);
    expect(o[1]).toBe('1');
    expect(o[2]).toMatch(CMDLINE);
    expect(logLine(t, "livepatch: 'lp': unpatching complete").time).toBeGreaterThanOrEqual(6_000);
  });
});

const LP = '/sys/kernel/livepatch';
const MEMINFO = 'MemTotal:       24576000 kB';

describe('klp_reverse_transition()', () => {
  // lp2 patches meminfo_proc_show. T1 sits in the original until 2.5 s, so the patching
  // transition is stuck; U1, switched at the first try, reverses it at 2.2 s; U2 has exited by then.
  const reversed = perTest(() =>
    runIn(
      'upstream',
      scn({
        livepatches: [{ name: 'lp2', objects: [{ name: 'vmlinux', funcs: ['meminfo_proc_show'] }] }],
        tasks: [
          { id: 'T1', commands: ['busy meminfo_proc_show 2.5', 'cat /proc/meminfo'] },
          { id: 'U1', commands: ['modprobe lp2', 'sleep 2.2', `echo 0 > ${LP}/lp2/enabled`] },
          { id: 'U2', commands: ['log bye'] },
        ],
      }),
      { maxSteps: 500 },
    ),
  );
  const atReversal = () => worldAt(reversed(), reversed().steps.findIndex((s) => s.dmesg?.includes("livepatch: 'lp2': reversing transition from patching to unpatching")));

  // klp_start_transition(): `if (task->patch_state != klp_target_state) set_tsk_thread_flag(task,
  // TIF_PATCH_PENDING)`: a task that never switched to the patched state is already in the new
  // target state, KLP_UNPATCHED.
  it('a task that had not switched is not pending again: leaving the function before the next try, it runs the original', () => {
    expect(out(reversed())).toEqual([MEMINFO]);
    expect(logLine(reversed(), "livepatch: 'lp2': unpatching complete").time).toBe(3_000);
  });

  it('only the tasks that had switched are pending again, not those that exited (the UI counts them)', () => {
    expect(patchView(atReversal(), 'lp2')).toMatchObject({ phase: 'unpatching', pending: 1, text: 'unpatching transition, 1 task not switched yet' });
    expect(atReversal().klp.pending).toEqual([taskOf(atReversal(), 'U1').pid]);
  });

  it('an unpatching transition reverses to patching: klp_target_state is KLP_TRANSITION_PATCHED again', () => {
    // T1 sits in livepatch_cmdline_proc_show from 1 s to 6 s, so lp1's removal at 2 s is stuck;
    // writing 1 at 3 s reverses it, and the next try completes the patching.
    const t = runIn(
      'upstream',
      scn({
        livepatches: [{ name: 'lp1', callbacks: 'print', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }] }],
        tasks: [
          { id: 'U1', commands: ['modprobe lp1', 'sleep 2', `echo 0 > ${LP}/lp1/enabled`, 'sleep 1', `echo 1 > ${LP}/lp1/enabled`, `cat ${LP}/lp1/enabled`, 'sleep 2', `cat ${LP}/lp1/transition`, 'cat /proc/cmdline'] },
          { id: 'T1', start: 1, commands: ['busy cmdline_proc_show 5'] },
        ],
      }),
      { maxSteps: 500 },
    );
    const after = dmesg(t).slice(dmesg(t).indexOf("livepatch: 'lp1': starting unpatching transition"));
    expect(after).toEqual([
      "livepatch: 'lp1': starting unpatching transition",
      "livepatch: 'lp1': reversing transition from unpatching to patching",
      "livepatch: 'lp1': starting patching transition",
      "livepatch: 'lp1': completing patching transition",
      'lp1: post_patch_callback: vmlinux',
      "livepatch: 'lp1': patching complete",
    ]);
    expect(t.final.dmesg.filter((l) => l.text === "livepatch: 'lp1': patching complete").map((l) => l.time)).toEqual([0, 4_000]);
    expect(out(t)).toEqual(['1', '0', 'lp1: this has been live patched']);
  });
});

describe('klp_try_complete_transition()', () => {
  it('names every task still on a patched function', () => {
    const s = stuck(5);
    s.tasks.splice(1, 0, { id: 'T2', commands: ['busy cmdline_proc_show 5'] });
    const t = runIn('upstream', s, { maxSteps: 300 });
    const tries = t.steps.filter((x) => x.text.includes('still on a patched function')).map((x) => /klp_try_complete_transition: [^;]*/.exec(x.text)![0]);
    expect(tries[0]).toBe('klp_try_complete_transition: T1, T2 still on a patched function');
  });

  // klp_check_stack(): `if (!obj->patched) continue;` A module object whose module is not loaded
  // is not patched, so its functions are not looked for, even where vmlinux has one of that name
  // (function names are not unique across objects, hence old_sympos).
  it("a function of a module object whose module is not loaded does not hold the transition up, even if vmlinux has one of that name", () => {
    const t = runIn(
      'upstream',
      scn({
        modules: [{ name: 'M', exports: ['m_fn'] }],
        livepatches: [{ name: 'lp', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }, { name: 'M', funcs: ['meminfo_proc_show'] }] }],
        tasks: [
          { id: 'T1', commands: ['busy meminfo_proc_show 5'] },
          { id: 'U1', commands: ['modprobe lp'] },
        ],
      }),
      { maxSteps: 300 },
    );
    expect(logLine(t, "livepatch: 'lp': patching complete").time).toBe(0);
  });
});

describe('klp_complete_transition()', () => {
  // lp1 patches cmdline_proc_show; lp2, cumulative, patches meminfo_proc_show. lp2's transition
  // completes at once, in U1's modprobe; lp1 is freed afterwards, from a work item.
  const replaced = perTest(() =>
    runIn(
      'upstream',
      scn({
        livepatches: [
          { name: 'lp1', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }] },
          { name: 'lp2', replace: true, objects: [{ name: 'vmlinux', funcs: ['meminfo_proc_show'] }] },
        ],
        tasks: [{ id: 'U1', commands: ['modprobe lp1', 'modprobe lp2'] }],
      }),
      { maxSteps: 300 },
    ),
  );
  const completing = () => replaced().steps.findIndex((s) => s.dmesg?.includes("livepatch: 'lp2': patching complete"));

  // klp_unpatch_replaced_patches(): every older enabled patch is disabled and its objects
  // unpatched, before klp_free_replaced_patches_async() frees them.
  it('atomic replace: the replaced patch is disabled and unpatched at once, its directory stays until it is freed', () => {
    const w = worldAt(replaced(), completing());
    expect(readFile(w, `${LP}/lp1/enabled`)).toBe('0');
    expect(readFile(w, `${LP}/lp1/vmlinux/patched`)).toBe('0');
    expect(readFile(w, '/proc/cmdline')).toMatch(/^BOOT_IMAGE=/);
    expect(patchView(w, 'lp1')).toMatchObject({ phase: 'replaced', text: 'replaced by a cumulative patch', sysfs: { enabled: 0, transition: 0 } });
    expect(replaced().steps[completing()].text).toContain("'lp1' replaced by 'lp2'");
    expect(readFile(replaced().final, `${LP}/lp1`)).toBeNull();
  });

  it('the transition is over: klp_transition_patch is NULL, klp_target_state KLP_TRANSITION_IDLE, no task TIF_PATCH_PENDING', () => {
    const w = worldAt(replaced(), completing());
    expect(w.klp).toMatchObject({ transition: null, target: 'KLP_TRANSITION_IDLE', pending: [] });
  });

  // klp_complete_transition(): `if (klp_target_state == KLP_UNPATCHED) klp_unpatch_objects(klp_transition_patch)`.
  it('unpatching: the objects are unpatched when it completes, before the patch is freed', () => {
    const t = runIn(
      'upstream',
      scn({ livepatches: [{ name: 'lp', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }] }], tasks: [{ commands: ['modprobe lp', `echo 0 > ${LP}/lp/enabled`] }] }),
      { maxSteps: 300 },
    );
    const w = worldAt(t, t.steps.findIndex((s) => s.dmesg?.includes("livepatch: 'lp': unpatching complete")));
    expect(readFile(w, `${LP}/lp/vmlinux/patched`)).toBe('0');
    expect(readFile(w, '/proc/cmdline')).toMatch(/^BOOT_IMAGE=/);
    expect(w.klp.pending).toEqual([]);
  });
});

/**
 * force_store() -> klp_force_transition() switches every task at once; klp_patch::forced only
 * keeps the patch's module. A later transition of a forced patch checks the stacks again
 * (klp_try_complete_transition() has no shortcut for forced patches).
 */
describe('a forced patch', () => {
  it("its later unpatching transition still waits for a task in its new function", () => {
    const t = runIn(
      'upstream',
      scn({
        livepatches: [{ name: 'lp', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }] }],
        tasks: [
          // T1 holds lp's patching transition up until forced; T2 then sits in the new function.
          { id: 'T1', commands: ['busy cmdline_proc_show 3'] },
          { id: 'U1', start: 1, commands: ['modprobe lp', 'echo 1 > /sys/kernel/livepatch/lp/force', 'sleep 4', 'echo 0 > /sys/kernel/livepatch/lp/enabled'] },
          { id: 'T2', start: 4, commands: ['busy cmdline_proc_show 10'] },
        ],
      }),
    );
    expect(logLine(t, "livepatch: 'lp': patching complete").time).toBe(2000);
    expect(logLine(t, "livepatch: 'lp': starting unpatching transition").time).toBe(5000);
    // T2 leaves at 14 s; the retry after that completes it.
    expect(logLine(t, "livepatch: 'lp': unpatching complete").time).toBeGreaterThanOrEqual(14_000);
    expect(logLine(t, "livepatch: 'lp': unpatching complete").time).toBeLessThanOrEqual(15_000);
  });
});
