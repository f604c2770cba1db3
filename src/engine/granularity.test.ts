/**
 * Fine granularity (engine/step.ts): after a step another task could tell apart from not having
 * happened yet (it read or wrote the world, or it entered or left a function some livepatch
 * replaces), the running task may be preempted; a step that only moved through its own locals is
 * no scheduling point.
 */
import { describe, expect, it } from 'vitest';
import { runIn, scn } from '../test/helpers';
import type { Trace } from '../model/trace';

/**
 * U1 loads A while U2 logs a few lines, with one livepatch that replaces `funcs` (the patch is
 * never loaded: a function some livepatch could replace is enough).
 */
const loadWithPatched = (funcs: string[]): Trace =>
  runIn(
    'upstream',
    scn({
      modules: [{ name: 'A' }],
      livepatches: [{ name: 'lp', objects: [{ name: 'vmlinux', funcs }] }],
      tasks: [{ commands: ['modprobe A'] }, { commands: ['log a', 'log b', 'log c', 'log d', 'log e', 'log f'] }],
    }),
    { granularity: 'fine', maxSteps: 300 },
  );

/** The step right after U1's `kind` step of `fn`: a choice there means U1 could be preempted. */
const after = (t: Trace, kind: 'call' | 'ret', fn: string) => {
  const i = t.steps.findIndex((s) => s.label === 'U1' && s.kind === kind && s.fn === fn);
  expect(i).toBeGreaterThanOrEqual(0);
  return t.steps[i + 1];
};

describe('fine granularity: where a running task may be preempted', () => {
  it("entering and leaving a function a livepatch replaces are scheduling points: the transition's stack check would see the difference", () => {
    // klp_check_stack(): a task is switched only when no function of the patch is on its stack.
    const t = loadWithPatched(['load_module']);
    expect(after(t, 'call', 'load_module')).toMatchObject({ label: 'U1', kind: 'call', fn: 'add_unformed_module', choice: { options: ['U1', 'U2'], picked: 'U1' } });
    expect(after(t, 'ret', 'load_module')).toMatchObject({ label: 'U1', kind: 'ret', fn: 'finit_module', choice: { options: ['U1', 'U2'], picked: 'U1' } });
  });

  it('the same call and return of a function no livepatch replaces are not: they touch nothing another task sees', () => {
    const t = loadWithPatched(['cmdline_proc_show']);
    expect(after(t, 'call', 'load_module').choice).toBeUndefined();
    expect(after(t, 'ret', 'load_module').choice).toBeUndefined();
    expect(t.outcome.kind).toBe('ok');
  });

  it('replacing a function adds scheduling points only where its callers enter and leave it', () => {
    const patched = loadWithPatched(['load_module']);
    const plain = loadWithPatched(['cmdline_proc_show']);
    // The default pick lets U1 go on at the new points: the same steps, only more choices.
    expect(patched.steps.map((s) => `${s.label} ${s.text}`)).toEqual(plain.steps.map((s) => `${s.label} ${s.text}`));
    const added = patched.steps.filter((s, i) => Boolean(s.choice) !== Boolean(plain.steps[i].choice));
    expect(added.map((s) => s.i)).toEqual([after(patched, 'call', 'load_module').i, after(patched, 'ret', 'load_module').i]);
  });
});
