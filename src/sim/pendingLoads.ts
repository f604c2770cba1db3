/**
 * pendingLoads.ts - copies of a module that a task is loading but that are not in the module list
 * (yet): load_module() has the new `struct module` from layout_and_allocate(), and
 * add_unformed_module() has not inserted it, because an instance of the same name exists.
 *
 * This is the recursion of the seed patch made visible: while M#1 is COMING, a modprobe helper
 * loads M again; its copy (shown as M#2) sleeps in add_unformed_module() until M#1 is LIVE or
 * gone (location i), or, with 19/23, klp_break_recursion() makes it give up with -EEXIST.
 */
import type { Task, World } from '../model/world';
import { ERRNO } from '../model/errno';
import { instanceName } from '../rules/names';

export interface PendingLoad {
  /** How the copy is shown: the name with the next instance number (`M#2`). [S] The kernel numbers nothing. */
  key: string;
  name: string;
  /** The task loading it. */
  task: string;
  pid: number;
  /**
   * 'allocated': load_module() holds the copy, add_unformed_module() has not looked yet;
   * 'waiting': add_unformed_module() found `blockedBy` not LIVE and sleeps on module_wq;
   * 'refused': add_unformed_module() gives up with -EEXIST (19/23's klp_break_recursion()).
   */
  phase: 'allocated' | 'waiting' | 'refused';
  /**
   * The copy's own `mod->state`: add_unformed_module() sets MODULE_STATE_UNFORMED before it looks
   * for the name, so a waiting or refused copy is UNFORMED outside the list; null before that (the
   * copy from layout_and_allocate() has no state of the loader's yet).
   */
  state: 'MODULE_STATE_UNFORMED' | null;
  /** The listed instance of the same name, e.g. M#1. */
  blockedBy: string;
}

/** Where a second copy sleeps on module_wq: v5.5's add_unformed_module(), or v6.4+'s check it calls. */
const COPY_WAITS = new Set(['add_unformed_module', 'module_patient_check_exists']);

/** The load_module() frame of a task whose copy is not in the module list, with its index. */
function unlistedLoad(t: Task): number {
  for (let i = t.frames.length - 1; i >= 0; i--) {
    const f = t.frames[i];
    if (f.fn === 'load_module') return typeof f.l.mod === 'number' ? -1 : i;
  }
  return -1;
}

/** Every second copy of a listed module being loaded outside the module list, in task order. */
export function pendingLoads(w: World): PendingLoad[] {
  const out: PendingLoad[] = [];
  const next: Record<string, number> = {};
  for (const t of w.tasks) {
    if (t.status === 'exited' || t.status === 'new') continue;
    const at = unlistedLoad(t);
    if (at < 0) continue;
    const load = t.frames[at];
    const name = typeof load.l.name === 'string' ? load.l.name : '';
    if (!name) continue;
    // v6.4+ early_mod_check() looks for the name before layout_and_allocate(): no copy exists yet,
    // the task is only a waiter on the name (waitersByName()).
    if (t.frames[at + 1]?.fn === 'early_mod_check') continue;
    const add = t.frames[at + 1]?.fn === 'add_unformed_module' ? t.frames[at + 1] : undefined;
    // add_unformed_module() returned 0: the copy is in the list now (load_module() names it next step).
    if (load.l.ret === 0) continue;
    const listed = w.modules.find((m) => m.name === name);
    // A first load is unlisted only for the step before add_unformed_module() inserts it: only a
    // second copy of a listed name is worth showing.
    if (!listed) continue;
    // -EEXIST on its way out of add_unformed_module(), or klp_break_recursion() just said true.
    const refused = load.l.ret === -ERRNO.EEXIST || (add !== undefined && add.l.ret === 1 && t.frames[at + 2] === undefined);
    const phase = refused ? 'refused' : add && t.status === 'blocked' && COPY_WAITS.has(t.wait?.fn ?? '') ? 'waiting' : 'allocated';
    next[name] = (next[name] ?? w.instSeq[name] ?? 0) + 1;
    const state = add || refused ? 'MODULE_STATE_UNFORMED' : null;
    out.push({ key: instanceName({ name, inst: next[name] }), name, task: t.label, pid: t.pid, phase, state, blockedBy: instanceName(listed) });
  }
  return out;
}

/** What becomes of a second copy, in the loader's words (the graph's node and the statechart say it). */
export function pendingLoadFate(c: PendingLoad): string {
  switch (c.phase) {
    case 'waiting':
      return `not in the module list: add_unformed_module() waits for ${c.blockedBy}`;
    case 'refused':
      return `-EEXIST: klp_break_recursion() (19/23) stops the wait for ${c.blockedBy}`;
    default:
      return `not in the module list: ${c.blockedBy} holds the name`;
  }
}
