/**
 * kernel/livepatch/transition.c: a transition blocked by a task sitting in a patched function is
 * retried every second; after SIGNALS_TIMEOUT (15) failed retries the remaining tasks are
 * signalled.
 */
import { describe, expect, it } from 'vitest';
import { dmesg, logLine, missingInOrder, out, runIn, scn } from '../../test/helpers';
import type { VariantId } from '../../model/variant';

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
