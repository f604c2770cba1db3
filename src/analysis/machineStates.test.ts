import { describe, expect, it } from 'vitest';
import { getPreset, PRESETS } from '../presets/index';
import { run } from '../test/run';
import { replaySteps } from '../engine/replay';
import { machineDiagram } from '../machines/diagram';
import { instanceName } from '../rules/names';
import { machineStateAt, machineSubjects } from './machineStates';
import type { Trace } from '../model/trace';

function changeSteps(t: Trace, pred: (c: NonNullable<Trace['steps'][number]['machines']>[number]) => boolean): number[] {
  return t.steps.filter((s) => s.machines?.some(pred)).map((s) => s.i);
}

describe('machine states in a trace', () => {
  it('every recorded transition is one of the machine definition, and every object starts in its initial state', () => {
    for (const p of PRESETS) {
      const t = run(p.scenario, { variant: p.variant });
      for (const s of t.steps) {
        for (const c of s.machines ?? []) {
          const d = machineDiagram(c.machine);
          if (c.from === null) expect(d.states.find((x) => x.initial)?.id, `${p.id} step ${s.i}`).toBe(c.to);
          else expect(d.transitions, `${p.id} step ${s.i}`).toContainEqual({ from: c.from, to: c.to, event: c.event });
        }
      }
    }
  });

  it('follows the world: each module instance and patch is in the state machineStateAt says, at every step', () => {
    for (const [id, variant] of [['P10', 'split-poc19'], ['P10', 'split'], ['P08', 'split'], ['P09', 'upstream']] as const) {
      const t = run(getPreset(id)!.scenario, { variant });
      const subjects = machineSubjects(t);
      replaySteps(t, (i, w) => {
        for (const s of subjects) {
          const at = machineStateAt(t, s.kind, s.name, i);
          const live = at.instances.filter((x) => x.state !== 'freed');
          if (s.kind === 'module') {
            const inWorld = w.modules.filter((m) => m.name === s.name).map((m) => [instanceName(m), m.state]).sort();
            expect(live.map((x) => [x.label, x.state]).sort(), `${id} ${variant} step ${i} ${s.name}`).toEqual(inWorld);
          } else {
            const inWorld = w.klp.patches.filter((p) => p.name === s.name && p.machine !== 'freed').map((p) => p.machine);
            expect(live.map((x) => x.state), `${id} ${variant} step ${i} ${s.name}`).toEqual(inWorld);
          }
        }
      });
    }
  });

  it('P10 with 19/23: the patch is created early, then enabled; the transition just taken is the last of the step', () => {
    const t = run(getPreset('P10')!.scenario, { variant: 'split-poc19' });
    expect(machineSubjects(t)).toContainEqual({ kind: 'livepatch', name: 'lp' });
    const [created] = changeSteps(t, (c) => c.machine === 'livepatch' && c.from === null);
    expect(machineStateAt(t, 'livepatch', 'lp', created - 1)).toEqual({ instances: [], last: null });
    const early = machineStateAt(t, 'livepatch', 'lp', created);
    expect(early.instances.map((x) => [x.label, x.state])).toEqual([['lp', 'early_init']]);
    expect(early.last).toMatchObject({ event: 'klp_init_patch_early', from: null, step: created });
    const [done] = changeSteps(t, (c) => c.event === 'klp_complete_transition');
    const enabled = machineStateAt(t, 'livepatch', 'lp', done);
    expect(enabled.instances[0].state).toBe('enabled');
    expect(enabled.last).toMatchObject({ from: 'patching', to: 'enabled', event: 'klp_complete_transition', step: done });
    // The livepatch module lp has a machine of its own, still COMING while its init enables the patch.
    expect(machineStateAt(t, 'module', 'lp', done).instances.map((x) => x.state)).toEqual(['MODULE_STATE_COMING']);
  });

  it('a freed module shows where it went at the step that frees it, and is gone after', () => {
    const t = run(getPreset('P09')!.scenario, { variant: 'split-poc19' });
    const freedAt = changeSteps(t, (c) => c.machine === 'module' && c.to === 'freed');
    expect(freedAt.length).toBeGreaterThan(0);
    const i = freedAt[0];
    const change = t.steps[i].machines!.find((c) => c.to === 'freed')!;
    const at = machineStateAt(t, 'module', change.name, i);
    expect(at.last).toMatchObject({ to: 'freed', event: 'free_module', step: i });
    expect(at.instances.some((x) => x.state === 'freed')).toBe(true);
    const next = t.steps.findIndex((s, j) => j > i && !!s.machines);
    if (next > 0 && !t.steps[next].machines!.some((c) => c.name === change.name)) {
      expect(machineStateAt(t, 'module', change.name, next).instances.some((x) => x.state === 'freed')).toBe(false);
    }
  });
});
