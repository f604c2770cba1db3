/**
 * waitFor.ts - the wait-for graph of a world (kernel/README.md, "Waits"): which task waits for which, in which
 * kernel function, and the cycles among them.
 *
 * A cycle of untimed edges (W1 add_unformed_module, W3 request_module, mutexes) is a deadlock;
 * one that includes a timed edge (W2 resolve_symbol_wait, 30 s) is a stall that a timeout breaks.
 * v7.1 adds W5, idempotent_wait_for_completion() (a finit_module() of a file another task is
 * loading waits for that task), and moves W1 into module_patient_check_exists().
 */
import type { Task, World } from '../model/world';
import { MAX_KMOD_ALL_BUSY_TIMEOUT_MS, MAX_KMOD_CONCURRENT, RESOLVE_SYMBOL_TIMEOUT_MS, seconds } from '../rules/limits';
import { instanceName } from '../rules/names';

export interface WaitEdge {
  from: number;
  to: number;
  /** Kernel function the waiter sleeps in. */
  fn: string;
  /** W1..W6, as kernel/README.md names the waits; W5 is v6.5+'s idempotent_wait_for_completion(). */
  wid: 'W1' | 'W2' | 'W3' | 'W4' | 'W5' | 'W6' | 'work';
  timed: boolean;
  /** What is waited for, in words. */
  what: string;
  /** Step at which the wait began. */
  since: number;
}

export interface WaitForGraph {
  edges: WaitEdge[];
  cycles: { pids: number[]; edges: WaitEdge[]; timed: boolean }[];
}

function edgeOf(w: World, t: Task): WaitEdge | null {
  const wait = t.wait;
  if (!wait || t.status !== 'blocked') return null;
  const base = { from: t.pid, fn: wait.fn, since: wait.since };
  switch (wait.kind) {
    case 'module_wq': {
      const inst = w.modules.find((m) => m.name === wait.name);
      if (!inst) return null;
      // v5.5 add_unformed_module(); v6.4+ module_patient_check_exists() (from early_mod_check()
      // or add_unformed_module()): the same wait for a same-name module to finish loading.
      if (wait.fn === 'add_unformed_module' || wait.fn === 'module_patient_check_exists') {
        return {
          ...base,
          to: inst.owner,
          wid: 'W1',
          timed: false,
          what: `${instanceName(inst)} to become LIVE or go away (it is ${inst.state})`,
        };
      }
      return {
        ...base,
        to: inst.owner,
        wid: 'W2',
        timed: true,
        what: `${instanceName(inst)} to leave MODULE_STATE_COMING (gives up after ${seconds(RESOLVE_SYMBOL_TIMEOUT_MS)} s)`,
      };
    }
    case 'kmod_slot': {
      // Any helper that exits frees a slot (kmod_concurrent_max); the edge names the oldest one
      // still running, and is timed: __request_module() gives up after 5 s.
      const helper = w.tasks.find((h) => h.kind === 'helper' && h.status !== 'exited');
      return helper
        ? { ...base, to: helper.pid, wid: 'W4', timed: true, what: `a free kmod slot (all ${MAX_KMOD_CONCURRENT} taken; gives up after ${seconds(MAX_KMOD_ALL_BUSY_TIMEOUT_MS)} s)` }
        : null;
    }
    case 'umh':
      return { ...base, to: wait.pid ?? -1, wid: 'W3', timed: false, what: 'its modprobe helper to exit' };
    case 'completion':
      return wait.pid === undefined
        ? null
        : { ...base, to: wait.pid, wid: 'W5', timed: false, what: `the finit_module() of ${wait.name ?? 'the same file'} to return` };
    case 'mutex':
      return w.klpMutex === null
        ? null
        : { ...base, to: w.klpMutex, wid: 'W6', timed: false, what: `${wait.name} to be released` };
    case 'work':
      return wait.pid === undefined
        ? null
        : { ...base, to: wait.pid, wid: 'work', timed: false, what: 'queued work to finish' };
    default:
      return null;
  }
}

export function waitForGraph(w: World): WaitForGraph {
  const edges: WaitEdge[] = [];
  for (const t of w.tasks) {
    const e = edgeOf(w, t);
    if (e) edges.push(e);
  }
  const out = new Map<number, WaitEdge>();
  for (const e of edges) out.set(e.from, e);
  const cycles: WaitForGraph['cycles'] = [];
  const seen = new Set<number>();
  for (const start of out.keys()) {
    if (seen.has(start)) continue;
    const path: number[] = [];
    const onPath = new Map<number, number>();
    let cur: number | undefined = start;
    while (cur !== undefined && !seen.has(cur) && !onPath.has(cur)) {
      onPath.set(cur, path.length);
      path.push(cur);
      cur = out.get(cur)?.to;
    }
    if (cur !== undefined && onPath.has(cur)) {
      const pids = path.slice(onPath.get(cur));
      const cedges = pids.map((p) => out.get(p)!);
      cycles.push({ pids, edges: cedges, timed: cedges.some((e) => e.timed) });
    }
    path.forEach((p) => seen.add(p));
  }
  return { edges, cycles };
}

/**
 * The function the cycle is stuck in: the loader wait (i or ii) rather than the helper wait. On
 * v6.5+ a recursive load of the same file waits in idempotent_wait_for_completion() (W5): the
 * seed's location i, moved (rules/seed.ts).
 */
export function cycleLocation(edges: WaitEdge[]): { fn: string; seed?: 'i' | 'ii' } {
  const w1 = edges.find((e) => e.wid === 'W1' || e.wid === 'W5');
  if (w1) return { fn: w1.fn, seed: 'i' };
  const w2 = edges.find((e) => e.wid === 'W2');
  if (w2) return { fn: w2.fn, seed: 'ii' };
  return { fn: edges[0]?.fn ?? 'unknown' };
}
