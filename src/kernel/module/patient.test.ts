/**
 * kernel/module/main.c (v6.4+) module_patient_check_exists(), called by early_mod_check() before
 * anything is allocated: a same-name module that is COMING or UNFORMED is waited for on module_wq
 * (interruptibly); then -EEXIST if it is LIVE, -EBUSY otherwise (v6.2 0254127ab977: no retry).
 */
import { describe, expect, it } from 'vitest';
import { dmesg, out, perTest, runIn, scn, taskOf } from '../../test/helpers';
import type { Trace } from '../../model/trace';
import type { ModuleSpec, TaskSpec } from '../../model/scenario';

/** The steps `label` took inside module_patient_check_exists(): [kind, time, text]. */
const checks = (t: Trace, label: string) =>
  t.steps.filter((s) => s.label === label && s.fn === 'module_patient_check_exists').map((s) => [s.kind, s.t, s.text]);

/** T1 modprobes slow (its init sleeps 10 s first); T2 insmods another file of it (/root/slow.ko). */
function second(init: ModuleSpec['init'], t2Start: number, more: TaskSpec[] = []) {
  return runIn(
    'v7.1',
    scn({
      modules: [{ name: 'slow', init: [{ sleep: 10 }, ...(init ?? [])] }],
      tasks: [{ id: 'T1', commands: ['modprobe slow'] }, { id: 'T2', start: t2Start, commands: ['insmod slow.ko'] }, ...more],
    }),
    { maxSteps: 300 },
  );
}

describe('a same-name module still loading is waited for (v7.1)', () => {
  const coming = perTest(() => second([{ print: 'slow_init' }], 1));
  const unformed = perTest(() => second([{ print: 'slow_init' }], 0));

  it('COMING: early_mod_check() waits on module_wq until it is LIVE, then -EEXIST', () => {
    expect(checks(coming(), 'T2')).toEqual([
      ['call', 1000, 'module_patient_check_exists(slow, FAIL_DUP_MOD_BECOMING)'],
      ['step', 1000, 'slow#1 is MODULE_STATE_COMING: wait in case it fails to load'],
      ['block', 1000, 'sleeps in module_patient_check_exists() on slow'],
      ['step', 10000, 'module_patient_check_exists(): looks at the module again'],
      ['ret', 10000, 'slow#1 is LIVE; module_patient_check_exists() = -EEXIST'],
    ]);
    expect(out(coming())).toEqual(['insmod: ERROR: could not insert module slow.ko: File exists']);
  });

  it('UNFORMED (T1 is between add_unformed_module() and complete_formation()): waited for too', () => {
    expect(checks(unformed(), 'T2')).toEqual([
      ['call', 0, 'module_patient_check_exists(slow, FAIL_DUP_MOD_BECOMING)'],
      ['step', 0, 'slow#1 is MODULE_STATE_UNFORMED: wait in case it fails to load'],
      ['block', 0, 'sleeps in module_patient_check_exists() on slow'],
      ['step', 10000, 'module_patient_check_exists(): looks at the module again'],
      ['ret', 10000, 'slow#1 is LIVE; module_patient_check_exists() = -EEXIST'],
    ]);
    expect(dmesg(unformed())).toEqual(['slow: slow_init']);
  });
});

describe('the module waited for fails to load (v7.1)', () => {
  const t = perTest(() => second([{ print: 'slow_init' }, { return: 'ENODEV' }], 1));

  it('the waiter gets -EBUSY and does not load it itself (v5.5 retried)', () => {
    expect(checks(t(), 'T2').slice(-2)).toEqual([
      ['step', 10000, 'module_patient_check_exists(): looks at the module again'],
      ['ret', 10000, 'slow is gone: no retry since v6.2; module_patient_check_exists() = -EBUSY'],
    ]);
    expect(dmesg(t())).toEqual(['slow: slow_init']);
    expect(out(t())).toEqual(["modprobe: ERROR: could not insert 'slow': No such device", 'insmod: ERROR: could not insert module slow.ko: Device or resource busy']);
  });
});

describe('a signal ends the wait (v7.1)', () => {
  const t = perTest(() => second([{ print: 'slow_init' }], 1, [{ id: 'K', start: 2, commands: ['kill T2'] }]));

  it('-ERESTARTSYS at once; the waiter dies, the first load goes on', () => {
    expect(checks(t(), 'T2').slice(-1)).toEqual([['ret', 2000, 'module_patient_check_exists() = -ERESTARTSYS']]);
    expect(taskOf(t(), 'T2')).toMatchObject({ status: 'exited', signal: 15 });
    expect(dmesg(t())).toEqual(['slow: slow_init']);
  });
});

describe('a LIVE or GOING module is not waited for (v7.1)', () => {
  const t = perTest(() =>
    runIn(
      'v7.1',
      scn({
        modules: [
          { name: 'l', init: [{ print: 'l_init' }] },
          { name: 'g', init: [{ print: 'g_init' }], exit: [{ sleep: 5 }, { print: 'g_exit' }] },
        ],
        tasks: [
          { id: 'T1', commands: ['modprobe l', 'insmod l.ko', 'modprobe g', 'rmmod g'] },
          { id: 'T2', start: 1, commands: ['insmod g.ko'] },
        ],
      }),
      { maxSteps: 300 },
    ),
  );

  it('LIVE: -EEXIST at once; GOING: -EBUSY at once', () => {
    // T1's third check is insmod l.ko's (modprobe l checked twice: early_mod_check(), add_unformed_module()).
    expect(checks(t(), 'T1').slice(4, 7)).toEqual([
      ['call', 0, 'module_patient_check_exists(l, FAIL_DUP_MOD_BECOMING)'],
      ['step', 0, 'module_patient_check_exists(): looks at the module again'],
      ['ret', 0, 'l#1 is LIVE; module_patient_check_exists() = -EEXIST'],
    ]);
    expect(checks(t(), 'T2')).toEqual([
      ['call', 1000, 'module_patient_check_exists(g, FAIL_DUP_MOD_BECOMING)'],
      ['step', 1000, 'module_patient_check_exists(): looks at the module again'],
      ['ret', 1000, 'g#1 is MODULE_STATE_GOING: no retry since v6.2; module_patient_check_exists() = -EBUSY'],
    ]);
  });
});

describe('the module waited for goes GOING before the waiter looks again (v7.1)', () => {
  // T1 modprobes slow and rmmods it at once; slow's exit sleeps 5 s. At 10 s slow goes LIVE and
  // wakes T2, but T1 runs first (the schedule) and puts slow in GOING before T2 looks.
  const t = perTest(() =>
    runIn(
      'v7.1',
      scn({
        modules: [{ name: 'slow', init: [{ sleep: 10 }], exit: [{ sleep: 5 }] }],
        tasks: [{ id: 'T1', commands: ['modprobe slow', 'rmmod slow'] }, { id: 'T2', start: 1, commands: ['insmod slow.ko'] }],
      }),
      { schedule: ['T1'], maxSteps: 300 },
    ),
  );

  it('finished_loading() counts GOING as finished (v6.2): -EBUSY at 10 s, not once slow is freed at 15 s', () => {
    expect(checks(t(), 'T2').slice(-2)).toEqual([
      ['step', 10000, 'module_patient_check_exists(): looks at the module again'],
      ['ret', 10000, 'slow#1 is MODULE_STATE_GOING: no retry since v6.2; module_patient_check_exists() = -EBUSY'],
    ]);
  });
});
