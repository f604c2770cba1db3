/**
 * machineStates.ts - which state of its machine (src/machines/) a module or a livepatch is in at
 * a step of a trace, and which transition led there: read from the transitions each step records
 * (TraceStep.machines), so the statechart the UI highlights follows what the engine did, event
 * for event, without replaying worlds.
 */
import type { MachineChange, Trace } from '../model/trace';
import { instanceName } from '../rules/names';

export type MachineSubjectKind = MachineChange['machine'];

/** Something with a machine in a trace: a module (by name, all its instances) or a livepatch. */
export interface MachineSubject {
  kind: MachineSubjectKind;
  name: string;
}

/** A transition and the step that made it. */
export interface MachineChangeAt extends MachineChange {
  step: number;
}

export interface MachineInstanceState {
  /** `M#2` for a module instance; a patch's name (with its counter when there were several). */
  label: string;
  inst: number;
  state: string;
  /** The transition that put it in `state`. */
  change: MachineChangeAt;
}

export interface MachineStateAt {
  /**
   * The objects of that name at the step: every one not yet freed, and those freed by this very
   * step (so the step that frees one still shows where it went). Oldest first.
   */
  instances: MachineInstanceState[];
  /** The last transition of any of them at or before the step: the one just taken. */
  last: MachineChangeAt | null;
}

/** Every recorded transition of a trace in step order, built once per trace. */
const changesOf = new WeakMap<Trace, MachineChangeAt[]>();

function allChanges(trace: Trace): MachineChangeAt[] {
  let list = changesOf.get(trace);
  if (!list) {
    list = [];
    for (const s of trace.steps) for (const c of s.machines ?? []) list.push({ ...c, step: s.i });
    changesOf.set(trace, list);
  }
  return list;
}

/** The modules and livepatches whose machines move in this trace, in order of first appearance. */
export function machineSubjects(trace: Trace): MachineSubject[] {
  const seen = new Set<string>();
  const out: MachineSubject[] = [];
  for (const c of allChanges(trace)) {
    const key = `${c.machine}\u0000${c.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ kind: c.machine, name: c.name });
  }
  return out;
}

/**
 * The state of each object `name` of that kind right after step `step` (-1: before the first
 * step, when nothing exists yet), and the transition just taken.
 */
export function machineStateAt(trace: Trace, kind: MachineSubjectKind, name: string, step: number): MachineStateAt {
  const byInst = new Map<number, MachineChangeAt>();
  let last: MachineChangeAt | null = null;
  for (const c of allChanges(trace)) {
    if (c.step > step) break;
    if (c.machine !== kind || c.name !== name) continue;
    byInst.set(c.inst, c);
    last = c;
  }
  const several = byInst.size > 1;
  const instances: MachineInstanceState[] = [];
  for (const [inst, change] of [...byInst].sort((a, b) => a[0] - b[0])) {
    if (change.to === 'freed' && change.step !== step) continue;
    const label = kind === 'module' ? instanceName({ name, inst }) : several ? `${name} (${inst})` : name;
    instances.push({ label, inst, state: change.to, change });
  }
  return { instances, last };
}
