/**
 * moduleQueries.ts - questions the UI asks about one module of a world: which instances of it
 * exist (M#1 LIVE, M#2 COMING while a recursive load runs), who loads each, and who sleeps
 * waiting for it (add_unformed_module(), module_patient_check_exists() or resolve_symbol_wait() on
 * module_wq, or idempotent_wait_for_completion() on a finit_module() of one of its files).
 */
import type { ModuleState, World } from '../model/world';
import { instanceName } from '../rules/names';
import { module_refcount } from '../rules/refcount';

export interface InstanceView {
  /** `M#2`: the second instance named M in this run. */
  key: string;
  state: ModuleState;
  /** Label of the task that loads it (or unloads it, when GOING). */
  owner: string;
  /** module_refcount(): what /sys/module/NAME/refcnt shows. */
  refcnt: number;
}

export interface WaiterView {
  task: string;
  /** The kernel function it sleeps in. */
  fn: string;
}

function labelOf(w: World, pid: number): string {
  return w.tasks.find((t) => t.pid === pid)?.label ?? String(pid);
}

/** Every instance of the module in the module list, newest first (list order). */
export function moduleInstances(w: World, name: string): InstanceView[] {
  return w.modules
    .filter((m) => m.name === name)
    .map((m) => ({ key: instanceName(m), state: m.state, owner: labelOf(w, m.owner), refcnt: module_refcount(m) }));
}

/**
 * The tasks asleep because of this module, and the pids among them: on module_wq for its name, or
 * (v6.5+) on the completion of a finit_module() of a file of it (`/…/NAME.ko`; the kernel only
 * knows the inode there, the file name is the simulator's way to say which module it holds).
 */
export function moduleWaiters(w: World, name: string): (WaiterView & { pid: number })[] {
  return w.tasks
    .filter(
      (t) =>
        t.status === 'blocked' &&
        ((t.wait?.kind === 'module_wq' && t.wait.name === name) || (t.wait?.kind === 'completion' && !!t.wait.name?.endsWith(`/${name}.ko`))),
    )
    .map((t) => ({ task: t.label, fn: t.wait!.fn, pid: t.pid }));
}

/** moduleInstances() of every module name at once, in one pass over the module list. */
export function instancesByName(w: World): Map<string, InstanceView[]> {
  const out = new Map<string, InstanceView[]>();
  for (const m of w.modules) {
    const list = out.get(m.name) ?? [];
    list.push({ key: instanceName(m), state: m.state, owner: labelOf(w, m.owner), refcnt: module_refcount(m) });
    out.set(m.name, list);
  }
  return out;
}

/** moduleWaiters() of every module name at once. */
export function waitersByName(w: World): Map<string, (WaiterView & { pid: number })[]> {
  const out = new Map<string, (WaiterView & { pid: number })[]>();
  for (const t of w.tasks) {
    if (t.status !== 'blocked' || !t.wait?.name) continue;
    // As moduleWaiters(): module_wq by module name, a finit_module() completion by its file /…/NAME.ko.
    const name = t.wait.kind === 'module_wq' ? t.wait.name : t.wait.kind === 'completion' ? /\/([^/]+)\.ko$/.exec(t.wait.name)?.[1] : undefined;
    if (!name) continue;
    const list = out.get(name) ?? [];
    list.push({ task: t.label, fn: t.wait.fn, pid: t.pid });
    out.set(name, list);
  }
  return out;
}
