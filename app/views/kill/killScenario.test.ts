import { describe, expect, it } from 'vitest';
import { getPreset, run, validateScenario } from '@engine';
import { canKillAt, freeTaskId, killStart, withKill } from './killScenario';

const p08 = getPreset('P08')!.scenario;

describe('withKill', () => {
  it('adds a task that kills the target 1 ms after the current time', () => {
    const s = withKill(p08, 'H1', 0);
    expect(s.tasks).toEqual([...p08.tasks, { id: 'K', start: 0.001, commands: ['kill -9 H1'] }]);
    expect(s.title).toBe(`${p08.title} + kill H1 at t=0.001 s`);
    expect(validateScenario(s)).toBe(s);
    expect(p08.tasks).toHaveLength(1);
  });

  it('ends the P08 deadlock (split): the helper dies, the load of M fails', () => {
    const t = run(withKill(p08, 'H1', 0), { variant: 'split' });
    expect(t.outcome.kind).toBe('error');
    expect(t.final.userspace.map((l) => l.text)).toContain("modprobe: ERROR: could not insert 'M': Invalid argument");
    expect(t.final.dmesg.map((l) => l.text)).toContain('livepatch: Module load failed: lp__M');
  });

  it("killing the user's modprobe instead deadlocks one level deeper", () => {
    const t = run(withKill(p08, 'U1', 0), { variant: 'split' });
    expect(t.outcome).toMatchObject({ kind: 'deadlock', cycle: ['H1', 'H2'] });
  });

  it('picks a free id for a second kill', () => {
    const once = withKill(p08, 'U1', 0);
    expect(freeTaskId(once)).toBe('K2');
    const twice = withKill(once, 'H2', 1);
    expect(twice.tasks.at(-1)).toEqual({ id: 'K2', start: 0.002, commands: ['kill -9 H2'] });
    expect(validateScenario(twice)).toBe(twice);
    expect(run(twice, { variant: 'split' }).outcome.kind).not.toBe('deadlock');
  });

  it('starts on whole milliseconds within the limit the scenario allows', () => {
    expect(killStart(1234)).toBe(1.235);
    expect(killStart(1234.4)).toBe(1.235);
    expect(canKillAt(3_599_999)).toBe(true);
    expect(canKillAt(3_600_000)).toBe(false);
  });
});
