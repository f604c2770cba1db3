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
