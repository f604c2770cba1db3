/**
 * run() is a pure function of (scenario, variant, schedule): the same inputs give the same trace,
 * and a schedule picks among runnable tasks at each choice point.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../test/run';
import { PRESETS, getPreset } from '../presets/index';
import { cmds, dmesg, out, runIn, scn, TEST_MAX_STEPS } from '../test/helpers';
import type { Trace } from '../model/trace';

describe('determinism', () => {
  for (const p of PRESETS) {
    for (const variant of Object.keys(p.expected) as (keyof typeof p.expected)[]) {
      it(`${p.id} [${variant}] twice gives JSON-identical traces`, () => {
        const a = run(p.scenario, { variant, maxSteps: TEST_MAX_STEPS });
        const b = run(structuredClone(p.scenario), { variant, maxSteps: TEST_MAX_STEPS });
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      });
    }
  }

  it('does not modify its input scenario', () => {
    const s = getPreset('P10')!.scenario;
    const before = JSON.stringify(s);
    run(s, { variant: 'split' });
    expect(JSON.stringify(s)).toBe(before);
  });
});

describe('scheduling choices (P03: T2 insmod and T3 modprobe start together at t = 1 s)', () => {
  const P03 = getPreset('P03')!.scenario;
  const choices = (t: Trace) => t.steps.filter((x) => x.choice).map((x) => x.choice!);
  const firstWoken = (t: Trace) =>
    t.steps.find((x) => x.t === 10_000 && x.fn === 'add_unformed_module' && (x.label === 'T2' || x.label === 'T3'))?.label;

  it('the default (FIFO) picks T2 first: its insmod runs and re-checks first', () => {
    const t = run(P03, { variant: 'upstream' });
    expect(choices(t)[0]).toEqual({ options: ['T2', 'T3'], picked: 'T2' });
    expect(cmds(t)).toEqual(['modprobe slow', 'insmod slow.ko', 'modprobe slow']);
    expect(firstWoken(t)).toBe('T2');
  });

  it("picking 'T3' before 'T2' changes the interleaving: T3's modprobe runs and is woken first", () => {
    const t = run(P03, { variant: 'upstream', schedule: ['T3', 'T3', 'T3'] });
    expect(choices(t).slice(0, 3).map((c) => c.picked)).toEqual(['T3', 'T3', 'T3']);
    expect(cmds(t)).toEqual(['modprobe slow', 'modprobe slow', 'insmod slow.ko']);
    expect(firstWoken(t)).toBe('T3');
    // The kernel's answer is the same either way: slow was loaded once, insmod got -EEXIST.
    expect(out(t)).toEqual(['insmod: ERROR: could not insert module slow.ko: File exists']);
    expect(JSON.stringify(t.steps)).not.toBe(JSON.stringify(run(P03, { variant: 'upstream' }).steps));
  });

  it('a schedule naming a task that cannot run falls back to the default', () => {
    const a = run(P03, { variant: 'upstream', schedule: ['nobody'] });
    expect(a.steps).toEqual(run(P03, { variant: 'upstream' }).steps);
  });

  it('when the first init fails, the schedule decides which waiter loads the module itself', () => {
    const s = scn({
      modules: [{ name: 'slow', init: [{ sleep: 10 }, { return: 'ENODEV' }] }],
      tasks: [
        { id: 'T1', commands: ['modprobe slow'] },
        { id: 'T2', start: 1, commands: ['insmod slow.ko'] },
        { id: 'T3', start: 1, commands: ['modprobe slow'] },
      ],
    });
    const fifo = runIn('upstream', s);
    const t3 = runIn('upstream', s, { schedule: ['T3', 'T3', 'T3'] });
    expect(out(fifo)).toEqual([
      "modprobe: ERROR: could not insert 'slow': No such device",
      'insmod: ERROR: could not insert module slow.ko: No such device',
      "modprobe: ERROR: could not insert 'slow': No such device",
    ]);
    expect(out(t3)).toEqual([
      "modprobe: ERROR: could not insert 'slow': No such device",
      "modprobe: ERROR: could not insert 'slow': No such device",
      'insmod: ERROR: could not insert module slow.ko: No such device',
    ]);
    expect(fifo.final.failures.map((f) => f.task)).toEqual(['T1', 'T2', 'T3']);
    expect(t3.final.failures.map((f) => f.task)).toEqual(['T1', 'T3', 'T2']);
    expect(dmesg(t3)).toEqual([]);
  });
});

describe('run() outcome basics', () => {
  it('an invalid scenario throws the ScenarioError before anything runs', () => {
    expect(() => run({ type: 'klp-playground/scenario', version: 1, title: 't', modules: [], livepatches: [], tasks: [{ commands: ['foo'] }] })).toThrow(
      "tasks[0].commands[0]: unknown command 'foo'",
    );
  });

  it('the default variant is split-poc19', () => {
    expect(run(getPreset('P10')!.scenario).variant).toBe('split-poc19');
  });

  it('maxSteps stops the run with a "limit" outcome (no livelock: the state still changes)', () => {
    const t = run(getPreset('P10')!.scenario, { variant: 'split-poc19', maxSteps: 20 });
    expect(t.steps).toHaveLength(20);
    expect(t.outcome.kind).toBe('limit');
    expect(t.outcome.summary).toBe("stopped after 20 steps without finishing: the simulator's step limit (the scenario is too big to finish, or it keeps changing without end)");
  });

  it('without step records (the explorer, the benchmarks) the run reaches the same world and verdict', () => {
    const full = run(getPreset('P08')!.scenario, { variant: 'split' });
    const bare = run(getPreset('P08')!.scenario, { variant: 'split', recordSteps: false });
    expect(bare.steps).toEqual([]);
    expect(bare.outcome).toEqual(full.outcome);
    expect(bare.final).toEqual(full.final);
  });
});
