/**
 * Same-name loads that interleave inside the duplicate check, at fine granularity (a scheduling
 * choice after every step that reads or writes shared state): add_unformed_module()'s
 * finished_loading() re-check before it sleeps (v5.5), and add_unformed_module()'s second
 * module_patient_check_exists() and 19/23's klp_break_recursion() hook on v7.1, which a load
 * reaches only when the other instance appeared after its early_mod_check().
 *
 * Each schedule was found by steering the run (which task to pick at each choice); each test
 * also asserts the interleaving it needs, so a change in where choices fall shows as a failure.
 */
import { describe, expect, it } from 'vitest';
import { dmesg, out, runIn, scn } from '../../test/helpers';
import type { Trace } from '../../model/trace';

/** What `label` did in `fn`, step by step (calls left out). */
const inFn = (t: Trace, label: string, fn: string) => t.steps.filter((x) => x.label === label && x.fn === fn && x.kind !== 'call').map((x) => x.text);
const blockedIn = (t: Trace, label: string) => t.steps.filter((x) => x.label === label && x.kind === 'block').map((x) => x.fn);

describe('v5.5 add_unformed_module(): wait_event_interruptible() checks finished_loading() before it sleeps', () => {
  it('the other load went LIVE between the check and the wait: no sleep, -EEXIST', () => {
    const t = runIn(
      'upstream',
      scn({ modules: [{ name: 'm', init: [{ print: 'm_init' }] }], tasks: [{ id: 'T1', commands: ['modprobe m'] }, { id: 'T2', commands: ['insmod m.ko'] }] }),
      // T2 finds m#1 UNFORMED (8th choice), then T1 runs to LIVE before T2 goes on.
      { granularity: 'fine', schedule: ['T1', 'T2', 'T1', 'T1', 'T1', 'T1', 'T2', 'T1', 'T1', 'T1'], maxSteps: 300 },
    );
    expect(inFn(t, 'T2', 'add_unformed_module')).toEqual([
      'm#1 exists in MODULE_STATE_UNFORMED: wait for it to finish loading',
      'add_unformed_module(): start',
      'm#1 is already LIVE; add_unformed_module() = -EEXIST',
    ]);
    expect(blockedIn(t, 'T2')).toEqual([]);
    expect(out(t)).toEqual(['insmod: ERROR: could not insert module m.ko: File exists']);
    expect(t.outcome.kind).toBe('error');
  });
});

/** T2 (insmod m.ko) passes early_mod_check(); then T1 (modprobe m) inserts m#1 before T2's add_unformed_module(). */
const failing = scn({
  modules: [{ name: 'm', init: [{ print: 'm_init' }, { return: 'ENODEV' }] }],
  tasks: [{ id: 'T1', commands: ['modprobe m'] }, { id: 'T2', commands: ['insmod m.ko'] }],
});
const afterEarlyCheck = { granularity: 'fine' as const, schedule: ['T2', 'T2', 'T2', ...Array<string>(8).fill('T1')], maxSteps: 400 };

describe('v7.1 add_unformed_module(): module_patient_check_exists(FAIL_DUP_MOD_LOAD) again, under module_mutex', () => {
  it('a same-name module inserted after early_mod_check() is waited for there; when its init fails: -EBUSY, no retry', () => {
    const t = runIn('v7.1', failing, afterEarlyCheck);
    expect(t.steps.filter((x) => x.label === 'T2' && x.kind === 'call' && x.fn === 'module_patient_check_exists').map((x) => x.text)).toEqual([
      'module_patient_check_exists(m, FAIL_DUP_MOD_BECOMING)',
      'module_patient_check_exists(m, FAIL_DUP_MOD_LOAD)',
    ]);
    expect(blockedIn(t, 'T2')).toEqual(['module_patient_check_exists']);
    expect(inFn(t, 'T2', 'add_unformed_module')).toEqual(['add_unformed_module(): module_patient_check_exists()', 'add_unformed_module() = -EBUSY']);
    // v5.5 would have loaded m itself after the failure: its init would have run twice.
    expect(dmesg(t)).toEqual(['m: m_init']);
    expect(out(t)).toEqual(["modprobe: ERROR: could not insert 'm': No such device", 'insmod: ERROR: could not insert module m.ko: Device or resource busy']);
  });

  it('v7.1-split-poc19: klp_break_recursion() is asked first, says no for a module that is not a livepatch, and the wait follows', () => {
    const t = runIn('v7.1-split-poc19', failing, afterEarlyCheck);
    expect(t.steps.filter((x) => x.label === 'T2' && x.fn === 'klp_break_recursion').map((x) => x.text)).toEqual([
      'klp_break_recursion(m)',
      'klp_break_recursion: not a livepatch module; klp_break_recursion() = false',
    ]);
    expect(t.steps.filter((x) => x.label === 'T2' && x.kind === 'call' && x.fn === 'module_patient_check_exists').map((x) => x.text)).toEqual([
      'module_patient_check_exists(m, FAIL_DUP_MOD_BECOMING)',
      'module_patient_check_exists(m, FAIL_DUP_MOD_LOAD)',
    ]);
    expect(blockedIn(t, 'T2')).toEqual(['module_patient_check_exists']);
    expect(out(t)).toEqual(["modprobe: ERROR: could not insert 'm': No such device", 'insmod: ERROR: could not insert module m.ko: Device or resource busy']);
  });

  it('v7.1-split-poc19: an instance already LIVE by then is no recursion to break: no klp_break_recursion(), -EEXIST', () => {
    const t = runIn(
      'v7.1-split-poc19',
      scn({ modules: [{ name: 'm', init: [{ print: 'm_init' }] }], tasks: [{ id: 'T1', commands: ['modprobe m'] }, { id: 'T2', commands: ['insmod m.ko'] }] }),
      // T1 runs from T2's early_mod_check() until it exits.
      { granularity: 'fine', schedule: ['T2', 'T2', 'T2', ...Array<string>(40).fill('T1')], maxSteps: 400 },
    );
    const early = t.steps.findIndex((x) => x.label === 'T2' && x.kind === 'ret' && x.fn === 'early_mod_check');
    expect(t.steps.slice(0, early).some((x) => x.label === 'T1' && x.kind === 'exit')).toBe(true);
    expect(t.steps[early].text).toBe('early_mod_check() = 0');
    expect(t.steps.some((x) => x.fn === 'klp_break_recursion')).toBe(false);
    expect(inFn(t, 'T2', 'add_unformed_module')).toEqual(['add_unformed_module(): module_patient_check_exists()', 'add_unformed_module() = -EEXIST']);
    expect(out(t)).toEqual(['insmod: ERROR: could not insert module m.ko: File exists']);
  });

  it('v7.1-split-poc19: a second load of the livepatch being enabled (klp_loading_patch) gets -EEXIST at once instead of waiting', () => {
    // T2 (insmod lp.ko) passes early_mod_check(); T1 loads M, then lp, until lp's klp_enable_patch()
    // drops klp_mutex and sleeps in request_module("lp__M"); then T2 reaches add_unformed_module().
    const t = runIn(
      'v7.1-split-poc19',
      scn({
        modules: [{ name: 'M', exports: ['m_fn'] }],
        livepatches: [{ name: 'lp', objects: [{ name: 'vmlinux' }, { name: 'M', funcs: ['m_fn'] }] }],
        tasks: [{ id: 'T1', commands: ['modprobe M', 'modprobe lp'] }, { id: 'T2', commands: ['insmod lp.ko'] }],
      }),
      { granularity: 'fine', schedule: ['T2', 'T2', 'T2', ...Array<string>(44).fill('T1')], maxSteps: 800 },
    );
    const asked = t.steps.findIndex((x) => x.label === 'T2' && x.kind === 'call' && x.fn === 'klp_break_recursion');
    expect(t.steps.slice(0, asked).some((x) => x.label === 'T1' && x.kind === 'block' && x.fn === 'request_module')).toBe(true);
    expect(t.steps.filter((x) => x.label === 'T2' && x.fn === 'klp_break_recursion' && x.kind === 'ret').map((x) => x.text)).toEqual([
      'klp_break_recursion: lp is klp_loading_patch: return -EEXIST instead of waiting; mutex_unlock(&klp_mutex); klp_break_recursion() = true',
    ]);
    expect(inFn(t, 'T2', 'add_unformed_module')).toEqual(['add_unformed_module(): module_patient_check_exists()', 'add_unformed_module() = -EEXIST']);
    expect(blockedIn(t, 'T2')).toEqual([]);
    expect(out(t)).toEqual(['insmod: ERROR: could not insert module lp.ko: File exists']);
    expect(t.final.modules.map((m) => [m.name, m.state])).toEqual([
      ['lp__M', 'MODULE_STATE_LIVE'],
      ['lp', 'MODULE_STATE_LIVE'],
      ['M', 'MODULE_STATE_LIVE'],
    ]);
  });
});
