/**
 * builderDoc.ts - what the scenario builder edits: a plain Scenario (the same document a shared
 * link carries) plus the canvas positions of its items, which the scenario schema has no room for.
 */
import {
  MODULE_NAME_RE,
  SCENARIO_TYPE,
  SCENARIO_VERSION,
  SYMBOL_RE,
  TASK_LABEL_RE,
  perObjectModuleName,
  taskLabel as engineTaskLabel,
  userTaskLabel,
  type Scenario,
} from '@engine';

export type ItemKind = 'module' | 'livepatch' | 'task';

/** An item on the canvas, named as the scenario names it (a task by its label). */
export interface ItemRef {
  kind: ItemKind;
  name: string;
}

export interface XY {
  x: number;
  y: number;
}

/** Canvas positions by node id (see nodeId); UI state saved beside the scenario. */
export type Positions = Record<string, XY>;

/** The engine's rules: module and patch names become kernel module names; labels; symbols. */
export const ITEM_NAME = MODULE_NAME_RE;
export const TASK_LABEL = TASK_LABEL_RE;
export const SYMBOL = SYMBOL_RE;

export const VMLINUX_NODE = 'vmlinux';

/** Node ids carry the kind so a module and a task may share a name without clashing on the canvas. */
export function nodeId(ref: ItemRef): string {
  return `${ref.kind}:${ref.name}`;
}

export function refOfNode(id: string): ItemRef | null {
  const m = /^(module|livepatch|task):(.+)$/.exec(id);
  return m ? { kind: m[1] as ItemKind, name: m[2] } : null;
}

export function emptyScenario(): Scenario {
  return { type: SCENARIO_TYPE, version: SCENARIO_VERSION, title: 'My scenario', modules: [], livepatches: [], tasks: [] };
}

/** A task's label as the engine sees it: its id, or U<n> by position. */
export function taskLabel(s: Scenario, i: number): string {
  return engineTaskLabel(s.tasks[i], i);
}

/**
 * Gives every task an explicit id equal to its default label, so the builder can name tasks
 * stably (deleting U1 must not turn U2 into U1). The engine sees the same labels as before.
 */
export function withTaskIds(s: Scenario): Scenario {
  if (s.tasks.every((t) => t.id !== undefined)) return s;
  return { ...s, tasks: s.tasks.map((t, i) => (t.id === undefined ? { ...t, id: userTaskLabel(i) } : t)) };
}

/** Every name a new module or patch must not take: modules, patches and per-object modules. */
export function takenModuleNames(s: Scenario): Set<string> {
  const names = new Set<string>();
  for (const m of s.modules) names.add(m.name);
  for (const lp of s.livepatches) {
    names.add(lp.name);
    for (const o of lp.objects.slice(1)) names.add(perObjectModuleName(lp.name, o.name));
  }
  return names;
}

/** prefix1, prefix2…: the first one not taken. */
export function freshName(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) if (!taken.has(`${prefix}${n}`)) return `${prefix}${n}`;
}
