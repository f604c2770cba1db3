/**
 * search.ts - the interleaving explorer's model checker: a depth-first search over the
 * scheduling choices of a scenario, one bounded chunk of work at a time.
 *
 * A state is a world at a scheduling choice (several tasks could run). From it, each choice runs
 * the engine (stepWith, the same interpreter run() uses) until the next choice or the end. States
 * are recognised by their canonical key (stateKey.ts) in a fixed-budget table (stateTable.ts); the
 * path from the first state is kept on a stack with one saved world per choice, so going back is
 * one copy. Ends are classified as run() classifies them and grouped up to renaming of
 * interchangeable tasks (outcomeGroups.ts), each group with how many distinct end states reach it
 * and the shortest schedule found for it.
 *
 * The engine has no clock: the caller (the CLI, the web worker) drives `run(budget)` and decides
 * when to stop; `stop()` ends the search and the result names what was left.
 */
import { validateScenario } from '../scenario/validate';
import type { VariantId } from '../model/variant';
import type { World } from '../model/world';
import type { Granularity, Outcome } from '../model/trace';
import type { Env } from '../sim/env';
import type { Ctx } from '../sim/context';
import { advance, classify, makeEnv, type Stop } from '../engine/run';
import { initialWorld } from '../engine/world';
import { newCtx } from '../engine/ctx';
import { kernelName } from '../engine/procs';
import { StateKeyer, symmetryOf, type Symmetry } from './stateKey';
import { StateTable } from './stateTable';
import { cloneWorld } from './cloneWorld';
import { outcomeGroupKey } from './outcomeGroups';

/** How many engine steps one stretch between two choices may take before it counts as a loop. */
export const STRETCH_LIMIT = 20_000;

export interface SearchOptions {
  variant?: VariantId;
  /** Stop after this many distinct states (default: no limit but memory). */
  maxStates?: number;
  /** Memory for the visited-state table (default 512 MB). */
  tableBytes?: number;
  /**
   * State reduction: 'canonical' (default) leaves out display data and renames interchangeable
   * tasks; 'none' keys on the whole world but its logs, the explorer's old key (for tests).
   */
  reduction?: 'canonical' | 'none';
  /** Total engine steps a run may take (the run's own limit; default as run()). */
  maxSteps?: number;
  /** Where running tasks may be preempted (default: 'default'). */
  granularity?: Granularity;
  /** With 'fine': a choice after every step, without the reduction to steps that touch shared state (tests). */
  preemptEveryStep?: boolean;
}

export interface Finding {
  /** The outcome of the shortest schedule found for this group. */
  outcome: Outcome;
  /** Task labels to pick at each scheduling choice: pass as run()'s `schedule`. */
  schedule: string[];
  /** Distinct end states (up to renaming) with this outcome. */
  count: number;
  /** Identifies the group: outcomes equal up to renaming interchangeable tasks. */
  key: string;
}

export type StopReason = 'states' | 'memory' | 'time' | 'cancelled';

export interface Progress {
  /** Distinct states (scheduling choices) visited. */
  states: number;
  /** Choices taken (edges of the state graph). */
  transitions: number;
  /** Depth of the search now, and the deepest it went. */
  depth: number;
  maxDepth: number;
  /** Distinct outcome groups so far. */
  outcomes: number;
  /** End states reached (with repeats). */
  ends: number;
  /** Bytes of the visited-state table. */
  tableBytes: number;
}

export interface Exploration extends Progress {
  variant: VariantId;
  /** Every reachable state was visited, and every run from them ended (none hit the step limit). */
  complete: boolean;
  /** Runs cut at the step limit without a verdict (a `limit` outcome): their future is unknown. */
  cutRuns: number;
  /** Why the search stopped early, and the choices it had not tried then. */
  stopped?: { reason: StopReason; untried: number };
  findings: Finding[];
  /**
   * Cycles of choices that come back to a state on the current path but leave a task runnable
   * all along and never run it: weak fairness (a runnable task is eventually scheduled) rules
   * them out, so they are not outcomes. A cycle in which every task that stays runnable runs is a
   * livelock, and is reported as one.
   */
  starvingCycles: number;
  /** Probability that hash compaction merged two different states (so that one was not searched). */
  omissionProbability: number;
}

interface Frame {
  /** The world at this choice; null once its last choice took it over. */
  w: World | null;
  options: string[];
  /** The choice being explored (index into options). */
  pick: number;
  /** Tasks that ran in the stretch that left this state by `pick`... */
  ran: string[];
  /** ...and the outermost frame (depth) each of them ran a step in. */
  ranDepth: number[];
  h0: number;
  h1: number;
}

interface Group {
  finding: Finding;
  /** Length of its schedule, with trailing default picks left out. */
  len: number;
}

/** A bounded, resumable search. */
export class Search {
  readonly env: Env;
  private readonly k: Ctx;
  private readonly sym: Symmetry;
  private readonly keyer: StateKeyer;
  private readonly table: StateTable;
  private readonly ends: StateTable;
  private readonly stack: Frame[] = [];
  /** States on the stack by h1, for telling a cycle from a join. */
  private readonly onStack = new Map<number, number[]>();
  private readonly groups = new Map<string, Group>();
  private readonly groupList: Group[] = [];
  private readonly hash = new Uint32Array(2);
  private readonly maxStates: number;
  private transitions = 0;
  private endHits = 0;
  private maxDepth = 0;
  private starving = 0;
  private cut = 0;
  private stopped: { reason: StopReason; untried: number } | undefined;
  private done = false;
  private readonly fresh: Finding[] = [];

  constructor(input: unknown, opts: SearchOptions = {}) {
    const scenario = validateScenario(input);
    this.env = makeEnv(scenario, { variant: opts.variant, granularity: opts.granularity, preemptEveryStep: opts.preemptEveryStep, maxSteps: opts.maxSteps, checkpointEvery: 0, recordSteps: false });
    this.k = newCtx(this.env);
    this.k.quiet = true;
    this.sym = symmetryOf(scenario);
    this.keyer = new StateKeyer(this.sym, { canonical: opts.reduction !== 'none' });
    const budget = opts.tableBytes ?? 512 * 2 ** 20;
    this.table = new StateTable(budget);
    this.ends = new StateTable(budget / 4);
    this.maxStates = opts.maxStates ?? Infinity;
    if (opts.reduction === 'none') this.keyOf = (w) => this.wholeKey(w);
    this.start();
  }

  /** The key of a world into this.hash. */
  private keyOf = (w: World): void => {
    this.keyer.encode(w, this.hash);
  };

  /** The old explorer's key: everything but the logs, step counter and scheduling cursor. */
  private readonly strings = new Map<string, number>();
  private wholeKey(w: World): void {
    const { step: _s, dmesg: _d, userspace: _u, choices: _c, ...rest } = w;
    const s = JSON.stringify(rest);
    let id = this.strings.get(s);
    if (id === undefined) this.strings.set(s, (id = this.strings.size + 1));
    this.hash[0] = id;
    this.hash[1] = 0x5bd1e995;
  }

  private start(): void {
    const w = initialWorld(this.env);
    let options: string[] = [];
    const stop = advance(w, this.env, this.k, (o) => ((options = o), null), undefined, undefined, Math.min(STRETCH_LIMIT, this.env.maxSteps));
    this.settle(w, stop, options);
  }

  /** A stretch ended: at a new state (push it), a known one, or an end (classify it). */
  private settle(w: World, stop: Stop, options: string[]): void {
    if (stop !== 'choice') {
      this.end(w, stop === 'limit');
      return;
    }
    this.keyOf(w);
    const h0 = this.hash[0];
    const h1 = this.hash[1];
    if (this.table.size >= this.maxStates && this.table.get(h0, h1) === undefined) {
      this.halt('states');
      return;
    }
    const added = this.table.add(h0, h1);
    if (added === 0) {
      if (this.isOnStack(h0, h1)) this.cycle(h0, h1, w);
      return;
    }
    if (added < 0) {
      this.halt('memory');
      return;
    }
    w.dmesg = []; // nothing reads it; the replay of a schedule prints it
    const f: Frame = { w, options, pick: -1, ran: [], ranDepth: [], h0, h1 };
    this.stack.push(f);
    const list = this.onStack.get(h1);
    if (list) list.push(h0);
    else this.onStack.set(h1, [h0]);
    if (this.stack.length > this.maxDepth) this.maxDepth = this.stack.length;
  }

  /**
   * The path came back to the state at stack[j]. Weak fairness: the cycle is a behaviour only if
   * every task that is runnable at each of its choices runs in it (labels name tasks along one
   * path). Such a cycle repeats forever: a livelock.
   */
  private cycle(h0: number, h1: number, w: World): void {
    let j = this.stack.length - 1;
    while (j >= 0 && !(this.stack[j].h0 === h0 && this.stack[j].h1 === h1)) j--;
    const loop = this.stack.slice(j);
    const ran = new Set(loop.flatMap((f) => f.ran));
    const always = loop[0].options.filter((o) => loop.every((f) => f.options.includes(o)));
    if (always.some((o) => !ran.has(o))) {
      this.starving++;
      return;
    }
    const who = [...ran].sort();
    const fn = this.loopFunction(w, loop);
    const outcome: Outcome = {
      kind: 'livelock',
      location: fn,
      cycle: who,
      failures: [...w.failures],
      step: w.step,
      warnings: [],
      summary: `livelock: ${who.join(', ')} loop${who.length === 1 ? 's' : ''} forever in ${fn}() without progress`,
    };
    // The schedule goes round the loop a second time, so that a replay shows it repeat.
    const path = this.stack.map((f) => f.options[f.pick]);
    const schedule = [...path, ...path.slice(j)];
    const g = this.groupOf(outcome, w);
    // One count per state the loop comes back to.
    if (this.ends.add(h0 ^ 0x6c6f6f70, h1, this.groupList.indexOf(g)) === 1) g.finding.count++;
    if (schedule.length < g.len) {
      g.finding.outcome = outcome;
      g.finding.schedule = schedule;
      g.len = schedule.length;
    }
  }

  /**
   * Where a loop runs: the outermost frame any task ran a step in during the loop (as run()'s
   * livelock probe finds it). The frames below it never changed, so the world where the loop
   * closes still has it.
   */
  private loopFunction(w: World, loop: Frame[]): string {
    let depth = Infinity;
    let label = '';
    for (const f of loop) {
      f.ran.forEach((l, i) => {
        if (f.ranDepth[i] < depth || (f.ranDepth[i] === depth && l < label)) {
          depth = f.ranDepth[i];
          label = l;
        }
      });
    }
    const t = w.tasks.find((x) => x.label === label);
    const f = t && depth >= 1 ? t.frames[depth - 1] : undefined;
    return f ? kernelName(f.fn) : 'unknown';
  }

  private isOnStack(h0: number, h1: number): boolean {
    return this.onStack.get(h1)?.includes(h0) ?? false;
  }

  private pop(): void {
    const f = this.stack.pop()!;
    const list = this.onStack.get(f.h1)!;
    if (list.length === 1) this.onStack.delete(f.h1);
    else list.splice(list.lastIndexOf(f.h0), 1);
  }

  /** The schedule of the current path, and its length without trailing default picks. */
  private schedule(): { labels: string[]; len: number } {
    const labels = this.stack.map((f) => f.options[f.pick]);
    let len = this.stack.length;
    while (len > 0 && this.stack[len - 1].pick === 0) len--;
    return { labels: labels.slice(0, len), len };
  }

  private end(w: World, limited: boolean): void {
    this.endHits++;
    const { labels, len } = this.schedule();
    this.keyOf(w);
    const h0 = this.hash[0];
    const h1 = this.hash[1];
    const known = this.ends.get(h0, h1);
    if (known !== undefined && len >= this.groupList[known].len) return;
    const outcome = classify(w, this.env, this.k, limited);
    if (outcome.kind === 'limit') {
      outcome.summary =
        w.step >= this.env.maxSteps
          ? `reached the run's step limit (${this.env.maxSteps.toLocaleString('en-US')} steps) without a verdict: cut there`
          : `went ${STRETCH_LIMIT.toLocaleString('en-US')} steps without a scheduling choice, an end or a repeated state: cut there`;
      if (known === undefined) this.cut++;
    }
    const g = known !== undefined ? this.groupList[known] : this.groupOf(outcome, w);
    if (known === undefined) {
      g.finding.count++;
      this.ends.add(h0, h1, this.groupList.indexOf(g));
    }
    if (len < g.len) {
      g.finding.outcome = outcome;
      g.finding.schedule = labels;
      g.len = len;
    }
  }

  /** The group of an outcome, new or known. */
  private groupOf(outcome: Outcome, w: World): Group {
    const key = outcomeGroupKey(outcome, w, this.sym);
    let g = this.groups.get(key);
    if (!g) {
      g = { finding: { outcome, schedule: [], count: 0, key }, len: Infinity };
      this.groups.set(key, g);
      this.groupList.push(g);
      this.fresh.push(g.finding);
    }
    return g;
  }

  private halt(reason: StopReason): void {
    if (this.done) return;
    let untried = 0;
    for (const f of this.stack) untried += f.options.length - 1 - f.pick;
    this.stopped = { reason, untried };
    this.done = true;
  }

  /** Stop now (the caller's time limit, or a cancel). */
  stop(reason: StopReason): void {
    this.halt(reason);
  }

  get finished(): boolean {
    return this.done;
  }

  /**
   * Take up to `budget` choices. Returns true when the search is over (complete or stopped).
   */
  run(budget: number): boolean {
    const env = this.env;
    for (let n = 0; n < budget && !this.done; n++) {
      const f = this.stack[this.stack.length - 1];
      if (!f) {
        this.done = true;
        break;
      }
      const i = ++f.pick;
      if (i >= f.options.length) {
        this.pop();
        continue;
      }
      const last = i === f.options.length - 1;
      const w = last ? f.w! : cloneWorld(f.w!);
      if (last) f.w = null;
      this.transitions++;
      const ran = f.ran;
      const ranDepth = f.ranDepth;
      ran.length = 0;
      ranDepth.length = 0;
      let first = true;
      let options: string[] = [];
      const stop = advance(
        w,
        env,
        this.k,
        (o) => {
          if (first) {
            first = false;
            return i;
          }
          options = o;
          return null;
        },
        (rec) => {
          if (rec.pid === 0) return;
          // The frame the step ran in: a call pushed one, a return popped one.
          const depth = rec.kind === 'call' ? rec.depth - 1 : rec.kind === 'ret' || rec.kind === 'exit' ? rec.depth + 1 : rec.depth;
          const i = ran.indexOf(rec.label);
          if (i < 0) {
            ran.push(rec.label);
            ranDepth.push(depth);
          } else if (depth < ranDepth[i]) ranDepth[i] = depth;
        },
        undefined,
        Math.min(w.step + STRETCH_LIMIT, env.maxSteps),
      );
      this.settle(w, stop, options);
    }
    return this.done;
  }

  /** Outcome groups found since the last call (for showing results as they come). */
  takeNew(): Finding[] {
    return this.fresh.splice(0);
  }

  progress(): Progress {
    return {
      states: this.table.size,
      transitions: this.transitions,
      depth: this.stack.length,
      maxDepth: this.maxDepth,
      outcomes: this.groupList.length,
      ends: this.endHits,
      tableBytes: this.table.bytes + this.ends.bytes,
    };
  }

  result(): Exploration {
    return {
      variant: this.env.variant.id,
      ...this.progress(),
      complete: this.done && !this.stopped && this.cut === 0,
      cutRuns: this.cut,
      ...(this.stopped ? { stopped: this.stopped } : {}),
      findings: this.groupList.map((g) => ({ ...g.finding, schedule: [...g.finding.schedule] })),
      starvingCycles: this.starving,
      omissionProbability: this.table.omissionProbability(),
    };
  }
}
