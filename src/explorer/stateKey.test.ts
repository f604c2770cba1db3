import { describe, expect, it } from 'vitest';
import { KEY_SCHEMA, NUMERIC_LOCALS, StateKeyer, symmetryOf } from './stateKey';
import { cloneWorld } from './cloneWorld';
import { PRESETS } from '../presets/index';
import { scaledSituation2 } from '../presets/scaled';
import { VARIANT_IDS } from '../model/variant';
import { run, worldOfCheckpoint } from '../engine/run';
import type { Scenario } from '../model/scenario';
import type { World } from '../model/world';

/** Keys are comparable within one keyer (it numbers strings as it meets them), as in a search. */
const keyers = new Map<string, StateKeyer>();
function keyOf(s: Scenario, w: World, canonical = true): string {
  const id = `${JSON.stringify(s)}${canonical}`;
  let k = keyers.get(id);
  if (!k) keyers.set(id, (k = new StateKeyer(symmetryOf(s), { canonical })));
  const h = new Uint32Array(2);
  k.encode(w, h);
  return `${h[0]}:${h[1]}`;
}

/** Every world of every preset run, every kernel (checkpoints and final states). */
function worlds(): World[] {
  const out: World[] = [];
  for (const p of PRESETS) {
    for (const v of VARIANT_IDS) {
      const t = run(p.scenario, { variant: v, checkpointEvery: 16 });
      out.push(...t.checkpoints.map((c) => worldOfCheckpoint(c, t.final)), t.final);
    }
  }
  return out;
}

/**
 * The world in which task b did what task a did and the other way round: their places in the
 * task list, pids and labels are exchanged, and so is every reference to them.
 */
function swapTasks(w: World, a: string, b: string): World {
  const x = cloneWorld(w);
  const ta = x.tasks.find((t) => t.label === a)!;
  const tb = x.tasks.find((t) => t.label === b)!;
  const [pa, pb] = [ta.pid, tb.pid];
  const sw = (p: number) => (p === pa ? pb : p === pb ? pa : p);
  for (const t of x.tasks) {
    t.pid = sw(t.pid);
    if (t.parent !== null) t.parent = sw(t.parent);
    if (t.wait?.pid !== undefined) t.wait.pid = sw(t.wait.pid);
    for (const f of t.frames) if (typeof f.l.helper === 'number') f.l.helper = sw(f.l.helper);
  }
  [ta.label, tb.label] = [tb.label, ta.label];
  const [ia, ib] = [x.tasks.indexOf(ta), x.tasks.indexOf(tb)];
  [x.tasks[ia], x.tasks[ib]] = [tb, ta];
  for (const m of x.modules) m.owner = sw(m.owner);
  x.runq = x.runq.map(sw).reverse();
  if (x.klpMutex !== null) x.klpMutex = sw(x.klpMutex);
  if (x.current !== null) x.current = sw(x.current);
  for (const st of x.stalls) st.cycle = st.cycle.map(sw);
  for (const f of x.failures) f.task = f.task === a ? b : f.task === b ? a : f.task;
  return x;
}

describe('state key', () => {
  const all = worlds();

  it('knows every field of the world: each is read, renamed or declared display-only', () => {
    const fields = (o: object) => Object.keys(o);
    const seen: Record<keyof typeof KEY_SCHEMA, Set<string>> = { World: new Set(), Task: new Set(), Wait: new Set(), ModuleInstance: new Set(), KlpGlobals: new Set() };
    for (const w of all) {
      fields(w).forEach((f) => seen.World.add(f));
      fields(w.klp).forEach((f) => seen.KlpGlobals.add(f));
      for (const t of w.tasks) {
        fields(t).forEach((f) => seen.Task.add(f));
        if (t.wait) fields(t.wait).forEach((f) => seen.Wait.add(f));
      }
      for (const m of w.modules) fields(m).forEach((f) => seen.ModuleInstance.add(f));
    }
    for (const [kind, s] of Object.entries(KEY_SCHEMA)) {
      const declared = [...s.read, ...s.renamed, ...s.display];
      const unknown = [...seen[kind as keyof typeof KEY_SCHEMA]].filter((f) => !declared.includes(f as never));
      expect(unknown, `${kind} fields the state key does not know (declare them in KEY_SCHEMA and encode them)`).toEqual([]);
    }
  });

  it('knows what every numeric local of every procedure holds', () => {
    const undeclared = new Set<string>();
    for (const w of all) for (const t of w.tasks) for (const f of t.frames) for (const [k, v] of Object.entries(f.l)) if (typeof v === 'number' && !(k in NUMERIC_LOCALS)) undeclared.add(`${f.fn}.${k}`);
    expect([...undeclared]).toEqual([]);
  });

  it('leaves out display data: step counter, wait start, logs', () => {
    const t = run(PRESETS.find((p) => p.id === 'P10')!.scenario, { variant: 'split' });
    const w = cloneWorld(t.final);
    const x = cloneWorld(w);
    x.step += 7;
    x.choices += 1;
    x.dmesg = [];
    for (const task of x.tasks) if (task.wait) task.wait.since += 3;
    expect(keyOf(t.scenario, x)).toBe(keyOf(t.scenario, w));
    // The unreduced key of the old explorer tells them apart.
    x.helperSeq += 1;
    expect(keyOf(t.scenario, x, false)).not.toBe(keyOf(t.scenario, w, false));
  });

  it('tells apart worlds that can behave differently', () => {
    const t = run(PRESETS.find((p) => p.id === 'P10')!.scenario, { variant: 'split' });
    const w = t.final;
    const changed: ((x: World) => void)[] = [
      (x) => (x.modules[0].state = 'MODULE_STATE_LIVE'),
      (x) => (x.modules[0].refcnt += 1),
      (x) => (x.klpMutex = x.tasks[0].pid),
      (x) => (x.time += 1),
      (x) => x.tasks[1].frames.pop(),
      (x) => (x.tasks[0].wait!.killable = false),
      (x) => x.failures.push({ task: 'U1', command: 'modprobe M', exit: 1 }),
    ];
    for (const change of changed) {
      const x = cloneWorld(w);
      change(x);
      expect(keyOf(t.scenario, x), change.toString()).not.toBe(keyOf(t.scenario, w));
    }
  });

  /** The worlds of a run, every 4 steps. */
  const along = (s: Scenario, schedule: string[]) => {
    const t = run(s, { variant: 'split', schedule, checkpointEvery: 4 });
    return [...t.checkpoints.map((c) => worldOfCheckpoint(c, t.final)), t.final];
  };

  it('names interchangeable user tasks by what they do, not by their pids and labels', () => {
    // N=2: U1 and U2 both run `modprobe M1`. U1 going first and U2 going first are the same
    // worlds up to renaming, step by step (module owners, waits and helpers included).
    const s = scaledSituation2(2, 1);
    const a = along(s, ['U1', 'U2', 'U3']);
    const b = along(s, ['U2', 'U1', 'U3']);
    expect(a.length).toBe(b.length);
    a.forEach((w, i) => expect(keyOf(s, b[i]), `world ${i}`).toBe(keyOf(s, w)));
    // A world and its swapped copy are one.
    expect(keyOf(s, swapTasks(a[5], 'U1', 'U2'))).toBe(keyOf(s, a[5]));
    // With different commands the two orders are different worlds.
    const distinct: Scenario = { ...s, tasks: [{ commands: ['modprobe M1'] }, { commands: ['modprobe -q M1'] }, s.tasks[2]] };
    const c = along(distinct, ['U1', 'U2', 'U3']);
    const d = along(distinct, ['U2', 'U1', 'U3']);
    expect(c.some((w, i) => d[i] && keyOf(distinct, d[i]) !== keyOf(distinct, w))).toBe(true);
    // A scenario that kills by label keeps labels apart.
    const killer: Scenario = { ...s, tasks: [...s.tasks, { commands: ['kill U1'] }] };
    expect(keyOf(killer, swapTasks(a[5], 'U1', 'U2'))).not.toBe(keyOf(killer, a[5]));
  });

  it('names helpers by what they run, not by their numbers', () => {
    // N=1 K=2: the helpers for P__M1 and P__M2 can be started in either order.
    const s = scaledSituation2(1, 2);
    const t = run(s, { variant: 'split-poc19', checkpointEvery: 2 });
    const two = [...t.checkpoints.map((c) => worldOfCheckpoint(c, t.final)), t.final].filter((w) => w.tasks.filter((x) => x.kind === 'helper' && x.status !== 'exited').length >= 2);
    expect(two.length).toBeGreaterThan(0);
    for (const w of two) {
      const [h1, h2] = w.tasks.filter((x) => x.kind === 'helper' && x.status !== 'exited').map((x) => x.label);
      expect(keyOf(s, swapTasks(w, h1, h2))).toBe(keyOf(s, w));
    }
  });
});
