/**
 * Signals as the escape hatch out of the seed's deadlocks (kernel/README.md, "Waits"):
 * W1 (add_unformed_module) is interruptible, W3 (request_module) killable.
 */
import { describe, expect, it } from 'vitest';
import { getPreset } from '../presets/index';
import { dmesg, logLine, out, runIn, taskOf } from '../test/helpers';
import type { Scenario } from '../model/scenario';
import type { VariantId } from '../model/variant';

/** The preset plus a second user task K that runs `command` at t = 5 s. */
function withKill(id: string, command: string): Scenario {
  const s = structuredClone(getPreset(id)!.scenario);
  s.tasks.push({ id: 'K', start: 5, commands: [command] });
  return s;
}

describe('P08 (type B) split deadlock: `kill H1` ends it', () => {
  for (const v of ['split', 'split-poc19'] as VariantId[]) {
    it(`[${v}] H1 dies by signal, M's load fails with -EINVAL`, () => {
      const t = runIn(v, withKill('P08', 'kill H1'));
      const h1 = taskOf(t, 'H1');
      expect([h1.status, h1.signal, h1.exitCode]).toEqual(['exited', 15, 15]);
      expect(logLine(t, 'livepatch: Module load failed: lp__M').time).toBe(5000);
      expect(dmesg(t).at(-1)).toBe('livepatch: Module load failed: lp__M');
      expect(out(t)).toEqual(["modprobe: ERROR: could not insert 'M': Invalid argument"]);
      // request_module() returned the raw wait status of a helper killed by SIGTERM: 15.
      expect(t.steps.some((x) => x.label === 'U1' && x.text.includes('request_module() = 15'))).toBe(true);
      expect(t.outcome.kind).toBe('error');
      expect(t.final.failures).toEqual([{ task: 'U1', command: 'modprobe M', exit: 1 }]);
      // M never went LIVE; only lp is left.
      expect(t.final.modules.map((m) => [m.name, m.state])).toEqual([['lp', 'MODULE_STATE_LIVE']]);
    });
  }

  it('SIGKILL works the same way', () => {
    const t = runIn('split', withKill('P08', 'kill -9 H1'));
    expect(taskOf(t, 'H1').signal).toBe(9);
    expect(out(t)).toEqual(["modprobe: ERROR: could not insert 'M': Invalid argument"]);
  });
});

describe('P10 (type C) split deadlock', () => {
  it('`kill H1`: the enable fails, modprobe lp: Invalid argument', () => {
    const t = runIn('split', withKill('P10', 'kill H1'));
    expect(dmesg(t).slice(-1)).toEqual(['livepatch: Module load failed: lp__M']);
    expect(out(t)[0]).toBe("modprobe: ERROR: could not insert 'lp': Invalid argument");
    expect(t.final.klp.patches).toEqual([]);
    expect(t.outcome.kind).toBe('error');
  });

  it('`kill U1` does not help: H1 loads lp itself and deadlocks one level deeper with H2', () => {
    const t = runIn('split', withKill('P10', 'kill U1'));
    const u1 = taskOf(t, 'U1');
    expect([u1.status, u1.signal]).toEqual(['exited', 15]);
    expect(dmesg(t)).toContain('livepatch: Module load failed: lp__M');
    expect(t.outcome).toMatchObject({ kind: 'deadlock', location: 'add_unformed_module', seedLocation: 'i' });
    expect([...(t.outcome.cycle ?? [])].sort()).toEqual(['H1', 'H2']);
    expect(taskOf(t, 'H1').wait?.fn).toBe('call_usermodehelper_exec');
    expect(taskOf(t, 'H2').wait?.fn).toBe('add_unformed_module');
    expect(taskOf(t, 'H2').argv).toBe('/sbin/modprobe -q -- lp__M');
  });
});

describe('signals elsewhere', () => {
  it('a signal during resolve_symbol_wait (interruptible, W2) ends the wait with the "gave up" line', () => {
    const t = runIn('upstream', withKill('P04', 'kill T2'));
    expect(t.final.dmesg.map((l) => [l.time, l.text])).toEqual([
      [5000, 'user: gave up waiting for init of module slow.'],
      [5000, 'user: Unknown symbol slow_fn (err -16)'],
      [40_000, 'slow: slow_init'],
    ]);
    expect(taskOf(t, 'T2').signal).toBe(15);
    // The process is gone: insmod prints nothing.
    expect(out(t)).toEqual([]);
  });

  it('kill of a task that does not exist', () => {
    const t = runIn('upstream', withKill('P04', 'kill H9'));
    expect(out(t)).toContain('sh: kill: (H9) - No such process');
    expect(t.final.failures).toContainEqual({ task: 'K', command: 'kill H9', exit: 1 });
  });

  // A command killed by a signal never finished: the shell reports its status as 128 + the
  // signal (128 + 15 = 143), and the run is not 'ok'.
  it('a user command killed by a signal counts as a failed command', () => {
    const t = runIn('upstream', withKill('P04', 'kill T2'));
    expect(t.outcome.kind).not.toBe('ok');
    expect(t.final.failures).toContainEqual({ task: 'T2', command: 'insmod user.ko', exit: 143 });
  });
});

describe('a signal that comes before the wait', () => {
  // M's init loads M: left alone, U1 and its helper H1 deadlock at location (i).
  const selfLoad = (): Scenario => ({
    type: 'klp-playground/scenario',
    version: 1,
    title: 'kill before the wait',
    modules: [{ name: 'M', init: [{ request_module: 'M' }] }],
    livepatches: [],
    tasks: [
      { id: 'U1', commands: ['modprobe M'] },
      { id: 'U2', commands: ['kill -9 U1'] },
    ],
  });

  it('a shell killed while it waits for its turn never starts its next command', () => {
    // U2 runs first: SIGKILL reaches U1 before it has run anything (get_signal() on the way back
    // to user space), so modprobe never runs and M is never loaded.
    const t = runIn('upstream', selfLoad(), { schedule: ['U2', 'U1'] });
    const u1 = taskOf(t, 'U1');
    expect([u1.status, u1.signal]).toEqual(['exited', 9]);
    expect(t.final.modules).toEqual([]);
    expect(t.steps.some((s) => s.label === 'U1' && s.fn === 'modprobe')).toBe(false);
    expect(t.final.userspace.filter((l) => l.stream === 'cmd').map((l) => l.text)).toEqual(['kill -9 U1']);
    expect(t.final.failures).toEqual([{ task: 'U1', command: 'modprobe M', exit: 137 }]);
  });

  it('a task with SIGKILL pending that enters a killable wait does not sleep (wait_for_completion_killable())', () => {
    // U2's kill comes while U1 is in load_module() between add_unformed_module() and
    // complete_formation(), not asleep: U1 goes on, and call_usermodehelper_exec()'s killable
    // wait for H1 returns at once.
    const t = runIn('upstream', selfLoad(), { schedule: ['U1', 'U1', 'U2'] });
    const block = t.steps.findIndex((s) => s.label === 'U1' && s.kind === 'block' && s.text.includes('call_usermodehelper_exec'));
    const kill = t.steps.findIndex((s) => s.label === 'U2' && s.text.includes('signal 9 sent to U1'));
    expect(kill).toBeGreaterThan(-1);
    expect(block).toBeGreaterThan(kill);
    const after = t.steps.slice(block + 1).find((s) => s.label === 'U1')!;
    expect(after.text).toContain('request_module() = -ERESTARTSYS');
    expect(taskOf(t, 'U1').signal).toBe(9);
    expect(t.outcome.kind).toBe('error');
  });
});
