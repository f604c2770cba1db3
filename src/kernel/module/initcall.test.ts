/**
 * A scripted module's init (initcall.ts, called by do_one_initcall()): its sleep is msleep(), and
 * its return is the errno it names.
 */
import { describe, expect, it } from 'vitest';
import { logLine, out, perTest, runIn, scn, taskOf } from '../../test/helpers';
import { worldAt } from '../../engine/replay';

describe("a scripted init's sleep (v5.5)", () => {
  // T1 loads slow (init: sleep 10 s, then print); K sends T1 SIGKILL at 2 s.
  const t = perTest(() =>
    runIn(
      'upstream',
      scn({
        modules: [{ name: 'slow', init: [{ sleep: 10 }, { print: 'slow_init done' }] }],
        tasks: [{ id: 'T1', commands: ['insmod slow.ko'] }, { id: 'K', start: 2, commands: ['kill -9 T1'] }],
      }),
      { maxSteps: 300 },
    ),
  );

  it('is msleep(): uninterruptible, so a SIGKILL does not cut it short; the init ends at 10 s and T1 dies after', () => {
    const kill = t().steps.find((s) => s.label === 'K' && s.text.includes('signal 9 sent to T1'))!;
    expect(kill.t).toBe(2000);
    expect(taskOf(worldAt(t(), kill.i), 'T1')).toMatchObject({ status: 'blocked', wait: { kind: 'sleep', fn: 'msleep', until: 10000, killable: false } });
    expect(logLine(t(), 'slow: slow_init done').time).toBe(10000);
    expect(t().final.modules.map((m) => [m.name, m.state])).toEqual([['slow', 'MODULE_STATE_LIVE']]);
    expect(taskOf(t(), 'T1')).toMatchObject({ status: 'exited', signal: 9 });
  });
});

describe("a scripted init's return", () => {
  it('an errno may be written with its minus: "-ENODEV" fails the load as "ENODEV" does', () => {
    const s = (errno: string) => scn({ modules: [{ name: 'bad', init: [{ return: errno }] }], tasks: [{ commands: ['modprobe bad'] }] });
    for (const e of ['-ENODEV', 'ENODEV']) {
      const t = runIn('upstream', s(e));
      expect(t.steps.find((x) => x.kind === 'ret' && x.fn === 'scriptedInit')!.text).toBe('mod->init() = -ENODEV');
      expect(out(t)).toEqual(["modprobe: ERROR: could not insert 'bad': No such device"]);
    }
  });
});

describe("the split RFC's per-object module: initDelay before klp_add_object()", () => {
  // The kernel's modprobe H1 loads lp__M, whose init sleeps 5 s first; K sends H1 SIGKILL at 2 s.
  const t = perTest(() =>
    runIn(
      'split',
      scn({
        modules: [{ name: 'M', exports: ['m_fn'] }],
        livepatches: [{ name: 'lp', objects: [{ name: 'vmlinux' }, { name: 'M', funcs: ['m_fn'], initDelay: 5 }] }],
        tasks: [{ id: 'U1', commands: ['modprobe M', 'modprobe lp'] }, { id: 'K', start: 2, commands: ['kill -9 H1'] }],
      }),
      { maxSteps: 400 },
    ),
  );

  it('is an msleep() a SIGKILL does not cut short: klp_add_object() runs at 5 s', () => {
    const sleep = t().steps.find((s) => s.label === 'H1' && s.kind === 'block')!;
    expect(taskOf(worldAt(t(), sleep.i), 'H1').wait).toMatchObject({ kind: 'sleep', fn: 'msleep', until: 5000, killable: false });
    expect(t().steps.find((s) => s.label === 'K' && s.text.includes('signal 9 sent to H1'))!.t).toBe(2000);
    expect(t().steps.filter((s) => s.kind === 'call' && s.fn === 'klp_add_object').map((s) => [s.label, s.t])).toEqual([['H1', 5000]]);
  });
});
