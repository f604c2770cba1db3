/**
 * stackOf(): a task's call stack as the UI shows it, in the kernel's function names.
 */
import { describe, expect, it } from 'vitest';
import { stackOf } from './stack';
import { run } from '../test/run';
import { replaySteps, worldAt } from './replay';
import { getPreset } from '../presets/index';
import { perTest, scn, sh, taskOf } from '../test/helpers';
import type { StackFrame } from './stack';

describe('stackOf()', () => {
  // Situation 1 (type B) without 19/23: U1's modprobe M calls klp_module_coming(M), which asks for
  // lp__M; its helper H1 loads the dependency M again and sleeps until M#1 is LIVE.
  const t = perTest(() => run(getPreset('P08')!.scenario, { variant: 'split' }));

  it('names the kernel functions outermost first, the wait innermost, module instances by number', () => {
    expect(stackOf(taskOf(t(), 'U1'), t().final)).toEqual([
      { fn: 'sh', detail: '' },
      { fn: 'modprobe', detail: 'M' },
      { fn: 'finit_module', detail: 'M' },
      { fn: 'load_module', detail: 'M#1' },
      // klp_module_coming_split(), the POC's version of it, shows once, under the kernel's name.
      { fn: 'klp_module_coming', detail: 'M#1' },
      { fn: 'request_module', detail: 'lp__M' },
      // The task sleeps in a function with no frame of its own: the wait names it.
      { fn: 'call_usermodehelper_exec', detail: '' },
    ]);
    // The simulator's own frame between the shell and the command (shCommand) is left out.
    expect(taskOf(t(), 'U1').frames.map((f) => f.fn)).toContain('shCommand');
  });

  it('a task blocked in a function that has a frame does not repeat it; without the world, ids stay ids', () => {
    const h1 = taskOf(t(), 'H1');
    expect(stackOf(h1, t().final).map((f) => f.fn)).toEqual(['modprobe', 'finit_module', 'load_module', 'add_unformed_module']);
    const load = stackOf(h1).find((f) => f.fn === 'load_module')!;
    expect(load.detail).toBe('M');
    const withIds = stackOf(taskOf(t(), 'U1')).find((f) => f.fn === 'load_module')!;
    expect(withIds.detail).toMatch(/^#\d+ M$/);
  });

  it('a function a task sits in ([S] busy) is named as the function, and an exited task has no stack', () => {
    // P16: T1 sits in cmdline_proc_show() while lp1 replaces it.
    const p16 = run(getPreset('P16')!.scenario, { variant: 'split', checkpointEvery: 16 });
    let seen = false;
    replaySteps(p16, (_, w) => {
      const t1 = w.tasks.find((x) => x.label === 'T1')!;
      if (t1.frames.some((f) => f.l.as === 'cmdline_proc_show')) {
        expect(stackOf(t1, w).map((f) => f.fn)).toContain('cmdline_proc_show');
        seen = true;
        return false;
      }
    });
    expect(seen).toBe(true);
    expect(stackOf(taskOf(p16, 'T1'), p16.final)).toEqual([]);
  });
});

describe('stackOf() on a stall at location (ii)', () => {
  // P10 on 'split-break-only': H1 loads lp__M, whose symbol lp_shared_cb comes from lp, COMING
  // under U1; H1 waits for it in resolve_symbol_wait(), U1 waits for H1.
  const t = perTest(() => run(getPreset('P10')!.scenario, { variant: 'split-break-only' }));
  const before = perTest(() => worldAt(t(), t().final.stalls[0].step - 1));

  it('names the module instance of each frame, and the symbol waited for', () => {
    const w = before();
    const h1 = stackOf(w.tasks.find((x) => x.label === 'H1')!, w);
    expect(h1[h1.length - 1]).toEqual({ fn: 'resolve_symbol_wait', detail: 'lp__M#1 lp_shared_cb' });
    // U1's module is not the newest in the list: its frames still name lp#1, not lp__M#1.
    const u1 = stackOf(w.tasks.find((x) => x.label === 'U1')!, w);
    expect(w.modules[0].name).toBe('lp__M');
    expect(u1.find((f) => f.fn === 'load_module')?.detail).toBe('lp#1');
  });
});

describe('stackOf(): what a frame is about', () => {
  it("klp_add_object() names the module instance being loaded and the patch it joins", () => {
    // P10 on the 19/23 POC: H1 loads lp__M, whose init adds object M to lp (klp_add_object()).
    const t = run(getPreset('P10')!.scenario, { variant: 'split-poc19', checkpointEvery: 16 });
    let seen: StackFrame[] | null = null;
    replaySteps(t, (_, w) => {
      const h1 = w.tasks.find((x) => x.label === 'H1');
      const st = h1 ? stackOf(h1, w) : [];
      if (st[st.length - 1]?.fn !== 'klp_add_object') return true;
      seen = st;
      return false;
    });
    expect(seen).toEqual([
      { fn: 'modprobe', detail: 'lp__M' },
      { fn: 'finit_module', detail: 'lp__M' },
      { fn: 'load_module', detail: 'lp__M#1' },
      { fn: 'do_init_module', detail: 'lp__M#1' },
      { fn: 'do_one_initcall', detail: 'lp__M#1' },
      { fn: 'klp_add_object', detail: 'lp__M#1 lp' },
    ]);
  });

  it("a shell in the selftest harness's loop_until shows the condition it polls", () => {
    // wait_until exists PATH: functions.sh loop_until() sleeps between checks of the condition.
    const t = run(scn({ tasks: [sh('wait_until exists /sys/kernel/livepatch/lp')] }), { variant: 'upstream', maxSteps: 6 });
    expect(taskOf(t, 'U1').status).toBe('blocked');
    expect(stackOf(taskOf(t, 'U1'), t.final)).toEqual([
      { fn: 'sh', detail: '' },
      { fn: 'sh', detail: 'wait_until exists /sys/kernel/livepatch/lp' },
      { fn: 'loop_until', detail: 'exists:/sys/kernel/livepatch/lp' },
    ]);
  });
});
