/**
 * files.ts - what reads of /sys and /proc return in a world (kernel/module.c sysfs attributes,
 * kernel/livepatch/core.c sysfs, /proc/modules, and patched /proc files).
 */
import type { World } from '../model/world';
import { module_refcount } from '../rules/refcount';
import { own } from '../model/dict';

const INITSTATE: Record<string, string> = {
  MODULE_STATE_LIVE: 'live',
  MODULE_STATE_COMING: 'coming',
  MODULE_STATE_GOING: 'going',
};

/** vmlinux functions that produce /proc files, so a patch of them shows in a read. */
const PROC_FUNCS: Record<string, { fn: string; original: string }> = {
  '/proc/cmdline': { fn: 'cmdline_proc_show', original: 'BOOT_IMAGE=/boot/vmlinuz-5.5.0 root=/dev/vda1 ro console=ttyS0' },
  '/proc/meminfo': { fn: 'meminfo_proc_show', original: 'MemTotal:       24576000 kB' },
};

/** The patch whose replacement of `fn` runs now: the newest patch with it patched (func_stack top). */
export function activePatchOf(w: World, fn: string): string | null {
  for (let i = w.klp.patches.length - 1; i >= 0; i--) {
    const p = w.klp.patches[i];
    if (p.objects.some((o) => o.patched && o.funcs.includes(fn))) return p.name;
  }
  return null;
}

/** Content of a file, or null if it does not exist. */
export function readFile(w: World, path: string): string | null {
  let m = /^\/sys\/module\/([^/]+)(?:\/(initstate|refcnt|holders|parameters\/([^/]+)))?$/.exec(path);
  if (m) {
    const mod = w.modules.find((x) => x.name === m![1] && x.sysfs);
    if (!mod) return null;
    if (!m[2]) return '';
    if (m[2] === 'initstate') return INITSTATE[mod.state] ?? 'unformed';
    if (m[2] === 'refcnt') return String(module_refcount(mod));
    if (m[2] === 'holders') return mod.holders.join(' ');
    return own(mod.params, m[3]) ?? null;
  }
  m = /^\/sys\/kernel\/livepatch\/([^/]+)(?:\/(enabled|transition|force|([^/]+)\/patched))?$/.exec(path);
  if (m) {
    const p = w.klp.patches.find((x) => x.name === m![1] && x.sysfs);
    if (!p) return null;
    if (!m[2]) return '';
    if (m[2] === 'enabled') return p.enabled ? '1' : '0';
    if (m[2] === 'transition') return w.klp.transition === p.name ? '1' : '0';
    if (m[2] === 'force') return null; // write-only
    const obj = p.objects.find((o) => (o.name ?? 'vmlinux') === m![3]);
    return obj ? (obj.patched ? '1' : '0') : null;
  }
  if (path === '/proc/sys/kernel/modprobe') return w.modprobePath;
  if (path === '/proc/sys/kernel/ftrace_enabled') return w.ftraceEnabled ? '1' : '0';
  if (path === '/proc/modules') return procModules(w);
  const pf = own(PROC_FUNCS, path);
  if (pf) {
    const p = activePatchOf(w, pf.fn);
    return p ? `${p}: this has been live patched` : pf.original;
  }
  return null;
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
 * `stat --format %A` of the livepatch sysfs files (kernel/livepatch/core.c attribute modes:
 * enabled 0644, transition 0444, force 0200; the per-object `patched` file, 0444, exists from
 * v6.1 on and is modelled for the supplementary test-sysfs cases).
 */
export function fileMode(w: World, path: string): string | null {
  if (readFile(w, path) === null && !/\/force$/.test(path)) return null;
  if (/^\/sys\/kernel\/livepatch\/[^/]+$/.test(path)) return 'drwxr-xr-x';
  const m = /^\/sys\/kernel\/livepatch\/([^/]+)\/(enabled|transition|force|[^/]+\/patched)$/.exec(path);
  if (m) {
    if (!w.klp.patches.some((p) => p.name === m[1] && p.sysfs)) return null;
    if (m[2] === 'enabled') return '-rw-r--r--';
    if (m[2] === 'force') return '--w-------';
    return '-r--r--r--';
  }
  return '-r--r--r--';
}
