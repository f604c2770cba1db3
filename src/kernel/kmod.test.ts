/**
 * kernel/kmod.c request_module() (the v4.13-v5.7 text): empty modprobe path, name
 * length, the usermode helper and its raw wait status.
 */
import { describe, expect, it } from 'vitest';
import { request_module } from './kmod';
import { MODULE_NAME_LEN, MAX_KMOD_CONCURRENT } from '../rules/limits';
import { bareCtx, dmesg, logLine, out, perTest, runIn, scn, taskOf } from '../test/helpers';
import type { ModuleSpec, TaskSpec } from '../model/scenario';
import type { Op } from '../sim/ops';
import { worldAt } from '../engine/replay';
import { waitForGraph } from '../sim/waitFor';

const empty = scn({ tasks: [{ commands: [] }] });

function startWith(name: string, modprobePath = '/sbin/modprobe'): Op {
  const { k, w } = bareCtx(empty);
  w.modprobePath = modprobePath;
  return request_module.start(k, { name });
}

describe('__request_module() argument checks', () => {
  it('an empty /proc/sys/kernel/modprobe returns 0 at once (auto-loading disabled)', () => {
    expect(startWith('lp__M', '')).toEqual({ op: 'ret', value: 0 });
  });

  it(`a name of MODULE_NAME_LEN (${MODULE_NAME_LEN}) characters or more is -ENAMETOOLONG`, () => {
    expect(startWith('x'.repeat(56))).toEqual({ op: 'ret', value: -36 });
    expect(startWith('x'.repeat(80))).toEqual({ op: 'ret', value: -36 });
  });

  it('55 characters still fit (vsnprintf returns 55 < 56)', () => {
    expect(startWith('x'.repeat(55))).toEqual({ op: 'next', pc: 'slot' });
  });

  it('starts with the 50 kmod_concurrent_max slots', () => {
    expect(MAX_KMOD_CONCURRENT).toBe(50);
    expect(bareCtx(empty).w.kmodSlots).toBe(50);
  });
});

describe('call_usermodehelper: the helper and its wait status', () => {
  function reaped(helper: { exitCode: number | null; signal: number | null }): Op {
    const { k, w } = bareCtx(scn({ tasks: [{ commands: [] }, { commands: [] }] }));
    const h = w.tasks[1];
    Object.assign(h, { status: 'exited', ...helper });
    w.kmodSlots = 49;
    const op = request_module.reaped(k, { name: 'lp__M', helper: h.pid });
    expect(w.kmodSlots).toBe(50); // the slot is released when it returns
    return op;
  }

  it('modprobe exit 0 -> 0', () => expect(reaped({ exitCode: 0, signal: null })).toEqual({ op: 'ret', value: 0 }));
  it('modprobe exit 1 -> 256 (exit code << 8)', () => expect(reaped({ exitCode: 1, signal: null })).toEqual({ op: 'ret', value: 256 }));
  it('helper killed by signal 9 -> 9', () => expect(reaped({ exitCode: 9, signal: 9 })).toEqual({ op: 'ret', value: 9 }));

  it('the helper is `/sbin/modprobe -q -- NAME`, a child of the requesting task, labelled H<n>', () => {
    const t = runIn(
      'split',
      scn({
        modules: [{ name: 'M', exports: ['m_fn'] }],
        livepatches: [{ name: 'lp', objects: [{ name: 'vmlinux' }, { name: 'M', funcs: ['m_fn'] }] }],
        tasks: [{ commands: ['modprobe M', 'modprobe lp'] }],
      }),
    );
    const h = taskOf(t, 'H1');
    expect([h.comm, h.argv, h.kind, h.parent, h.exitCode]).toEqual(['modprobe', '/sbin/modprobe -q -- lp__M', 'helper', taskOf(t, 'U1').pid, 0]);
  });
});

describe('a helper exiting 1 (wait status 256) fails the livepatch with -EINVAL (POC 10)', () => {
  // lp__M exports a symbol M already exports: its load fails with -ENOEXEC, modprobe -q exits 1.
  const s = scn({
    modules: [{ name: 'M', exports: ['m_fn'] }],
    livepatches: [{ name: 'lp', objects: [{ name: 'vmlinux' }, { name: 'M', funcs: ['m_fn'], exports: ['m_fn'] }] }],
    tasks: [{ commands: ['modprobe M', 'modprobe lp'] }],
  });

  for (const v of ['split', 'split-poc19'] as const) {
    it(`[${v}] Module load failed: lp__M, then modprobe: Invalid argument`, () => {
      const t = runIn(v, s);
      expect(dmesg(t)).toEqual([
        'lp: tainting kernel with TAINT_LIVEPATCH',
        'lp__M: exports duplicate symbol m_fn (owned by M)',
        'livepatch: Module load failed: lp__M',
      ]);
      // modprobe -q: the helper itself prints nothing.
      expect(out(t)).toEqual(["modprobe: ERROR: could not insert 'lp': Invalid argument"]);
      expect(taskOf(t, 'H1').exitCode).toBe(1);
      expect(t.steps.some((x) => x.label === 'U1' && x.text.includes('request_module() = 256'))).toBe(true);
      expect(t.final.modules.map((m) => m.name)).toEqual(['M']);
    });
  }
});

describe('an empty modprobe path in the split POC (kernel/README.md: the RFC loops in klp_module_coming())', () => {
  const s = scn({
    modules: [{ name: 'M', exports: ['m_fn'] }],
    livepatches: [{ name: 'lp', objects: [{ name: 'vmlinux' }, { name: 'M', funcs: ['m_fn'] }] }],
    tasks: [{ commands: ['echo > /proc/sys/kernel/modprobe', 'modprobe M', 'modprobe lp', 'cat /sys/kernel/livepatch/lp/enabled', 'cat /proc/sys/kernel/modprobe'] }],
  });

  it('klp_load_objects_livepatches() gets 0 without loading lp__M: the patch is enabled without its M object', () => {
    const t = runIn('split-poc19', s);
    expect(dmesg(t)).toContain("livepatch: 'lp': patching complete");
    expect(out(t)).toEqual(['1', '']);
    // The module list is newest first (list_add_rcu at the head).
    expect(t.final.modules.map((m) => m.name)).toEqual(['lp', 'M']);
    expect(t.final.tasks.filter((x) => x.kind === 'helper')).toEqual([]);
  });
});

describe('the kmod_concurrent_max throttle (W4): at most 50 helpers, a 5 s wait for a slot', () => {
  // 50 modules whose init runs request_module("slow") at t = 0 (slow's init takes 10 s, so each
  // helper keeps its slot), and a 51st at t = 1 s.
  const modules: ModuleSpec[] = [{ name: 'slow', init: [{ sleep: 10 }] }];
  const tasks: TaskSpec[] = [];
  for (let i = 1; i <= 51; i++) {
    modules.push({ name: `r${i}`, init: [{ request_module: 'slow' }, { print: 'done' }] });
    tasks.push({ id: `T${i}`, start: i === 51 ? 1 : 0, commands: [`insmod r${i}.ko`] });
  }
  const t = perTest(() => runIn('upstream', scn({ modules, tasks })));

  it('the 51st request prints the throttling line, waits 5 s, then gives up with -ETIME', () => {
    const lines = t().final.dmesg.filter((l) => l.text.startsWith('request_module:')).map((l) => [l.time, l.text]);
    expect(lines).toEqual([
      [1000, 'request_module: kmod_concurrent_max (0) close to 0 (max_modprobes: 50), for module slow, throttling...'],
      [6000, 'request_module: modprobe slow cannot be processed, kmod busy with 50 threads for more than 5 seconds now'],
    ]);
    // The init ignores request_module()'s result and goes on at once.
    expect(logLine(t(), 'r51: done').time).toBe(6000);
  });

  it('only 50 helpers were ever started, and every slot is back at the end', () => {
    expect(t().final.tasks.filter((x) => x.kind === 'helper')).toHaveLength(50);
    expect(t().final.kmodSlots).toBe(50);
    expect(t().final.failures).toEqual([]);
  });
});

describe('a kmod slot freed wakes a throttled request_module() before its 5 s timeout', () => {
  // As above, but slow's init takes 3 s: at t = 3 s the 50 helpers finish and free their slots,
  // and the 51st request, throttled since t = 1 s, takes one at once.
  const modules: ModuleSpec[] = [{ name: 'slow', init: [{ sleep: 3 }] }];
  const tasks: TaskSpec[] = [];
  for (let i = 1; i <= 51; i++) {
    modules.push({ name: `r${i}`, init: [{ request_module: 'slow' }, { print: 'done' }] });
    tasks.push({ id: `T${i}`, start: i === 51 ? 1 : 0, commands: [`insmod r${i}.ko`] });
  }
  const t = perTest(() => runIn('upstream', scn({ modules, tasks })));

  it('the 51st gets a slot when the first helper exits, and never gives up', () => {
    const lines = dmesg(t()).filter((l) => l.startsWith('request_module:'));
    expect(lines).toEqual(['request_module: kmod_concurrent_max (0) close to 0 (max_modprobes: 50), for module slow, throttling...']);
    expect(logLine(t(), 'r51: done').time).toBe(3000);
    expect(t().final.tasks.filter((x) => x.kind === 'helper')).toHaveLength(51);
  });

  it('while it waits, the wait-for graph has its W4 edge to a running helper, timed', () => {
    const waiting = t().steps.find((s) => s.label === 'T51' && s.kind === 'block')!;
    const w = worldAt(t(), waiting.i);
    const e = waitForGraph(w).edges.find((x) => x.from === taskOf(t(), 'T51').pid)!;
    expect(e).toMatchObject({ wid: 'W4', fn: '__request_module', timed: true });
    expect(w.tasks.find((x) => x.pid === e.to)?.kind).toBe('helper');
  });
});
