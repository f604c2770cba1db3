/**
 * __x64_sys_getpid() (kernel/sys.c) under a livepatch (test-syscall.sh): once a task has switched
 * to a patch that replaces it, the patch's replacement runs; a replacement the playground does not
 * model keeps the original's result, the caller's tgid.
 */
import { describe, expect, it } from 'vitest';
import type { LivepatchSpec } from '../model/scenario';
import { runIn, scn, taskOf } from '../test/helpers';
import type { Trace } from '../model/trace';

const getpid = (lp: LivepatchSpec, commands: string[]) =>
  runIn('v7.1', scn({ livepatches: [lp], tasks: [{ commands: ['spawn P 1 test_klp-call_getpid', ...commands, 'sleep 1', 'kill $P'] }] }));
/** What each getpid() returned, in order (the last note of its step). */
const results = (t: Trace) => t.steps.filter((s) => s.fn === '__x64_sys_getpid' && s.kind !== 'call').map((s) => s.text.split('; ').at(-1));
const vmlinuxGetpid = { name: 'vmlinux', funcs: ['__x64_sys_getpid'] };

describe('__x64_sys_getpid() patched', () => {
  it('by test_klp_syscall: lp_sys_getpid() runs, counts a listed caller once, and returns its pid', () => {
    const lp: LivepatchSpec = {
      name: 'test_klp_syscall',
      model: 'test_klp_syscall',
      params: { klp_pids: { type: 'intarray', default: '', hidden: true } },
      objects: [{ ...vmlinuxGetpid, newFuncs: { __x64_sys_getpid: 'lp_sys_getpid' } }],
    };
    const t = getpid(lp, ['modprobe test_klp_syscall klp_pids=$P_list']);
    const pid = taskOf(t, 'U1.1').pid;
    expect(t.steps.filter((s) => s.text.includes('lp_sys_getpid(): U1.1 switched; npids_pending = 0'))).toHaveLength(1);
    expect(new Set(results(t))).toEqual(new Set([`__x64_sys_getpid() = ${pid}`]));
  });

  for (const [what, lp] of [
    ['a livepatch with no model', { name: 'lp', objects: [vmlinuxGetpid] }],
    ['a livepatch whose model has no replacement functions', { name: 'lp', model: 'test_klp_state', replace: true, states: [{ id: 1, version: 1 }], objects: [vmlinuxGetpid] }],
  ] as [string, LivepatchSpec][]) {
    it(`by ${what}: the caller's tgid, as the original returns`, () => {
      const t = getpid(lp, ['modprobe lp']);
      const pid = taskOf(t, 'U1.1').pid;
      expect(t.final.klp.patches.map((p) => p.name)).toEqual(['lp']);
      expect(results(t).length).toBeGreaterThan(0);
      expect(new Set(results(t))).toEqual(new Set([`__x64_sys_getpid() = ${pid}`]));
    });
  }
});
