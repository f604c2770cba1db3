/**
 * files.ts - what reads of /sys and /proc return in a world (kernel/module sysfs attributes,
 * kernel/livepatch/core.c sysfs, /proc/modules, patched /proc files, the function tracer's files
 * and the files test modules create), and their `stat --format %A` modes.
 *
 * A /proc file whose show function is livepatched prints what the replacement prints; the
 * replacement that runs is the top of the function's func_stack (kernel/livepatch/patch.c
 * klp_ftrace_handler()), and a nop there (atomic replace, func->nop) runs the original code.
 * During a transition, a task that has not switched yet still runs what it ran before (and one
 * that has switched to the unpatched state runs what was there before the patch), as
 * klp_ftrace_handler() picks by current->patch_state; a read without a reading task (a condition
 * the harness polls) reads as a switched task would.
 */
import type { KlpObject, KlpPatch, World } from '../model/world';
import { module_refcount } from '../rules/refcount';
import { KERNEL_V5_5, KERNEL_V7_1, type KernelVersion } from '../model/variant';
import { own } from '../model/dict';

const INITSTATE: Record<string, string> = {
  MODULE_STATE_LIVE: 'live',
  MODULE_STATE_COMING: 'coming',
  MODULE_STATE_GOING: 'going',
};

/** vmlinux functions that produce /proc files, so a patch of them shows in a read. */
export const VMLINUX_PROC_FILES: Record<string, { fn: string; text: (w: World) => string }> = {
  '/proc/cmdline': { fn: 'cmdline_proc_show', text: (w) => `BOOT_IMAGE=/boot/vmlinuz-${w.release} root=/dev/vda1 ro console=ttyS0` },
  '/proc/meminfo': { fn: 'meminfo_proc_show', text: () => 'MemTotal:       24576000 kB' },
};

/** The capability flags of the world's kernel. */
export function kernelOf(w: World): KernelVersion {
  return w.kernel === 'v7.1' ? KERNEL_V7_1 : KERNEL_V5_5;
}

/**
 * Whether task `pid` is in the KLP_TRANSITION_UNPATCHED state for the patch in transition: not
 * yet switched to it while it is being applied, or already switched away while it is being
 * removed (kernel/livepatch/transition.c: the initial state is the opposite of the target).
 */
function unpatchedFor(w: World, p: KlpPatch, pid: number | undefined): boolean {
  if (pid === undefined || w.klp.transition !== p.name) return false;
  const pending = w.klp.pending.includes(pid);
  return w.klp.target === 'KLP_TRANSITION_PATCHED' ? pending : !pending;
}

/**
 * What runs when task `reader` calls `fn`: the top of its func_stack, or null for the original
 * code. klp_ftrace_handler(): a func of the patch in transition is skipped, for the next one on
 * the stack (or the original), by a task in the KLP_TRANSITION_UNPATCHED state.
 */
export function activeFunc(w: World, fn: string, reader?: number): { patch: KlpPatch; obj: KlpObject; nop: boolean } | null {
  for (let i = w.klp.patches.length - 1; i >= 0; i--) {
    const p = w.klp.patches[i];
    if (unpatchedFor(w, p, reader)) continue;
    for (const o of p.objects) {
      if (!o.patched) continue;
      if (o.funcs.includes(fn)) return { patch: p, obj: o, nop: false };
      if (o.nops?.includes(fn)) return { patch: p, obj: o, nop: true };
    }
  }
  return null;
}

/**
 * The module whose replacement of `fn` runs now (its THIS_MODULE->name: the patch module, or the
 * per-object module in the split POC), or null when the original runs (unpatched, or a nop).
 */
export function activePatchOf(w: World, fn: string, reader?: number): string | null {
  const a = activeFunc(w, fn, reader);
  return a && !a.nop ? a.obj.carrier : null;
}

/** The show functions of /proc files that exist now: vmlinux's and those modules created. */
export function procShowFunction(w: World, path: string): { fn: string; text: string } | null {
  const v = own(VMLINUX_PROC_FILES, path);
  if (v) return { fn: v.fn, text: v.text(w) };
  const e = w.moduleFiles.find((f) => f.path === path && f.fn);
  return e?.fn ? { fn: e.fn, text: e.text ?? '' } : null;
}

function sympos(n: number | undefined): number {
  return n ? n : 1; // "%s,%lu", old_sympos ? old_sympos : 1
}

/** /sys/kernel/livepatch/<patch>/...: null when absent, '' for a directory. */
function livepatchFile(w: World, rest: string[]): string | null {
  const kf = kernelOf(w);
  const p = w.klp.patches.find((x) => x.name === rest[0] && x.sysfs);
  if (!p) return null;
  if (rest.length === 1) return '';
  const attr = rest[1];
  if (rest.length === 2) {
    if (attr === 'enabled') return p.enabled ? '1' : '0';
    if (attr === 'transition') return w.klp.transition === p.name ? '1' : '0';
    if (attr === 'force') return null; // write-only (__ATTR_WO): reading fails
    if (attr === 'replace' && kf.klpSysfsReplace) return p.replace ? '1' : '0';
    if (attr === 'stack_order' && kf.klpSysfsStackOrder) {
      // stack_order_show(): 1-based position in klp_patches, 0 when not on the list.
      const listed = w.klp.patches.filter((x) => x.listed);
      const i = listed.indexOf(p);
      return String(i + 1);
    }
  }
  const obj = p.objects.find((o) => (o.name ?? 'vmlinux') === attr);
  if (!obj) return null;
  if (rest.length === 2) return '';
  if (rest.length === 3 && rest[2] === 'patched') return obj.patched ? '1' : '0';
  if (rest.length === 3 && [...obj.funcs, ...(obj.nops ?? [])].some((f) => `${f},${sympos(0)}` === rest[2])) return '';
  return null;
}

/**
 * Content of a file, or null if it does not exist ('' for a directory). `reader`: the pid of the
 * task reading it, which decides the version of a livepatched show function during a transition.
 */
export function readFile(w: World, path: string, reader?: number): string | null {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  let m = /^\/sys\/module\/([^/]+)(?:\/(initstate|refcnt|holders|parameters\/([^/]+)))?$/.exec(clean);
  if (m) {
    const mod = w.modules.find((x) => x.name === m![1] && x.sysfs);
    if (!mod) return null;
    if (!m[2]) return '';
    if (m[2] === 'initstate') return INITSTATE[mod.state] ?? 'unformed';
    if (m[2] === 'refcnt') return String(module_refcount(mod));
    if (m[2] === 'holders') return mod.holders.join(' ');
    const v = own(mod.params, m[3]);
    if (v === undefined || mod.hiddenParams?.includes(m[3])) return null;
    return v;
  }
  if (clean === '/sys/kernel/livepatch') return '';
  m = /^\/sys\/kernel\/livepatch\/(.+)$/.exec(clean);
  if (m) return livepatchFile(w, m[1].split('/'));
  if (clean === '/proc/sys/kernel/modprobe') return w.modprobePath;
  if (clean === '/proc/sys/kernel/ftrace_enabled') return w.ftraceEnabled ? '1' : '0';
  if (clean === '/proc/modules') return procModules(w);
  if (clean === '/sys/kernel/debug/kprobes/enabled') return w.kprobesEnabled ? '1' : '0';
  const t = tracingFile(w, clean);
  if (t !== undefined) return t;
  const show = procShowFunction(w, clean);
  if (show) {
    const p = activePatchOf(w, show.fn, reader);
    return p ? `${p}: this has been live patched` : show.text;
  }
  const e = w.moduleFiles.find((f) => f.path === clean);
  if (e) {
    const owner = w.modules.find((x) => x.name === e.owner);
    return String((owner?.data && e.dataKey !== undefined ? own(owner.data, e.dataKey) : undefined) ?? '');
  }
  // The directory of a module-created file (kobject_create_and_add()).
  if (w.moduleFiles.some((f) => f.path.startsWith(`${clean}/`))) return '';
  return null;
}

/** /sys/kernel/tracing: current_tracer, set_ftrace_filter, tracing_on, trace. */
function tracingFile(w: World, path: string): string | null | undefined {
  const m = /^\/sys\/kernel\/(?:debug\/)?tracing(?:\/(current_tracer|set_ftrace_filter|tracing_on|trace))?$/.exec(path);
  if (!m) return undefined;
  const t = w.tracing;
  switch (m[1]) {
    case undefined:
      return '';
    case 'current_tracer':
      return t.tracer;
    case 'set_ftrace_filter':
      return t.filter.length ? t.filter.join('\n') : '#### all functions enabled ####';
    case 'tracing_on':
      return t.on ? '1' : '0';
    default:
      return [`# tracer: ${t.tracer}`, '#', ...t.buffer].join('\n');
  }
}

/** /proc/modules: name size refcount users state; livepatch modules carry the K taint flag. */
export function procModules(w: World): string {
  return w.modules
    .filter((m) => m.state !== 'MODULE_STATE_UNFORMED')
    .map((m) => {
      const st = m.state === 'MODULE_STATE_LIVE' ? 'Live' : m.state === 'MODULE_STATE_COMING' ? 'Loading' : 'Unloading';
      // print_unload_info(): "user,user," then "[permanent]," for init-without-exit, or "-".
      const users = m.holders.map((h) => `${h},`).join('') + (m.permanent ? '[permanent],' : '') || '-';
      const sign = m.state === 'MODULE_STATE_COMING' ? '+' : m.state === 'MODULE_STATE_GOING' ? '-' : '';
      const taint = m.klp ? ` (K${sign})` : '';
      return `${m.name} 16384 ${module_refcount(m)} ${users} ${st} 0x0000000000000000${taint}`;
    })
    .join('\n');
}

/**
 * `stat --format %A` (kernel/livepatch/core.c attribute modes: enabled 0644, force 0200, the rest
 * 0444; directories 0755). The per-object `patched` file exists from v6.1 on and is modelled for
 * both kernels (the supplementary v5.10 test-sysfs case reads it); `replace` (v6.11) and
 * `stack_order` (v6.14) only on v7.1.
 */
export function fileMode(w: World, path: string): string | null {
  const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const m = /^\/sys\/kernel\/livepatch\/([^/]+)\/force$/.exec(clean);
  if (m) return w.klp.patches.some((p) => p.name === m[1] && p.sysfs) ? '--w-------' : null;
  const e = w.moduleFiles.find((f) => f.path === clean);
  if (e) return e.mode;
  const v = readFile(w, clean);
  if (v === null) return null;
  if (/^\/sys\/kernel\/livepatch\/[^/]+\/enabled$/.test(clean)) return '-rw-r--r--';
  if (/\/parameters\//.test(clean)) return '-rw-r--r--';
  if (/^\/(sys|proc)\//.test(clean) && v === '' && !/^\/proc\/sys\//.test(clean) && isDirectory(w, clean)) return 'drwxr-xr-x';
  return '-r--r--r--';
}

function isDirectory(w: World, path: string): boolean {
  if (path === '/sys/kernel/livepatch' || /^\/sys\/kernel\/(debug\/)?tracing$/.test(path)) return true;
  if (/^\/sys\/module\/[^/]+$/.test(path)) return true;
  const lp = /^\/sys\/kernel\/livepatch\/(.+)$/.exec(path);
  if (lp) {
    const parts = lp[1].split('/');
    // <patch>/, <patch>/<object>/, <patch>/<object>/<func>,<sympos>/
    return parts.length === 1 || (parts.length === 2 && !['enabled', 'transition', 'replace', 'stack_order'].includes(parts[1])) || (parts.length === 3 && parts[2] !== 'patched');
  }
  return w.moduleFiles.some((f) => f.path.startsWith(`${path}/`));
}

/** The patches listed in /sys/kernel/livepatch (the harness counts `$SYSFS_KLP_DIR/*`). */
export function livepatchDirs(w: World): string[] {
  return w.klp.patches.filter((p) => p.sysfs).map((p) => p.name);
}
