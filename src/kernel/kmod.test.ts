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

describe('call_usermodehelper_exec(): a helper already done is not waited for', () => {
  it('when the helper runs to its exit before the requester waits, wait_for_completion_killable() returns at once', () => {
    const s = scn({
      modules: [{ name: 'M', exports: ['m_fn'] }],
      livepatches: [{ name: 'lp', objects: [{ name: 'vmlinux' }, { name: 'M', funcs: ['m_fn'] }] }],
      tasks: [{ commands: ['modprobe M', 'modprobe lp'] }],
    });
    // Fine granularity: H1 is chosen at every choice from its spawn on, so it exits first.
    const t = runIn('split', s, { granularity: 'fine', schedule: Array<string>(20).fill('H1') });
    expect(t.outcome.kind).toBe('ok');
    expect(dmesg(t).at(-1)).toBe("livepatch: 'lp': patching complete");
    const u1 = t.steps.filter((x) => x.label === 'U1' && x.fn === 'request_module');
    expect(u1.some((x) => x.kind === 'block')).toBe(false);
    expect(u1.at(-1)!.text).toBe('H1 exited: wait status 0; request_module() = 0');
    expect(t.final.kmodSlots).toBe(50);
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

/** r1..r51, whose init runs request_module("slow") (r1..r50 at t = 0, r51 at t = 1 s); slow's init sleeps `sleep` s. */
function fiftyOneAskForSlow(sleep: number): { modules: ModuleSpec[]; tasks: TaskSpec[] } {
  const modules: ModuleSpec[] = [{ name: 'slow', init: [{ sleep }] }];
  const tasks: TaskSpec[] = [];
  for (let i = 1; i <= 51; i++) {
    modules.push({ name: `r${i}`, init: [{ request_module: 'slow' }, { print: 'done' }] });
    tasks.push({ id: `T${i}`, start: i === 51 ? 1 : 0, commands: [`insmod r${i}.ko`] });
  }
  return { modules, tasks };
}

describe('the kmod_concurrent_max throttle (W4): at most 50 helpers, a 5 s wait for a slot', () => {
  // 50 modules whose init runs request_module("slow") at t = 0 (slow's init takes 10 s, so each
  // helper keeps its slot), and a 51st at t = 1 s.
  const t = perTest(() => runIn('upstream', scn(fiftyOneAskForSlow(10))));

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
  const t = perTest(() => runIn('upstream', scn(fiftyOneAskForSlow(3))));

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

/** 50 modules r1..r50 whose init asks for their own slow_i (slow_1's init takes `first` s, the others 10 s), plus `extra`. */
function throttled(first: number, extra: TaskSpec[], extraModules: ModuleSpec[] = []): { modules: ModuleSpec[]; tasks: TaskSpec[] } {
  const modules: ModuleSpec[] = [...extraModules];
  const tasks: TaskSpec[] = [...extra];
  for (let i = 1; i <= 50; i++) {
    modules.push({ name: `slow_${i}`, init: [{ sleep: i === 1 ? first : 10 }] });
    modules.push({ name: `r${i}`, init: [{ request_module: `slow_${i}` }, { print: 'done' }] });
    tasks.push({ id: `T${i}`, commands: [`insmod r${i}.ko`] });
  }
  return { modules, tasks };
}

/** What request_module() returned to `label`, as its return step says it (`request_module() = -ETIME`). */
const retOf = (t: ReturnType<typeof runIn>, label: string) => /request_module\(\) = \S+$/.exec(t.steps.find((s) => s.label === label && s.kind === 'ret' && s.fn === 'request_module')?.text ?? '')?.[0];

describe('two throttled requests and one freed slot (v5.5 wake_up_all(&kmod_wq))', () => {
  // slow_1's helper exits at t = 3 s and frees one slot; W1 and W2, throttled since t = 1 s, are
  // both woken: the first to run takes the slot (its helper loads `late`, 10 s), the other sleeps
  // again, silently, until its 5 s are up.
  const waiters = ['W1', 'W2'].map((id): TaskSpec => ({ id, start: 1, commands: [`insmod ${id.toLowerCase()}.ko`] }));
  const extra: ModuleSpec[] = [
    { name: 'w1', init: [{ request_module: 'late' }, { print: 'done' }] },
    { name: 'w2', init: [{ request_module: 'late' }, { print: 'done' }] },
    { name: 'late', init: [{ sleep: 10 }] },
  ];
  const t = perTest(() => runIn('upstream', scn(throttled(3, waiters, extra))));

  it('each prints the throttling line once; one gets the slot at 3 s, the other times out at 6 s with -ETIME', () => {
    const lines = t().final.dmesg.filter((l) => l.text.startsWith('request_module:')).map((l) => [l.time, l.text]);
    expect(lines).toEqual([
      [1000, 'request_module: kmod_concurrent_max (0) close to 0 (max_modprobes: 50), for module late, throttling...'],
      [1000, 'request_module: kmod_concurrent_max (0) close to 0 (max_modprobes: 50), for module late, throttling...'],
      [6000, 'request_module: modprobe late cannot be processed, kmod busy with 50 threads for more than 5 seconds now'],
    ]);
    const done = ['w1: done', 'w2: done'].map((x) => logLine(t(), x).time).sort((a, b) => a - b);
    expect(done).toEqual([6000, 13000]);
    expect([retOf(t(), 'W1'), retOf(t(), 'W2')].sort()).toEqual(['request_module() = -ETIME', 'request_module() = 0']);
  });

  it('the helpers sleeping in their modules\' init are not woken by the freed slot', () => {
    // slow_2..slow_50 sleep 10 s from t = 0: their helpers exit at 10 s, not earlier.
    expect(logLine(t(), 'r50: done').time).toBe(10000);
  });
});

/** All 50 slots busy for 10 s; W's init asks for `late` at 1 s and K sends W SIGKILL at 2 s. */
function killedWhileThrottled() {
  return scn(throttled(10, [{ id: 'W', start: 1, commands: ['insmod w.ko'] }, { id: 'K', start: 2, commands: ['kill -9 W'] }], [{ name: 'w', init: [{ request_module: 'late' }] }, { name: 'late' }]));
}

describe('a throttled request_module() and SIGKILL (v5.5: wait_event_killable_timeout)', () => {
  const t = perTest(() => runIn('upstream', killedWhileThrottled()));

  it('gives up at once with "sigkill sent" and -ERESTARTSYS, without starting a helper', () => {
    expect(t().final.dmesg.filter((l) => l.text.startsWith('request_module:')).map((l) => [l.time, l.text])).toEqual([
      [1000, 'request_module: kmod_concurrent_max (0) close to 0 (max_modprobes: 50), for module late, throttling...'],
      [2000, 'request_module: sigkill sent for modprobe late, giving up'],
    ]);
    expect(retOf(t(), 'W')).toBe('request_module() = -ERESTARTSYS');
    expect(t().final.tasks.filter((x) => x.kind === 'helper')).toHaveLength(50);
  });
});

describe('v6.4+: the slot is a semaphore, down_timeout() (TASK_UNINTERRUPTIBLE)', () => {
  const t = perTest(() => runIn('v7.1', killedWhileThrottled()));

  it('no throttling line; SIGKILL does not end the wait; after 5 s "cannot be processed" and -ETIME', () => {
    expect(t().final.dmesg.filter((l) => l.text.startsWith('request_module:')).map((l) => [l.time, l.text])).toEqual([
      [6000, 'request_module: modprobe late cannot be processed, kmod busy with 50 threads for more than 5 seconds now'],
    ]);
    expect(retOf(t(), 'W')).toBe('request_module() = -ETIME');
  });

  it('W sleeps in down_timeout(), a wait a kill cannot end', () => {
    const waiting = t().steps.find((s) => s.label === 'W' && s.kind === 'block')!;
    const w = worldAt(t(), waiting.i).tasks.find((x) => x.label === 'W')!;
    expect(w.wait).toMatchObject({ kind: 'kmod_slot', fn: 'down_timeout', killable: false });
  });
});

describe('the helper is plain modprobe, not --first-time: a module already loaded is 0', () => {
  const s = scn({ modules: [{ name: 'a' }, { name: 'r', init: [{ request_module: 'a' }] }], tasks: [{ commands: ['modprobe a', 'modprobe r'] }] });

  it('request_module("a") with a LIVE: modprobe exits 0, wait status 0; the step says who ran what', () => {
    const t = runIn('upstream', s);
    expect(retOf(t, 'U1')).toMatch(/request_module\(\) = 0$/);
    const texts = t.steps.map((x) => x.text).join('\n');
    expect(texts).toContain("call_usermodehelper: H1 runs '/sbin/modprobe -q -- a'");
    expect(texts).toContain('H1 exited: wait status 0');
  });
});

describe('an empty /proc/sys/kernel/modprobe, as the step says it', () => {
  const s = scn({ modules: [{ name: 'r', init: [{ request_module: 'x' }] }], tasks: [{ commands: ['echo > /proc/sys/kernel/modprobe', 'modprobe r'] }] });
  const noted = (v: 'upstream' | 'v7.1') => runIn(v, s).steps.find((x) => x.kind === 'ret' && x.fn === 'request_module')?.text;

  it('v5.5: 0 without loading anything', () => {
    expect(noted('upstream')).toBe('/proc/sys/kernel/modprobe is empty: request_module() returns 0 without loading anything; request_module() = 0');
  });
  it('v5.7+: -ENOENT', () => {
    expect(noted('v7.1')).toBe('/proc/sys/kernel/modprobe is empty: request_module() returns -ENOENT (since v5.7); request_module() = -ENOENT');
  });
});
