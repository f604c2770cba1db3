/**
 * kernel/kprobes.c with a livepatch on the same function (selftest test-kprobe.sh): a kprobe with
 * a post_handler is armed through the IPMODIFY kprobe_ipmodify_ops, and only one IPMODIFY
 * ftrace_ops may own a function, so whoever comes second gets -EBUSY from
 * register_ftrace_function(); without a post_handler it uses kprobe_ftrace_ops and coexists.
 * /sys/kernel/debug/kprobes/enabled arms and disarms them all (arm_all_kprobes(),
 * disarm_all_kprobes()).
 */
import { describe, expect, it } from 'vitest';
import type { LivepatchSpec, ModuleSpec } from '../model/scenario';
import { bareCtx, dmesg, out, runIn, scn } from '../test/helpers';
import { register_kprobe, unregister_kprobe } from './kprobes';
import type { Trace } from '../model/trace';

/** test_modules/test_klp_kprobe.c: a kprobe on cmdline_proc_show, with a post_handler unless has_post_handler=N. */
const kprobeMod: ModuleSpec = { name: 'test_klp_kprobe', model: 'test_klp_kprobe', params: { has_post_handler: { type: 'bool', default: 'Y' } } };
/** test_klp_livepatch.c: livepatch_cmdline_proc_show() replaces cmdline_proc_show(). */
const lp: LivepatchSpec = { name: 'test_klp_livepatch', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }] };
const PATCHED = 'test_klp_livepatch: this has been live patched';
const KPROBE_EBUSY = 'Failed to register kprobe-ftrace (error -16)';
const LP_EBUSY = "livepatch: failed to register ftrace handler for function 'cmdline_proc_show' (-16)";
const ENABLE = 'echo 1 > /sys/kernel/debug/kprobes/enabled';
const DISABLE = 'echo 0 > /sys/kernel/debug/kprobes/enabled';

const runV71 = (...commands: string[]) => runIn('v7.1', scn({ modules: [kprobeMod], livepatches: [lp], tasks: [{ commands }] }));
/** The text of the step that ran the kprobe module's init (register_kprobe()'s note is there). */
const initStep = (t: Trace) => t.steps.find((s) => s.text.includes('kprobe_init() ='))!.text;

describe('register_kprobe() on a livepatched function (__arm_kprobe_ftrace())', () => {
  it('with a post_handler: the IPMODIFY ops cannot be registered, the WARN line is printed and init fails with -EBUSY', () => {
    const t = runV71('modprobe test_klp_livepatch', 'modprobe test_klp_kprobe', 'cat /proc/cmdline');
    // __arm_kprobe_ftrace(): WARN(ret < 0, "Failed to register kprobe-ftrace (error %d)\n", ret)
    expect(dmesg(t).at(-1)).toBe(KPROBE_EBUSY);
    expect(out(t)).toEqual(["modprobe: ERROR: could not insert 'test_klp_kprobe': Device or resource busy", PATCHED]);
    expect(initStep(t)).toContain('kprobe_init() = -EBUSY');
    expect(t.final.kprobes).toEqual([]);
  });

  it('without a post_handler: kprobe_ftrace_ops (no IPMODIFY) share the function with the livepatch', () => {
    const t = runV71('modprobe test_klp_livepatch', 'modprobe test_klp_kprobe has_post_handler=N', 'cat /proc/cmdline');
    expect(dmesg(t)).not.toContain(KPROBE_EBUSY);
    expect(out(t)).toEqual([PATCHED]);
    expect(initStep(t)).toContain('kprobe on cmdline_proc_show registered by test_klp_kprobe; kprobe_init() = 0');
    expect(t.final.kprobes).toEqual([{ fn: 'cmdline_proc_show', owner: 'test_klp_kprobe', postHandler: false, armed: true }]);
  });

  it('a kprobe with a post_handler armed first makes the livepatch fail instead (klp_patch_func(): -EBUSY)', () => {
    const t = runV71('modprobe test_klp_kprobe', 'modprobe test_klp_livepatch', 'cat /proc/cmdline');
    expect(initStep(t)).toContain('kprobe on cmdline_proc_show registered by test_klp_kprobe with a post_handler (IPMODIFY); kprobe_init() = 0');
    expect(dmesg(t)).toContain(LP_EBUSY);
    expect(out(t)[0]).toBe("modprobe: ERROR: could not insert 'test_klp_livepatch': Device or resource busy");
    // The timeline says who owns the function.
    const failed = t.steps.find((s) => s.dmesg?.includes(LP_EBUSY))!;
    expect(failed.text).toContain('cmdline_proc_show has an armed kprobe with a post_handler (test_klp_kprobe): its IPMODIFY ftrace_ops own the function');
  });

  it('while kprobes are disabled register_kprobe() does not arm: a kprobe with a post_handler registers on a livepatched function', () => {
    // register_kprobe(): arm_kprobe() only if !kprobes_all_disarmed.
    const t = runV71(DISABLE, 'modprobe test_klp_livepatch', 'modprobe test_klp_kprobe', 'cat /proc/cmdline');
    expect(dmesg(t)).not.toContain(KPROBE_EBUSY);
    expect(out(t)).toEqual([PATCHED]);
    expect(t.final.kprobes).toEqual([{ fn: 'cmdline_proc_show', owner: 'test_klp_kprobe', postHandler: true, armed: false }]);
  });

  it('unregister_kprobe() (the module exit) gives the function back: the livepatch then loads', () => {
    const t = runV71('modprobe test_klp_kprobe', 'rmmod test_klp_kprobe', 'modprobe test_klp_livepatch', 'cat /proc/cmdline');
    expect(dmesg(t)).not.toContain(LP_EBUSY);
    expect(out(t)).toEqual([PATCHED]);
    expect(t.final.kprobes).toEqual([]);
  });

  it('unregister_kprobe() removes only the kprobes of its owner', () => {
    const { k } = bareCtx(scn({ tasks: [{ commands: [] }] }), 'v7.1');
    expect(register_kprobe(k, 'a', 'cmdline_proc_show', true)).toBe(0);
    expect(register_kprobe(k, 'b', 'meminfo_proc_show', false)).toBe(0);
    unregister_kprobe(k, 'a');
    expect(k.w.kprobes).toEqual([{ fn: 'meminfo_proc_show', owner: 'b', postHandler: false, armed: true }]);
  });

  it("only a patched object's functions are owned: a module object's function is free until the module loads (klp_patch_object())", () => {
    const M: ModuleSpec = { name: 'M', exports: ['m_fn'] };
    const two: LivepatchSpec = { name: 'lp', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }, { name: 'M', funcs: ['m_fn'] }] };
    const s = (commands: string[]) => scn({ modules: [M], livepatches: [two], tasks: [{ commands }] });
    const { k } = bareCtx(s([]), 'v7.1');
    k.w = runIn('v7.1', s(['modprobe lp'])).final;
    expect(register_kprobe(k, 'kp', 'm_fn', true)).toBe(0);
    // vmlinux's object is patched though M's is not: cmdline_proc_show is owned.
    expect(register_kprobe(k, 'kp2', 'cmdline_proc_show', true)).toBe(-16);
    expect(dmesg(k.w).at(-1)).toBe(KPROBE_EBUSY);
    k.w = runIn('v7.1', s(['modprobe lp', 'modprobe M'])).final;
    expect(register_kprobe(k, 'kp', 'm_fn', true)).toBe(-16);
  });
});

describe('/sys/kernel/debug/kprobes/enabled (write_enabled_file_bool())', () => {
  it('a kprobe registered while kprobes are disabled is not armed: the livepatch loads; enabling then fails to arm it, -EBUSY', () => {
    const t = runV71(DISABLE, 'modprobe test_klp_kprobe', 'modprobe test_klp_livepatch', 'cat /proc/cmdline', ENABLE, 'cat /sys/kernel/debug/kprobes/enabled', 'cat /proc/cmdline');
    expect(initStep(t)).toContain('kprobe on cmdline_proc_show registered by test_klp_kprobe with a post_handler (IPMODIFY), not armed (kprobes disabled); kprobe_init() = 0');
    expect(dmesg(t)).not.toContain(LP_EBUSY);
    // arm_all_kprobes(): best effort; the error is returned, kprobes are enabled all the same.
    expect(dmesg(t)[0]).toBe('kprobes: Kprobes globally disabled');
    expect(dmesg(t).slice(-3)).toEqual([
      "livepatch: 'test_klp_livepatch': patching complete",
      KPROBE_EBUSY,
      'kprobes: Kprobes globally enabled, but failed to enable 1 out of 1 probes. Please check which kprobes are kept disabled via debugfs.',
    ]);
    expect(out(t)).toEqual([PATCHED, 'sh: echo: write error: Device or resource busy', '1', PATCHED]);
    expect(t.final.kprobes).toEqual([{ fn: 'cmdline_proc_show', owner: 'test_klp_kprobe', postHandler: true, armed: false }]);
  });

  it('disabling disarms: the livepatch loads; enabling again re-arms the kprobes that can be armed', () => {
    const t = runV71('modprobe test_klp_kprobe has_post_handler=N', DISABLE, 'modprobe test_klp_livepatch', ENABLE);
    expect(dmesg(t)).toContain('kprobes: Kprobes globally disabled');
    expect(dmesg(t).at(-1)).toBe('kprobes: Kprobes globally enabled');
    expect(out(t)).toEqual([]);
    expect(t.final.kprobes).toEqual([{ fn: 'cmdline_proc_show', owner: 'test_klp_kprobe', postHandler: false, armed: true }]);
  });

  it('a disarmed kprobe with a post_handler is armed again on enable: a livepatch loaded after that gets -EBUSY', () => {
    const t = runV71('modprobe test_klp_kprobe', DISABLE, ENABLE, 'modprobe test_klp_livepatch');
    expect(dmesg(t)).toContain(LP_EBUSY);
    expect(t.final.kprobes[0].armed).toBe(true);
  });

  it('a write of the current state does nothing: arm_all_kprobes()/disarm_all_kprobes() return at once', () => {
    const t = runV71('modprobe test_klp_kprobe', ENABLE, DISABLE, DISABLE, 'modprobe test_klp_livepatch', ENABLE);
    expect(dmesg(t).filter((l) => l.startsWith('kprobes:') || l === KPROBE_EBUSY)).toEqual([
      'kprobes: Kprobes globally disabled',
      KPROBE_EBUSY,
      'kprobes: Kprobes globally enabled, but failed to enable 1 out of 1 probes. Please check which kprobes are kept disabled via debugfs.',
    ]);
    expect(out(t)).toEqual(['sh: echo: write error: Device or resource busy']);
  });
});
