/**
 * initialWorld(): the kernel and the user tasks at boot, before the first step.
 */
import { describe, expect, it } from 'vitest';
import { initialWorld } from './world';
import { makeEnv } from './run';
import { scn } from '../test/helpers';
import { MAX_KMOD_CONCURRENT } from '../rules/limits';

const boot = (kernel?: Parameters<typeof scn>[0]['kernel']) =>
  initialWorld(makeEnv(scn({ kernel, tasks: [{ commands: ['modprobe M', 'lsmod'] }, { id: 'late', start: 2.5, commands: [] }] }), { variant: 'v7.1' }));

describe('the world at boot', () => {
  it('no modules, no patch, no transition; all 50 kmod slots free; modprobe at /sbin/modprobe', () => {
    const w = boot();
    expect([w.modules, w.klp.patches, w.klp.transition, w.klp.target, w.klp.pending]).toEqual([[], [], null, 'KLP_TRANSITION_IDLE', []]);
    expect(w.kmodSlots).toBe(MAX_KMOD_CONCURRENT);
    expect(w.modprobePath).toBe('/sbin/modprobe');
    expect([w.ftraceEnabled, w.taintLivepatch, w.debugLocks]).toEqual([true, false, true]);
  });

  it('ftrace as booted: the nop tracer, tracing on, no filter, an empty buffer; kprobes enabled, none registered', () => {
    const w = boot();
    expect(w.tracing).toEqual({ tracer: 'nop', filter: [], on: true, buffer: [] });
    expect([w.kprobesEnabled, w.kprobes, w.moduleFiles, w.idem]).toEqual([true, [], [], []]);
  });

  it('the scenario\'s kernel settings replace the defaults', () => {
    const w = boot({ modprobePath: '', ftraceEnabled: false });
    expect([w.modprobePath, w.ftraceEnabled]).toEqual(['', false]);
  });

  it('each user task is a shell running its commands: runnable at 0, or new until its start time (in ms)', () => {
    const w = boot();
    expect(w.tasks.map((t) => [t.pid, t.label, t.comm, t.argv, t.status, t.startAt])).toEqual([
      [100, 'U1', 'sh', 'modprobe M', 'runnable', 0],
      [101, 'late', 'sh', '', 'new', 2500],
    ]);
    expect(w.tasks[0].frames).toEqual([{ fn: 'sh', pc: 'start', l: { cmds: ['modprobe M', 'lsmod'] } }]);
    expect(w.runq).toEqual([100]);
    expect(w.nextPid).toBe(102);
  });
});
