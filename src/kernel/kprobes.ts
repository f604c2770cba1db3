/**
 * kprobes.ts - kernel/kprobes.c as far as the livepatch selftests need it: a kprobe on an ftrace
 * site is armed through ftrace. Without a post_handler it uses kprobe_ftrace_ops (no IPMODIFY) and
 * coexists with a livepatch of the function (v5.14 "kprobes: Allow kprobes coexist with
 * livepatch"); with a post_handler it uses kprobe_ipmodify_ops, and only one IPMODIFY ops may own
 * a function: whoever comes second gets -EBUSY from register_ftrace_function().
 * Kprobes are armed only while /sys/kernel/debug/kprobes/enabled is 1 (the default at boot).
 * [S] The WARN() backtrace of a failed arm is left out; its message line is printed.
 */
import type { Ctx } from '../sim/context';
import { ERRNO } from '../model/errno';
import { livepatchOwns } from './trace/ftrace';

/** __arm_kprobe_ftrace(): 0, or -EBUSY when a livepatch owns the function and the kprobe needs IPMODIFY. */
function arm(k: Ctx, fn: string, postHandler: boolean): number {
  if (postHandler && livepatchOwns(k, fn)) {
    k.printk(`Failed to register kprobe-ftrace (error ${-ERRNO.EBUSY})`);
    return -ERRNO.EBUSY;
  }
  return 0;
}

/** register_kprobe() of a module's kprobe on `fn`. */
export function register_kprobe(k: Ctx, owner: string, fn: string, postHandler: boolean): number {
  if (k.w.kprobesEnabled) {
    const r = arm(k, fn, postHandler);
    if (r) return r;
  }
  k.w.kprobes.push({ fn, owner, postHandler, armed: k.w.kprobesEnabled });
  k.note(`kprobe on ${fn} registered by ${owner}${postHandler ? ' with a post_handler (IPMODIFY)' : ''}${k.w.kprobesEnabled ? '' : ', not armed (kprobes disabled)'}`);
  return 0;
}

export function unregister_kprobe(k: Ctx, owner: string): void {
  k.w.kprobes = k.w.kprobes.filter((p) => p.owner !== owner);
}

/**
 * /sys/kernel/debug/kprobes/enabled: write_enabled_file_bool() calls arm_all_kprobes() or
 * disarm_all_kprobes(); either returns at once when kprobes already are in that state. Arming is
 * best-effort: a kprobe that cannot be armed stays registered but unarmed, the last error is
 * returned (the write fails with it) and kprobes are enabled all the same.
 */
export function setKprobesEnabled(k: Ctx, on: boolean): number {
  if (on === k.w.kprobesEnabled) return 0;
  k.w.kprobesEnabled = on;
  if (!on) {
    for (const p of k.w.kprobes) p.armed = false;
    k.printk('kprobes: Kprobes globally disabled');
    return 0;
  }
  let ret = 0;
  let errors = 0;
  for (const p of k.w.kprobes) {
    const err = arm(k, p.fn, p.postHandler);
    p.armed = err === 0;
    if (err) {
      errors++;
      ret = err;
    }
  }
  k.printk(
    errors
      ? `kprobes: Kprobes globally enabled, but failed to enable ${errors} out of ${k.w.kprobes.length} probes. Please check which kprobes are kept disabled via debugfs.`
      : 'kprobes: Kprobes globally enabled',
  );
  return ret;
}
