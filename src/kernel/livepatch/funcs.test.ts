/**
 * The klp_funcs of an object and what each redirects to (klp_func.new_func): the object's own
 * replacement (named in its livepatch's source), or, for a nop of a cumulative patch, the
 * original function (klp_init_object_loaded(): `if (func->nop) func->new_func = func->old_func`).
 */
import { describe, expect, it } from 'vitest';
import type { LivepatchSpec, ModuleSpec } from '../../model/scenario';
import { logLine, out, runIn, scn } from '../../test/helpers';

describe('new_func', () => {
  it("each object's replacements come from its own klp_funcs: the function tracer sees the module object's replacement", () => {
    const target: ModuleSpec = { name: 'test_klp_mod_target', model: 'test_klp_mod_target' };
    const lp: LivepatchSpec = {
      name: 'lp',
      objects: [
        { name: 'vmlinux', funcs: ['cmdline_proc_show'], newFuncs: { cmdline_proc_show: 'lp_cmdline_proc_show' } },
        { name: 'test_klp_mod_target', funcs: ['test_klp_mod_target_show'], newFuncs: { test_klp_mod_target_show: 'lp_mod_target_show' } },
      ],
    };
    const T = '/sys/kernel/tracing';
    const t = runIn(
      'v7.1',
      scn({ modules: [target], livepatches: [lp], tasks: [{ commands: ['modprobe test_klp_mod_target', 'modprobe lp', `echo function > ${T}/current_tracer`, 'cat /proc/test_klp_mod_target', `cat ${T}/trace`] }] }),
      { maxSteps: 400 },
    );
    expect(out(t).slice(-2)).toEqual(['sh-100 [000] ..... 0.000000: test_klp_mod_target_show <-seq_read_iter', 'sh-100 [000] ..... 0.000000: lp_mod_target_show <-seq_read_iter']);
  });

  // klp_check_stack_func(): unpatching checks func->new_func, and a nop's is the original.
  it("a nop's is the original function: a task running it holds up the removal of the cumulative patch", () => {
    // lp2 replaces lp1 (cmdline_proc_show) and patches meminfo_proc_show. T1 sits in the original
    // meminfo_proc_show, so lp2's transition hangs; U1, switched, runs cmdline_proc_show through
    // lp2's nop (the original) from 0 s to 5 s; U2 reverses lp2 at 2 s. The removal waits for U1.
    const t = runIn(
      'upstream',
      scn({
        livepatches: [
          { name: 'lp1', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }] },
          { name: 'lp2', replace: true, objects: [{ name: 'vmlinux', funcs: ['meminfo_proc_show'] }] },
        ],
        tasks: [
          { id: 'T1', commands: ['busy meminfo_proc_show 20'] },
          { id: 'U1', commands: ['modprobe lp1', 'modprobe lp2', 'busy cmdline_proc_show 5'] },
          { id: 'U2', start: 2, commands: ['echo 0 > /sys/kernel/livepatch/lp2/enabled'] },
        ],
      }),
      { maxSteps: 500 },
    );
    expect(logLine(t, "livepatch: 'lp2': reversing transition from patching to unpatching").time).toBe(2_000);
    // The try at 5 s runs before U1 leaves; the next one completes.
    expect(logLine(t, "livepatch: 'lp2': unpatching complete").time).toBe(6_000);
  });
});
