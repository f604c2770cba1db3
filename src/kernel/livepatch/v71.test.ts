/**
 * The livepatch core where v7.1 (and v5.10 where that kernel behaves so) differs from what the
 * playground modelled for v5.5: atomic replace's nops, the sysfs attributes of 6.1/6.11/6.14,
 * force since 5.18, kstrtobool since 5.19, the vmlinux.ko check since 5.8.
 */
import { describe, expect, it } from 'vitest';
import { bareCtx, dmesg, logLine, out, runIn, scn } from '../../test/helpers';
import { klp_module_coming } from './core';
import { fileMode, readFile } from '../../sim/files';
import { worldAt } from '../../engine/replay';
import type { VariantId } from '../../model/variant';
import { MODULE_STATE_STRING } from './callbacks';

const cmdline = { name: 'lp1', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }] };
const meminfoReplace = { name: 'lp2', replace: true, objects: [{ name: 'vmlinux', funcs: ['meminfo_proc_show'] }] };

describe('atomic replace: nops run the original code (klp_add_nops(), klp_ftrace_handler())', () => {
  for (const v of ['upstream', 'v7.1'] as VariantId[]) {
    it(`[${v}] during the replace transition the nop is the top of cmdline_proc_show's func_stack: /proc/cmdline reads the original; after it, the nop is gone`, () => {
      // T1 sits in meminfo_proc_show, so lp2's transition cannot complete until it leaves (10 s).
      const t = runIn(
        v,
        scn({
          livepatches: [cmdline, meminfoReplace],
          tasks: [
            { id: 'U1', start: 1, commands: ['modprobe lp1', 'cat /proc/cmdline', 'modprobe lp2', 'cat /proc/cmdline', 'cat /sys/kernel/livepatch/lp2/transition', 'sleep 20', 'cat /proc/cmdline', 'cat /proc/meminfo'] },
            { id: 'T1', commands: ['busy meminfo_proc_show 10'] },
          ],
        }),
      );
      const original = `BOOT_IMAGE=/boot/vmlinuz-${v === 'v7.1' ? '7.1.0' : '5.5.0'} root=/dev/vda1 ro console=ttyS0`;
      expect(out(t)).toEqual(['lp1: this has been live patched', original, '1', original, 'lp2: this has been live patched']);
      // The replace's vmlinux object has the nop, not a function of its own.
      const mid = t.steps.findIndex((s) => s.out?.some((o) => o.text === '1'));
      const w = worldAt(t, mid);
      const vmlinux = w.klp.patches.find((p) => p.name === 'lp2')!.objects[0];
      expect(vmlinux.funcs).toEqual(['meminfo_proc_show']);
      expect(vmlinux.nops).toEqual(['cmdline_proc_show']);
      expect(readFile(w, '/sys/kernel/livepatch/lp2/vmlinux/cmdline_proc_show,1')).toBe('');
      expect(t.final.klp.patches.map((p) => p.name)).toEqual(['lp2']);
      expect(t.final.klp.patches[0].objects[0].nops).toBeUndefined();
    });
  }

  it('a replaced module object becomes a dynamic object of the replacing patch, with its own sysfs directory', () => {
    const t = runIn(
      'v7.1',
      scn({
        modules: [{ name: 'M', exports: ['m_fn'] }],
        livepatches: [
          { name: 'lp1', objects: [{ name: 'vmlinux' }, { name: 'M', funcs: ['m_fn'] }] },
          { name: 'lp2', replace: true, objects: [{ name: 'vmlinux', funcs: ['meminfo_proc_show'] }] },
        ],
        tasks: [{ id: 'U1', commands: ['modprobe M', 'modprobe lp1', 'busy m_fn 5'] }, { id: 'U2', start: 1, commands: ['modprobe lp2'] }],
      }),
    );
    // While U1 sits in m_fn the replace cannot finish: lp2/M exists, patched, with the nop m_fn.
    const i = t.steps.findIndex((s) => s.label === 'U2' && s.kind === 'exit');
    const w = worldAt(t, i);
    expect(readFile(w, '/sys/kernel/livepatch/lp2/M/patched')).toBe('1');
    expect(fileMode(w, '/sys/kernel/livepatch/lp2/M')).toBe('drwxr-xr-x');
    expect(fileMode(w, '/sys/kernel/livepatch/lp2/M/m_fn,1')).toBe('drwxr-xr-x');
    expect(readFile(t.final, '/sys/kernel/livepatch/lp2/M')).toBeNull();
  });
});

describe('/sys/kernel/livepatch/<patch>/ attributes', () => {
  const two = scn({
    livepatches: [cmdline, { name: 'lp2', objects: [{ name: 'vmlinux', funcs: ['meminfo_proc_show'] }] }],
    tasks: [{ commands: ['modprobe lp1', 'modprobe lp2'] }],
  });

  it('v7.1: replace (6.11) and stack_order (6.14), 0444; stack_order is the position on klp_patches', () => {
    const w = runIn('v7.1', two).final;
    expect(readFile(w, '/sys/kernel/livepatch/lp1/stack_order')).toBe('1');
    expect(readFile(w, '/sys/kernel/livepatch/lp2/stack_order')).toBe('2');
    expect(readFile(w, '/sys/kernel/livepatch/lp2/replace')).toBe('0');
    expect(fileMode(w, '/sys/kernel/livepatch/lp2/replace')).toBe('-r--r--r--');
    expect(fileMode(w, '/sys/kernel/livepatch/lp2/force')).toBe('--w-------');
    expect(fileMode(w, '/sys/kernel/livepatch/lp2/enabled')).toBe('-rw-r--r--');
    expect(fileMode(w, '/sys/kernel/livepatch/lp2/')).toBe('drwxr-xr-x');
    expect(fileMode(w, '/sys/kernel/livepatch/lp2/vmlinux')).toBe('drwxr-xr-x');
  });

  it('v5.5 has neither replace nor stack_order', () => {
    const w = runIn('upstream', two).final;
    expect(readFile(w, '/sys/kernel/livepatch/lp1/stack_order')).toBeNull();
    expect(readFile(w, '/sys/kernel/livepatch/lp1/replace')).toBeNull();
    expect(readFile(w, '/sys/kernel/livepatch/lp1/vmlinux/patched')).toBe('1');
  });

  it('an int `replace` parameter: any non-zero value makes the patch cumulative (patch.replace = replace)', () => {
    const lp = { name: 'lp', params: { replace: { type: 'int' as const, default: '0' } }, objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }] };
    expect(readFile(runIn('v7.1', scn({ livepatches: [lp], tasks: [{ commands: ['modprobe lp replace=2'] }] })).final, '/sys/kernel/livepatch/lp/replace')).toBe('1');
    expect(readFile(runIn('v7.1', scn({ livepatches: [lp], tasks: [{ commands: ['modprobe lp replace=0'] }] })).final, '/sys/kernel/livepatch/lp/replace')).toBe('0');
  });
});

describe('force', () => {
  // T1 sits in cmdline_proc_show: lp's patching transition hangs until forced.
  const forced = (v: VariantId) =>
    runIn(
      v,
      scn({
        livepatches: [cmdline],
        tasks: [
          { id: 'T1', commands: ['busy cmdline_proc_show 100'] },
          { id: 'U1', start: 1, commands: ['modprobe lp1', 'echo 1 > /sys/kernel/livepatch/lp1/force', 'sleep 2', 'echo 0 > /sys/kernel/livepatch/lp1/enabled', 'sleep 2', 'rmmod lp1'] },
        ],
      }),
    );

  it('v5.17 and before: every patch on the list is marked forced, so the module can never be removed', () => {
    expect(out(forced('upstream')).at(-1)).toBe('rmmod: ERROR: Module lp1 is in use');
  });

  it('v5.18+: forcing a patching transition marks nothing; after the disable the module can be removed', () => {
    const t = forced('v7.1');
    expect(dmesg(t)).toContain('livepatch: forcing remaining tasks to the patched state');
    expect(out(t)).toEqual([]);
    expect(t.final.modules).toEqual([]);
  });

  // klp_force_transition() (v5.18+): `if (klp_target_state == KLP_UNPATCHED)
  // klp_transition_patch->forced = true;` so klp_free_patch_finish() keeps the module reference.
  /** T1 sits in cmdline_proc_show from `busyAt` s; U1 loads lp1 at `loadAt` s, writes 0 to enabled at 2 s, then forces. */
  const removing = (busyAt: number, loadAt: number) =>
    runIn(
      'v7.1',
      scn({
        livepatches: [cmdline],
        tasks: [
          { id: 'T1', start: busyAt, commands: ['busy cmdline_proc_show 100'] },
          { id: 'U1', start: loadAt, commands: ['modprobe lp1', `sleep ${2 - loadAt}`, 'echo 0 > /sys/kernel/livepatch/lp1/enabled', 'echo 1 > /sys/kernel/livepatch/lp1/force', 'sleep 2', 'cat /sys/kernel/livepatch/lp1/enabled', 'rmmod lp1'] },
        ],
      }),
      { maxSteps: 500 },
    );
  const FREED_KEPT = ['cat: /sys/kernel/livepatch/lp1/enabled: No such file or directory', 'rmmod: ERROR: Module lp1 is in use'];

  it('v5.18+: forcing an unpatching transition marks the patch: once freed, its module can never be removed', () => {
    // T1 sits in the new cmdline_proc_show: the removal hangs until forced.
    const t = removing(1, 0);
    expect(dmesg(t)).toContain("livepatch: 'lp1': unpatching complete");
    expect(out(t)).toEqual(FREED_KEPT);
  });

  it('v5.18+: so does forcing a patching transition reversed to unpatching', () => {
    // T1 sits in the original cmdline_proc_show: the patching hangs, and writing 0 reverses it.
    const t = removing(0, 1);
    expect(dmesg(t)).toContain("livepatch: 'lp1': reversing transition from patching to unpatching");
    expect(out(t)).toEqual(FREED_KEPT);
  });

  // v5.18 klp_force_transition(): klp_update_patch_state() on every task, whatever the patch;
  // only the marking of `forced` (module_put() skipped when the patch is freed) changed.
  const lp2 = (replace: boolean) => ({ name: 'lp2', replace, objects: [{ name: 'vmlinux', funcs: ['meminfo_proc_show'] }] });
  const underLp2 = (replace: boolean, ...commands: string[]) =>
    runIn(
      'v7.1',
      scn({
        livepatches: [cmdline, lp2(replace)],
        // T1 sits in meminfo_proc_show: lp2's patching transition hangs until forced.
        tasks: [{ id: 'T1', commands: ['busy meminfo_proc_show 100'] }, { id: 'U1', start: 1, commands: ['modprobe lp1', 'modprobe lp2', 'echo 1 > /sys/kernel/livepatch/lp2/force', ...commands] }],
      }),
    );

  it('v5.18+: a forced patching transition completes at the next retry, and marks no other patch: lp1 can still be removed', () => {
    const t = underLp2(false, 'sleep 2', 'echo 0 > /sys/kernel/livepatch/lp1/enabled', 'sleep 2', 'rmmod lp1', 'lsmod');
    expect(logLine(t, "livepatch: 'lp2': patching complete").time).toBe(2000);
    expect(out(t)).toEqual(['Module                  Size  Used by', 'lp2                    16384  1']);
  });

  it('v5.18+: forcing a replace marks the patches it replaces, not itself: lp1 stays forever, lp2 can be removed', () => {
    const t = underLp2(true, 'sleep 2', 'rmmod lp1', 'echo 0 > /sys/kernel/livepatch/lp2/enabled', 'sleep 2', 'rmmod lp2', 'lsmod');
    expect(logLine(t, "livepatch: 'lp2': patching complete").time).toBe(2000);
    expect(out(t)).toEqual(['rmmod: ERROR: Module lp1 is in use', 'Module                  Size  Used by', 'lp1                    16384  1']);
  });
});

describe('kstrtobool() and the vmlinux.ko check', () => {
  const boolMod = { name: 'b', params: { on: { type: 'bool' as const, default: 'N' } }, init: [{ print: 'b_init' }] };

  it('v5.19+: "true" is a bool; v5.5: parse_args() refuses it and the load fails', () => {
    expect(out(runIn('v7.1', scn({ modules: [boolMod], tasks: [{ commands: ['insmod b.ko on=true', 'cat /sys/module/b/parameters/on'] }] })))).toEqual(['true']);
    const old = runIn('upstream', scn({ modules: [boolMod], tasks: [{ commands: ['insmod b.ko on=true'] }] }));
    expect(dmesg(old)).toEqual(["b: `true' invalid for parameter `on'"]);
    expect(out(old)).toEqual(['insmod: ERROR: could not insert module b.ko: Invalid parameters']);
    expect(old.final.modules).toEqual([]);
  });

  it('v5.8+: a module named vmlinux is refused by klp_module_coming()', () => {
    // Scenarios cannot name a module vmlinux (in them, a livepatch object of that name is the
    // kernel), so the check is driven directly with a COMING instance of that name.
    for (const [v, refused] of [['v7.1', true], ['upstream', false]] as const) {
      const { k, w } = bareCtx(scn({ tasks: [{ commands: [] }] }), v);
      w.modules.push({ id: 1, inst: 1, name: 'vmlinux', state: 'MODULE_STATE_COMING', refcnt: 2, holders: [], uses: [], klp: false, klpAlive: false, owner: k.task.pid, sysfs: false, params: {}, permanent: false, work: null });
      const op = klp_module_coming.start(k, { mod: 1 });
      if (refused) {
        expect(op).toEqual({ op: 'ret', value: -22 });
        expect(dmesg(w)).toEqual(['livepatch: vmlinux.ko: invalid module name']);
      } else {
        expect(op.op).not.toBe('ret');
        expect(dmesg(w)).toEqual([]);
      }
    }
  });
});

describe('test_klp_callbacks_demo.c module_state[]', () => {
  it('reads as the C source spells it, UNFORMED included (klp never sees an UNFORMED module, so no run prints it)', () => {
    expect(MODULE_STATE_STRING).toEqual({
      MODULE_STATE_LIVE: '[MODULE_STATE_LIVE] Normal state',
      MODULE_STATE_COMING: '[MODULE_STATE_COMING] Full formed, running module_init',
      MODULE_STATE_GOING: '[MODULE_STATE_GOING] Going away',
      MODULE_STATE_UNFORMED: '[MODULE_STATE_UNFORMED] Still setting it up',
    });
  });
});
