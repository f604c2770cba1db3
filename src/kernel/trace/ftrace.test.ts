/**
 * The function tracer as the livepatch selftests use it (test-ftrace.sh; kernel/trace/ftrace.c,
 * kernel/trace/trace.c): which functions set_ftrace_filter accepts, what tracing_on,
 * current_tracer and a write to trace do, and the trace lines of a traced, livepatched function.
 */
import { describe, expect, it } from 'vitest';
import type { LivepatchSpec, ModuleSpec } from '../../model/scenario';
import { bareCtx, out, runIn, scn } from '../../test/helpers';
import { worldAt } from '../../engine/replay';
import { traceableFunctions, tracefsWrite } from './ftrace';

const T = '/sys/kernel/tracing';
const M: ModuleSpec = { name: 'M', exports: ['m_fn'] };
/** A livepatch of two vmlinux functions (one only it names) and of M's m_fn. */
const lp: LivepatchSpec = { name: 'lp', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show', 'foo_fn'] }, { name: 'M', funcs: ['m_fn'] }] };
/** A livepatch whose vmlinux object patches nothing (callbacks only). */
const empty: LivepatchSpec = { name: 'empty', objects: [{ name: 'vmlinux' }] };
/** test_klp_mod_target.c: /proc/test_klp_mod_target, shown by test_klp_mod_target_show(). */
const target: ModuleSpec = { name: 'test_klp_mod_target', model: 'test_klp_mod_target' };
/** test_klp_syscall.c: creates /sys/kernel/test_klp_syscall/npids (a file with no show function). */
const syscall: LivepatchSpec = {
  name: 'test_klp_syscall',
  model: 'test_klp_syscall',
  params: { klp_pids: { type: 'intarray', default: '', hidden: true } },
  objects: [{ name: 'vmlinux', funcs: ['__x64_sys_getpid'], newFuncs: { __x64_sys_getpid: 'lp_sys_getpid' } }],
};
const world = (commands: string[]) => scn({ modules: [M, target], livepatches: [lp, empty, syscall], tasks: [{ commands }] });
const VMLINUX = ['cmdline_proc_show', 'meminfo_proc_show', '__x64_sys_getpid'];

describe('the functions set_ftrace_filter can name (kallsyms of vmlinux and the formed modules)', () => {
  it("at boot: vmlinux's, including those a livepatch patches; no module's function, no replacement", () => {
    const { k } = bareCtx(world([]), 'v7.1');
    expect([...traceableFunctions(k)].sort()).toEqual([...VMLINUX, 'foo_fn'].sort());
  });

  it("once loaded: a patched module's functions, a livepatch module's replacements (for every object), a module's /proc show function", () => {
    const { k } = bareCtx(world([]), 'v7.1');
    k.w = runIn('v7.1', world(['modprobe M', 'modprobe lp', 'modprobe empty', 'modprobe test_klp_mod_target', 'modprobe test_klp_syscall'])).final;
    expect([...traceableFunctions(k)].sort()).toEqual(
      [...VMLINUX, 'foo_fn', 'm_fn', 'livepatch_cmdline_proc_show', 'livepatch_foo_fn', 'livepatch_m_fn', 'lp_sys_getpid', 'test_klp_mod_target_show'].sort(),
    );
  });

  it('an UNFORMED module is not in kallsyms yet (its symbols are skipped until COMING)', () => {
    const { k } = bareCtx(world([]), 'v7.1');
    const t = runIn('v7.1', world(['modprobe M']));
    const unformed = t.steps.findIndex((s) => s.text.includes('M#1 inserted as MODULE_STATE_UNFORMED'));
    k.w = worldAt(t, unformed);
    expect(k.w.modules.map((m) => m.state)).toEqual(['MODULE_STATE_UNFORMED']);
    expect(traceableFunctions(k).has('m_fn')).toBe(false);
    k.w = t.final;
    expect(traceableFunctions(k).has('m_fn')).toBe(true);
  });

  it('echo NAME > set_ftrace_filter: a function kallsyms does not have is refused with -EINVAL (ftrace_process_regex())', () => {
    const t = runIn('v7.1', world([`echo m_fn > ${T}/set_ftrace_filter`, `cat ${T}/set_ftrace_filter`, 'modprobe M', `echo m_fn > ${T}/set_ftrace_filter`, `cat ${T}/set_ftrace_filter`, `echo > ${T}/set_ftrace_filter`, `cat ${T}/set_ftrace_filter`]));
    expect(out(t)).toEqual(['sh: echo: write error: Invalid argument', '#### all functions enabled ####', 'm_fn', '#### all functions enabled ####']);
  });
});

describe('tracefs writes', () => {
  it('current_tracer takes nop and function; another name is -EINVAL (tracing_set_tracer())', () => {
    const t = runIn('v7.1', world([`cat ${T}/current_tracer`, `echo function > ${T}/current_tracer`, `echo blk > ${T}/current_tracer`, `cat ${T}/current_tracer`, `echo nop > ${T}/current_tracer`, `cat ${T}/current_tracer`]));
    expect(out(t)).toEqual(['nop', 'sh: echo: write error: Invalid argument', 'function', 'nop']);
  });

  it('tracing_on: 0 stops recording, anything else starts it (rb_simple_write())', () => {
    const t = runIn('v7.1', world([`cat ${T}/tracing_on`, `echo 0 > ${T}/tracing_on`, `cat ${T}/tracing_on`, `echo 1 > ${T}/tracing_on`, `cat ${T}/tracing_on`]));
    expect(out(t)).toEqual(['1', '0', '1']);
  });

  it('a file tracefs does not have is -ENOENT', () => {
    const { k } = bareCtx(world([]), 'v7.1');
    expect(tracefsWrite(k, 'available_tracers', 'x')).toBe(-2);
  });
});

describe('what the function tracer records', () => {
  /** Reads /proc/cmdline at t=2 s with `setup` done first, patched by lp when `patched`; prints the trace. */
  const traced = (setup: string[], patched = true) =>
    out(runIn('v7.1', world([...(patched ? ['modprobe lp'] : []), ...setup, 'sleep 2', 'cat /proc/cmdline', `cat ${T}/trace`]))).slice(1);
  const line = (fn: string) => `sh-100 [000] ..... 2.000000: ${fn} <-seq_read_iter`;

  it('a livepatched function: the original at its fentry, then the replacement the klp_ftrace_handler() redirects to', () => {
    expect(traced([`echo function > ${T}/current_tracer`])).toEqual(['# tracer: function', '#', line('cmdline_proc_show'), line('livepatch_cmdline_proc_show')]);
  });

  it('set_ftrace_filter limits the trace to that function', () => {
    expect(traced([`echo function > ${T}/current_tracer`, `echo livepatch_cmdline_proc_show > ${T}/set_ftrace_filter`])).toEqual(['# tracer: function', '#', line('livepatch_cmdline_proc_show')]);
  });

  it('nothing is recorded with the nop tracer, or with tracing_on 0', () => {
    expect(traced([])).toEqual(['# tracer: nop', '#']);
    expect(traced([`echo function > ${T}/current_tracer`, `echo 0 > ${T}/tracing_on`])).toEqual(['# tracer: function', '#']);
  });

  it('an unpatched function is recorded alone; a write to trace empties the buffer', () => {
    expect(traced([`echo function > ${T}/current_tracer`], false)).toEqual(['# tracer: function', '#', line('cmdline_proc_show')]);
    const t = runIn('v7.1', world([`echo function > ${T}/current_tracer`, 'cat /proc/cmdline', `echo > ${T}/trace`, `cat ${T}/trace`]));
    expect(out(t).slice(1)).toEqual(['# tracer: function', '#']);
  });
});
