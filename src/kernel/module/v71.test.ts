/**
 * The v7.1 module loader and kmod (kernel/module/main.c, kernel/module/kmod.c, kmod 34.2) where it
 * differs from v5.5: the idempotent finit_module() keyed on the file, module_patient_check_exists()
 * without retry, taints after add_unformed_module(), do_init_module()'s -EEXIST override and
 * one-line warning, request_module()'s semaphore and -ENOENT, rmmod's two lines.
 */
import { describe, expect, it } from 'vitest';
import { dmesg, out, runIn, scn, taskOf } from '../../test/helpers';
import { worldAt } from '../../engine/replay';
import { waitForGraph } from '../../sim/waitFor';
import { explainWait } from '../../sim/explainWait';
import { killableTasks, killEffect } from '../../sim/kill';
import { seedLocationOf, seedMoveOf } from '../../rules/seed';
import { fileIdentity } from '../../rules/names';
import { getPreset } from '../../presets/index';
import type { ModuleSpec } from '../../model/scenario';

const slow = (init: ModuleSpec['init']): ModuleSpec => ({ name: 'slow', init });

describe('finit_module() -> idempotent_init_module() (v6.5+)', () => {
  it('a second finit_module() of the same file waits for the first and returns its result: 0, not -EEXIST', () => {
    const t = runIn(
      'v7.1',
      scn({
        modules: [slow([{ sleep: 10 }, { print: 'slow_init' }])],
        tasks: [
          { id: 'T1', commands: ['insmod /lib/modules/7.1.0/extra/slow.ko'] },
          { id: 'T2', start: 1, commands: ['modprobe slow', 'cat /sys/module/slow/initstate'] },
        ],
      }),
    );
    expect(t.outcome.kind).toBe('ok');
    expect(out(t)).toEqual(['live']);
    const w = worldAt(t, t.steps.findIndex((s) => s.label === 'T2' && s.kind === 'block'));
    expect(taskOf(w, 'T2').wait).toMatchObject({ kind: 'completion', fn: 'idempotent_wait_for_completion', name: '/lib/modules/7.1.0/extra/slow.ko' });
    const g = waitForGraph(w);
    expect(g.edges).toContainEqual(expect.objectContaining({ from: taskOf(w, 'T2').pid, to: taskOf(w, 'T1').pid, wid: 'W5', timed: false }));
  });

  it('another file of the same name is no idempotent waiter: it waits in module_patient_check_exists() and gets -EEXIST', () => {
    const t = runIn(
      'v7.1',
      scn({
        modules: [slow([{ sleep: 10 }])],
        tasks: [{ id: 'T1', commands: ['modprobe slow'] }, { id: 'T2', start: 1, commands: ['insmod ./build/../slow.ko'] }],
      }),
    );
    expect(out(t)).toEqual(['insmod: ERROR: could not insert module ./build/../slow.ko: File exists']);
    expect(t.steps.some((s) => s.label === 'T2' && s.kind === 'call' && s.fn === 'idempotent_wait_for_completion')).toBe(false);
    expect(t.steps.some((s) => s.label === 'T2' && s.kind === 'call' && s.fn === 'early_mod_check')).toBe(true);
  });

  it('paths name files: relative insmod paths are resolved against the working directory', () => {
    expect(fileIdentity('./build/../slow.ko')).toBe('/root/slow.ko');
    expect(fileIdentity('/lib/modules/7.1.0/extra//slow.ko')).toBe('/lib/modules/7.1.0/extra/slow.ko');
  });

  it('a signal ends the wait with -EINTR; the waiter dies, the first load goes on', () => {
    const t = runIn(
      'v7.1',
      scn({
        modules: [slow([{ sleep: 10 }, { print: 'slow_init' }])],
        tasks: [{ id: 'T1', commands: ['modprobe slow'] }, { id: 'T2', start: 1, commands: ['modprobe slow'] }, { id: 'K', start: 2, commands: ['kill T2'] }],
      }),
    );
    const w = worldAt(t, t.steps.findIndex((s) => s.label === 'K' && s.kind === 'call'));
    expect(killEffect(taskOf(w, 'T2'), w)).toBe('T2 stops waiting in idempotent_wait_for_completion() (-EINTR) and dies; T1 goes on loading the file.');
    expect(taskOf(t, 'T2').signal).toBe(15);
    expect(dmesg(t)).toEqual(['slow: slow_init']);
    expect(t.final.idem).toEqual([]);
    expect(t.outcome.failures).toEqual([{ task: 'T2', command: 'modprobe slow', exit: 143 }]);
  });

  it('v5.5 has no such layer: the second modprobe waits in add_unformed_module() and gets -EEXIST (success)', () => {
    const t = runIn(
      'upstream',
      scn({ modules: [slow([{ sleep: 10 }])], tasks: [{ id: 'T1', commands: ['modprobe slow'] }, { id: 'T2', start: 1, commands: ['modprobe slow'] }] }),
    );
    expect(t.outcome.kind).toBe('ok');
    expect(t.steps.some((s) => s.kind === 'call' && s.fn === 'idempotent_init_module')).toBe(false);
  });
});

describe('module_patient_check_exists() (v6.2 no retry, v6.4 early_mod_check())', () => {
  it('a GOING module is not waited for: -EBUSY at once (v5.5 waited and loaded it again)', () => {
    const s = scn({
      modules: [{ name: 'g', init: [{ print: 'g_init' }], exit: [{ sleep: 5 }, { print: 'g_exit' }] }],
      tasks: [{ id: 'T1', commands: ['modprobe g', 'rmmod g'] }, { id: 'T2', start: 1, commands: ['insmod g.ko'] }],
    });
    expect(out(runIn('v7.1', s))).toEqual(['insmod: ERROR: could not insert module g.ko: Device or resource busy']);
    expect(dmesg(runIn('upstream', s))).toEqual(['g: g_init', 'g: g_exit', 'g: g_init']);
  });
});

describe('taints, do_init_module() and request_module() on v7.1', () => {
  const lp = { name: 'lp', objects: [{ name: 'vmlinux', funcs: ['cmdline_proc_show'] }] };

  it('TAINT_LIVEPATCH is printed only once the module is in the list: a refused duplicate prints nothing (v5.5 printed it first)', () => {
    const s = scn({ livepatches: [lp], tasks: [{ commands: ['modprobe lp', 'insmod lp.ko'] }] });
    expect(dmesg(runIn('v7.1', s))[0]).toBe('lp: tainting kernel with TAINT_LIVEPATCH');
    expect(dmesg(runIn('v7.1', s)).filter((l) => l.includes('TAINT_LIVEPATCH'))).toHaveLength(1);
    expect(out(runIn('v7.1', s))).toEqual(['insmod: ERROR: could not insert module lp.ko: File exists']);
  });

  it('an init returning -EEXIST fails the load with -EBUSY (v7.1 "module: Override -EEXIST module return")', () => {
    const s = scn({ modules: [{ name: 'e', init: [{ return: 'EEXIST' }] }], tasks: [{ commands: ['modprobe e'] }] });
    expect(out(runIn('v7.1', s))).toEqual(["modprobe: ERROR: could not insert 'e': Device or resource busy"]);
    // v5.5: kmod takes -EEXIST for "already loaded": modprobe succeeds although nothing is loaded.
    expect(out(runIn('upstream', s))).toEqual([]);
  });

  it('an init returning a positive value: one line without a stack dump (v7.1), two lines before', () => {
    const s = scn({ modules: [{ name: 'p', init: [{ return: 3 }] }], tasks: [{ commands: ['modprobe p'] }] });
    expect(dmesg(runIn('v7.1', s))).toEqual(['p: init suspiciously returned 3, it should follow 0/-E convention']);
    expect(dmesg(runIn('upstream', s))).toEqual(["do_init_module: 'p'->init suspiciously returned 3, it should follow 0/-E convention", 'do_init_module: loading module anyway...']);
  });

  it('request_module() with an empty modprobe path returns -ENOENT (v5.7), silently', () => {
    const s = scn({
      modules: [{ name: 'r', init: [{ request_module: 'x' }, { print: 'requested' }] }],
      tasks: [{ commands: ['echo > /proc/sys/kernel/modprobe', 'modprobe r'] }],
    });
    const t = runIn('v7.1', s);
    const ret = t.steps.find((s2) => s2.kind === 'ret' && s2.fn === 'request_module');
    expect(ret?.text).toContain('request_module() = -ENOENT');
    expect(dmesg(t)).toEqual(['r: requested']);
  });

  it('rmmod of kmod 34.2 prints libkmod\'s line and its own when delete_module() fails', () => {
    const s = scn({ modules: [{ name: 'perm', init: [{ print: 'perm_init' }], exit: null }], tasks: [{ commands: ['modprobe perm', 'rmmod perm'] }] });
    expect(out(runIn('v7.1', s))).toEqual(["rmmod: ERROR: could not remove 'perm': Device or resource busy", 'rmmod: ERROR: could not remove module perm: Device or resource busy']);
    expect(out(runIn('upstream', s))).toEqual(['rmmod: ERROR: could not remove module perm: Device or resource busy']);
  });
});

describe('where the seed recursions block on v7.1-split-poc19', () => {
  it('situation 2: H1 sleeps in idempotent_wait_for_completion(), location i moved; a signal ends it; the explanation says why 19/23 is not reached', () => {
    const t = runIn('v7.1-split-poc19', getPreset('P10')!.scenario);
    expect(t.outcome).toMatchObject({ kind: 'deadlock', location: 'idempotent_wait_for_completion', seedLocation: 'i' });
    const w = worldAt(t, t.steps.length - 1);
    const h1 = taskOf(w, 'H1');
    expect(h1.wait).toMatchObject({ fn: 'idempotent_wait_for_completion', killable: true, pid: taskOf(w, 'U1').pid });
    expect(killableTasks(w).map((x) => x.label)).toEqual(['U1', 'H1']);
    expect(killEffect(h1, w)).toBe('H1 dies → request_module("lp__M") in U1 returns its signal status → the module load that asked for it fails.');
    // Killing U1 instead: H1 is handed U1's failed load, it does not retry (v5.5: one level deeper).
    expect(killEffect(taskOf(w, 'U1'), w)).toBe("U1 dies and its load is unwound; H1 is handed that load's error by idempotent_complete() → its modprobe fails, no deeper recursion.");
    const edge = waitForGraph(w).edges.find((e) => e.from === h1.pid)!;
    const x = explainWait(edge, 'U1');
    expect(x.location).toBe('i');
    expect(x.title).toContain('location (i), moved (v6.5+)');
    expect(x.why).toContain("add_unformed_module() and 19/23's klp_break_recursion() are never reached");
    // The step where H1 goes to sleep says so too.
    const blockStep = t.steps.find((s) => s.label === 'H1' && s.kind === 'block')!;
    expect(blockStep.text).toContain('klp_break_recursion() (19/23) are never reached');
    expect(seedLocationOf('idempotent_wait_for_completion')).toBe('i');
    expect(seedMoveOf('module_patient_check_exists')?.since).toBe('v6.4');
  });
});
