/**
 * ftrace.ts - the function tracer as the livepatch selftests use it (kernel/trace/ftrace.c,
 * kernel/trace/trace_functions.c, /sys/kernel/tracing): current_tracer, set_ftrace_filter,
 * tracing_on and the trace buffer, and the "a traced function was called" event.
 *
 * The tracer's ftrace_ops has no FTRACE_OPS_FL_IPMODIFY, so it shares a function with a
 * livepatch: the tracer records the call at the function's fentry, then the livepatch handler
 * redirects to the replacement, which is an ordinary (traceable) module function.
 * [S] Only the calls the simulation makes are traced: the show functions of /proc files read by a
 * task, and their replacements. A trace line reads `<comm>-<pid> [000] ..... <time>: <fn> <-seq_read_iter`.
 */
import type { Ctx } from '../../sim/context';
import { ERRNO } from '../../model/errno';
import { activeFunc, procShowFunction, readFile, VMLINUX_PROC_FILES } from '../../sim/files';
import { klpNewFunc, objectFuncs } from '../livepatch/funcs';

/** [S] vmlinux's functions the scenario can name: the /proc show functions and the getpid syscall. */
const VMLINUX_FUNCS = [...Object.values(VMLINUX_PROC_FILES).map((f) => f.fn), '__x64_sys_getpid'];

/**
 * Functions in kallsyms now (what set_ftrace_filter accepts): vmlinux's, every function a livepatch
 * of the scenario patches in vmlinux, and for each loaded module the functions a livepatch patches
 * in it and, for a livepatch module, its replacements.
 */
export function traceableFunctions(k: Ctx): Set<string> {
  const out = new Set(VMLINUX_FUNCS);
  const loaded = new Set(k.w.modules.filter((m) => m.state !== 'MODULE_STATE_UNFORMED').map((m) => m.name));
  for (const spec of Object.values(k.env.patches)) {
    for (const o of spec.objects) {
      if (o.name === 'vmlinux' || loaded.has(o.name)) for (const f of o.funcs ?? []) out.add(f);
      if (loaded.has(spec.name)) for (const f of o.funcs ?? []) out.add(o.newFuncs?.[f] ?? `livepatch_${f}`);
    }
  }
  for (const f of k.w.moduleFiles) if (f.fn && loaded.has(f.owner)) out.add(f.fn);
  return out;
}

/** A traced function was called by the current task. */
export function ftraceHit(k: Ctx, fn: string): void {
  const t = k.w.tracing;
  if (t.tracer !== 'function' || !t.on) return;
  if (t.filter.length && !t.filter.includes(fn)) return;
  const ts = (k.now / 1000).toFixed(6);
  t.buffer.push(`${k.task.comm}-${k.task.pid} [000] ..... ${ts}: ${fn} <-seq_read_iter`);
}

/** A task reads a file: the show function of a /proc file runs (and is traced), then the read. */
export function readProcFile(k: Ctx, path: string): string | null {
  const show = procShowFunction(k.w, path);
  if (show) {
    ftraceHit(k, show.fn);
    const a = activeFunc(k.w, show.fn, k.task.pid);
    if (a && !a.nop) ftraceHit(k, klpNewFunc(k, a.patch, a.obj, show.fn));
  }
  return readFile(k.w, path, k.task.pid);
}

/** Writes to /sys/kernel/tracing/{current_tracer,set_ftrace_filter,tracing_on,trace}: 0 or -errno. */
export function tracefsWrite(k: Ctx, file: string, value: string): number {
  const t = k.w.tracing;
  switch (file) {
    case 'current_tracer':
      if (value !== 'nop' && value !== 'function') return -ERRNO.EINVAL;
      t.tracer = value;
      return 0;
    case 'set_ftrace_filter': {
      if (value === '') {
        t.filter = [];
        return 0;
      }
      // ftrace_regex_write(): a name that matches no function is refused.
      if (!traceableFunctions(k).has(value)) return -ERRNO.EINVAL;
      t.filter = [value];
      return 0;
    }
    case 'tracing_on':
      t.on = value !== '0';
      return 0;
    case 'trace':
      t.buffer = [];
      return 0;
    default:
      return -ERRNO.ENOENT;
  }
}

/** A livepatch already redirects `fn`: its IPMODIFY ftrace_ops are registered. */
export function livepatchOwns(k: Ctx, fn: string): boolean {
  return k.w.klp.patches.some((p) => p.objects.some((o) => o.patched && objectFuncs(o).includes(fn)));
}
