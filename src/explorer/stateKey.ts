/**
 * stateKey.ts - what decides the future of a world, as a compact canonical encoding and a 64-bit
 * hash: two worlds with the same key reach the same outcomes (up to renaming interchangeable
 * tasks), so the explorer visits one of them.
 *
 * Left out, because nothing a task does reads them (they are display or fresh-name counters):
 * the step counter and the scheduling cursor, dmesg, the step a wait began (`wait.since`), the
 * step of a stall, instance
 * numbers (`M#2`, text only), and the counters that hand out fresh pids, module ids and labels.
 * User-space output is left out too, except what a running `capture` (the selftest harness's
 * `$(...)`) will still read. The tests in stateKey.test.ts and reduction.test.ts hold these
 * claims: every field of the world must be declared here, and the reduced search reaches exactly
 * the outcomes of the unreduced one.
 *
 * Canonical names: pids and module ids are fresh names, so a world is encoded with tasks in a
 * canonical order and every pid replaced by the task's place in that order; a module by its place
 * in the module list. Tasks whose order cannot matter (helpers, kworkers, and user tasks with the
 * same commands) are sorted by what they are doing; exited helpers that nothing refers to are
 * left out. Any fixed renaming keeps the key sound (equal keys are equal worlds up to a renaming);
 * the ordering only decides how many equal worlds are recognised.
 */
import type { Json, Task, World } from '../model/world';
import type { Scenario } from '../model/scenario';
import { parseCommand } from '../rules/commands';

/** What a numeric local holds: the key renames pids and module ids, and drops log indices. */
export type LocalKind = 'pid' | 'module' | 'userspaceIndex' | 'value';

/**
 * Every numeric local of every procedure, by name. A numeric local that is not listed here
 * stops the explorer with an internal error instead of silently keying on a raw pid.
 */
export const NUMERIC_LOCALS: Readonly<Record<string, LocalKind>> = {
  helper: 'pid',
  winner: 'pid',
  mod: 'module',
  from: 'userspaceIndex',
  deadline: 'value',
  err: 'value',
  i: 'value',
  idemRet: 'value',
  ret: 'value',
  seconds: 'value',
  signal: 'value',
  status: 'value',
  ts: 'value',
};

export interface KeyOptions {
  /**
   * Canonical task order (helpers and kworkers by what they do, symmetric user tasks too) and
   * unreferenced exited helpers left out. Off: tasks in creation order, labels kept.
   */
  canonical: boolean;
}

/** Which tasks may be reordered, decided once per scenario. */
export interface Symmetry {
  /** Per user task (scenario order): its class; tasks of one class are interchangeable. */
  userClass: number[];
  /** Labels matter (a `kill LABEL` names a task): keep every task's label and creation order. */
  labelsMatter: boolean;
}

/** Interchangeable user tasks: same commands, same start, and no command names a task. */
export function symmetryOf(s: Scenario): Symmetry {
  const labelsMatter = s.tasks.some((t) =>
    t.commands.some((c) => {
      try {
        return parseCommand(c).cmd === 'kill';
      } catch {
        return false;
      }
    }),
  );
  const classes = new Map<string, number>();
  const userClass = s.tasks.map((t, i) => {
    if (labelsMatter || t.id !== undefined) return -1 - i;
    const sig = JSON.stringify([t.commands, t.start ?? 0]);
    let c = classes.get(sig);
    if (c === undefined) classes.set(sig, (c = classes.size));
    return c;
  });
  return { userClass, labelsMatter };
}

// Type tags keep the encoding prefix-free (and so injective).
const T_NULL = 0x7f000001;
const T_FALSE = 0x7f000002;
const T_TRUE = 0x7f000003;
const T_INT = 0x7f000004;
const T_FLOAT = 0x7f000005;
const T_STR = 0x7f000006;
const T_ARR = 0x7f000007;
const T_OBJ = 0x7f000008;
const T_UNDEF = 0x7f000009;
const T_PID = 0x7f00000a;
const T_MOD = 0x7f00000b;
const T_TASK = 0x7f00000c;
const T_GLOBAL = 0x7f00000d;

const f64 = new Float64Array(1);
const f64w = new Int32Array(f64.buffer);

/** A growable buffer of 32-bit words with string interning. */
class Words {
  buf = new Int32Array(1024);
  n = 0;
  push(x: number): void {
    if (this.n === this.buf.length) {
      const b = new Int32Array(this.buf.length * 2);
      b.set(this.buf);
      this.buf = b;
    }
    this.buf[this.n++] = x;
  }
}

/**
 * 64-bit hash of words [from, to): two independent 32-bit lanes, each a multiply and a shift
 * or rotation per word (so that high bits reach low ones), then a full avalanche of each lane
 * (murmur3's finaliser).
 */
function hashRange(b: Int32Array, from: number, to: number, out: Uint32Array): void {
  let h1 = 0x9e3779b9 ^ (to - from);
  let h2 = 0x85ebca6b;
  for (let i = from; i < to; i++) {
    const x = b[i];
    h1 = Math.imul(h1 ^ x, 0x01000193);
    h1 ^= h1 >>> 15;
    h2 = Math.imul((h2 << 5) ^ (h2 >>> 27) ^ x, 0x9e3779b1);
  }
  h1 ^= h2 >>> 7;
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h1 = Math.imul(h1, 0xc2b2ae35);
  h1 ^= h1 >>> 16;
  h2 ^= h2 >>> 15;
  h2 = Math.imul(h2, 0x2c1b3c6d);
  h2 ^= h2 >>> 12;
  h2 = Math.imul(h2, 0x297a2d39);
  h2 ^= h2 >>> 15;
  out[0] = h1 >>> 0;
  out[1] = h2 >>> 0;
}

interface TaskSlot {
  task: Task;
  /** Sort key: class, then content hash. */
  cls: number;
  h0: number;
  h1: number;
  /** What refers to it (which module it loads, which task waits for it): breaks ties. */
  inRef: number;
  /** Creation order. */
  seq: number;
  /** Its words in the scratch buffer. */
  from: number;
  to: number;
  /** Its pid placeholders: positions in refPos. */
  refFrom: number;
  refTo: number;
}

function bySortKey(a: TaskSlot, b: TaskSlot): number {
  return a.cls - b.cls || a.h0 - b.h0 || a.h1 - b.h1 || a.inRef - b.inRef || a.seq - b.seq;
}

/**
 * The state key of a world. One instance per search: it reuses its buffers and string table, so
 * keys are comparable only within one StateKeyer.
 */
export class StateKeyer {
  private readonly strings = new Map<string, number>();
  private readonly scratch = new Words();
  private readonly out = new Words();
  private readonly h = new Uint32Array(2);
  /** Positions in the scratch buffer of pid placeholders' payloads. */
  private refPos: number[] = [];
  /** Canonical task order of the last world keyed (pids). */
  order: number[] = [];

  constructor(
    private readonly sym: Symmetry,
    private readonly opts: KeyOptions,
  ) {}

  private str(wd: Words, s: string): void {
    let id = this.strings.get(s);
    if (id === undefined) {
      id = this.strings.size + 1;
      this.strings.set(s, id);
    }
    wd.push(T_STR);
    wd.push(id);
  }

  private num(wd: Words, x: number): void {
    if ((x | 0) === x) {
      wd.push(T_INT);
      wd.push(x);
    } else {
      f64[0] = x;
      wd.push(T_FLOAT);
      wd.push(f64w[0]);
      wd.push(f64w[1]);
    }
  }

  private json(wd: Words, v: Json | undefined): void {
    if (v === undefined) wd.push(T_UNDEF);
    else if (v === null) wd.push(T_NULL);
    else if (v === true) wd.push(T_TRUE);
    else if (v === false) wd.push(T_FALSE);
    else if (typeof v === 'number') this.num(wd, v);
    else if (typeof v === 'string') this.str(wd, v);
    else if (Array.isArray(v)) {
      wd.push(T_ARR);
      wd.push(v.length);
      for (let i = 0; i < v.length; i++) this.json(wd, v[i]);
    } else {
      wd.push(T_OBJ);
      let n = 0;
      for (const k in v) if (v[k] !== undefined) n++;
      wd.push(n);
      for (const k in v) {
        const x = v[k];
        if (x === undefined) continue;
        this.str(wd, k);
        this.json(wd, x);
      }
    }
  }

  /** A reference to a task: a placeholder now, its canonical index when the key is assembled. */
  private pidRef(wd: Words, pid: number | null | undefined): void {
    if (pid === null || pid === undefined) {
      wd.push(T_NULL);
      return;
    }
    wd.push(T_PID);
    this.refPos.push(wd.n);
    wd.push(pid);
  }

  private modRef(wd: Words, id: number): void {
    wd.push(T_MOD);
    wd.push((this.modIdx[id] ?? 0) - 1);
  }

  /** Locals of a frame: pids and module ids by reference, log indices as what they point at. */
  private locals(wd: Words, l: Record<string, Json>, t: Task, w: World): void {
    wd.push(T_OBJ);
    const at = wd.n;
    wd.push(0);
    let n = 0;
    for (const k in l) {
      const v = l[k];
      if (v === undefined) continue;
      n++;
      this.str(wd, k);
      if (typeof v !== 'number') {
        this.json(wd, v);
        continue;
      }
      const kind = NUMERIC_LOCALS[k];
      if (kind === undefined) {
        throw new Error(`internal: the explorer does not know what local '${k}' of ${t.frames[t.frames.length - 1]?.fn} holds: declare it in NUMERIC_LOCALS (explorer/stateKey.ts)`);
      }
      if (kind === 'pid') this.pidRef(wd, v);
      else if (kind === 'module') this.modRef(wd, v);
      else if (kind === 'userspaceIndex') {
        // What the harness will log: this task's output lines since then.
        const lines = w.userspace;
        let c = 0;
        for (let i = v; i < lines.length; i++) {
          const u = lines[i];
          if (u.pid === t.pid && (u.stream === 'stdout' || u.stream === 'stderr')) {
            this.str(wd, u.text);
            c++;
          }
        }
        wd.push(c);
      } else this.num(wd, v);
    }
    wd.buf[at] = n;
  }

  /** One task's words (pid references as placeholders). */
  private task(wd: Words, t: Task, w: World, keepLabel: boolean): void {
    wd.push(T_TASK);
    if (keepLabel) this.str(wd, t.label);
    this.str(wd, t.kind);
    this.str(wd, t.status);
    this.str(wd, t.comm);
    this.str(wd, t.argv);
    this.pidRef(wd, t.parent);
    this.num(wd, t.startAt);
    this.json(wd, t.exitCode);
    this.json(wd, t.signal);
    this.json(wd, t.sigpending);
    this.json(wd, t.env);
    const wt = t.wait;
    if (!wt) wd.push(T_NULL);
    else {
      this.str(wd, wt.kind);
      this.str(wd, wt.fn);
      this.json(wd, wt.name);
      this.pidRef(wd, wt.pid);
      this.json(wd, wt.until);
      this.json(wd, wt.cond);
      wd.push(wt.killable ? T_TRUE : T_FALSE);
    }
    wd.push(t.frames.length);
    for (const f of t.frames) {
      this.str(wd, f.fn);
      this.str(wd, f.pc);
      this.locals(wd, f.l, t, w);
    }
  }

  /** pid -> canonical index + 1 (0: none), for the world being keyed. */
  private pidIdx: number[] = [];
  /** module id -> place in the module list + 1. */
  private modIdx: number[] = [];
  /** pid -> referenced by a live task or a module (so an exited helper still matters). */
  private refd: boolean[] = [];
  private readonly pool: TaskSlot[] = [];
  private readonly saved: number[] = [];
  private slots: TaskSlot[] = [];

  /** A task's canonical index, -1 for none, -2 for a pid no task has. */
  private px(pid: number | null): number {
    if (pid === null) return -1;
    const i = this.pidIdx[pid];
    return i ? i - 1 : -2;
  }

  /**
   * The key of `w` into `hash` (64 bits): the hash of the world's globals, of each task's own
   * words in canonical order, and of the references between them.
   */
  encode(w: World, hash: Uint32Array): void {
    const canonical = this.opts.canonical && !this.sym.labelsMatter;
    const sc = this.scratch;
    const out = this.out;
    sc.n = 0;
    out.n = 0;
    this.refPos.length = 0;
    const mods = w.modules;
    for (let i = 0; i < mods.length; i++) this.modIdx[mods[i].id] = i + 1;

    // Which exited kernel tasks something still refers to (a parent reaping its helper).
    const refd = this.refd;
    const tasks = w.tasks;
    if (canonical) {
      for (const t of tasks) {
        if (t.status === 'exited') continue;
        if (t.parent !== null) refd[t.parent] = true;
        if (t.wait?.pid !== undefined) refd[t.wait.pid] = true;
        for (const f of t.frames) for (const k in f.l) if (NUMERIC_LOCALS[k] === 'pid' && typeof f.l[k] === 'number') refd[f.l[k] as number] = true;
      }
      for (const m of mods) {
        refd[m.owner] = true;
        if (m.work !== null) refd[m.work] = true;
      }
      if (w.klpMutex !== null) refd[w.klpMutex] = true;
      for (const e of w.idem) refd[e.pid] = true;
      for (const p of w.klp.pending) refd[p] = true;
    }

    // Tasks: encode each, then order them.
    const slots = this.slots;
    slots.length = 0;
    let userNo = 0;
    for (let i = 0; i < tasks.length; i++) {
      const t = tasks[i];
      let cls: number;
      let keepLabel = !canonical;
      if (t.kind === 'user') {
        const c = this.sym.userClass[userNo++] ?? -1 - userNo;
        // A class of its own keeps its place; interchangeable users sort among themselves.
        cls = canonical ? (c < 0 ? 1_000_000 + i : 2_000_000 + c) : i;
        if (c < 0) keepLabel = true;
      } else {
        if (canonical && t.status === 'exited' && !refd[t.pid]) continue;
        cls = canonical ? 3_000_000 : i;
      }
      const from = sc.n;
      const refFrom = this.refPos.length;
      this.task(sc, t, w, keepLabel);
      const to = sc.n;
      const refTo = this.refPos.length;
      // Sort on content only: placeholders' pids are not canonical yet.
      const b = sc.buf;
      const rp = this.refPos;
      const saved = this.saved;
      saved.length = 0;
      for (let j = refFrom; j < refTo; j++) {
        saved.push(b[rp[j]]);
        b[rp[j]] = 0;
      }
      hashRange(b, from, to, this.h);
      for (let j = refFrom; j < refTo; j++) b[rp[j]] = saved[j - refFrom];
      let slot = this.pool[slots.length];
      if (!slot) this.pool.push((slot = { task: t, cls: 0, h0: 0, h1: 0, inRef: 0, seq: 0, from: 0, to: 0, refFrom: 0, refTo: 0 }));
      slot.task = t;
      slot.cls = cls;
      slot.h0 = this.h[0];
      slot.h1 = this.h[1];
      slot.inRef = 0;
      slot.seq = i;
      slot.from = from;
      slot.to = to;
      slot.refFrom = refFrom;
      slot.refTo = refTo;
      slots.push(slot);
    }
    if (canonical) {
      this.refine(w, slots);
      slots.sort(bySortKey);
    }
    const order = (this.order = new Array<number>(slots.length));
    for (let i = 0; i < slots.length; i++) {
      this.pidIdx[slots[i].task.pid] = i + 1;
      order[i] = slots[i].task.pid;
    }

    // Assemble: globals, then tasks in canonical order with references resolved.
    out.push(T_GLOBAL);
    this.num(out, w.time);
    this.json(out, w.settleUntil);
    out.push(this.px(w.current));
    out.push(this.px(w.klpMutex));
    out.push(w.kmodSlots);
    this.str(out, w.modprobePath);
    out.push(w.ftraceEnabled ? T_TRUE : T_FALSE);
    out.push(w.taintLivepatch ? T_TRUE : T_FALSE);
    this.str(out, w.release);
    this.str(out, w.kernel);
    // finit_module() calls in flight (v6.5+), oldest first: a later load of the file waits on
    // the first one's completion.
    out.push(w.idem.length);
    for (const e of w.idem) {
      this.str(out, e.cookie);
      out.push(this.px(e.pid));
    }
    this.json(out, w.tracing as unknown as Json);
    out.push(w.kprobesEnabled ? T_TRUE : T_FALSE);
    this.json(out, w.kprobes as unknown as Json);
    this.json(out, w.moduleFiles as unknown as Json);
    out.push(w.debugLocks ? T_TRUE : T_FALSE);
    if (this.sym.labelsMatter || !canonical) {
      out.push(w.helperSeq);
      out.push(w.workerSeq);
    }
    // The run queue as a set: every runnable task is a choice, whatever its place.
    const rqFrom = out.n;
    for (const p of w.runq) out.push(this.px(p));
    out.buf.subarray(rqFrom, out.n).sort();
    out.push(w.runq.length);
    // Modules in list order (lookups and /proc/modules read that order); ids by place.
    out.push(mods.length);
    for (const m of mods) {
      this.str(out, m.name);
      this.str(out, m.state);
      out.push(m.refcnt);
      out.push(m.holders.length);
      for (const h of m.holders) this.str(out, h);
      out.push(m.uses.length);
      for (const u of m.uses) this.str(out, u);
      out.push(m.klp ? T_TRUE : T_FALSE);
      out.push(m.klpAlive ? T_TRUE : T_FALSE);
      // The owner is the target of W1/W2 waits while the module is not LIVE; of a LIVE module
      // nothing reads it (delete_module() sets it anew when the module starts going).
      out.push(m.state === 'MODULE_STATE_LIVE' ? -4 : this.px(m.owner));
      out.push(m.sysfs ? T_TRUE : T_FALSE);
      this.json(out, m.params);
      this.json(out, m.hiddenParams);
      this.json(out, m.data);
      out.push(m.permanent ? T_TRUE : T_FALSE);
      out.push(m.work === null ? T_NULL : this.px(m.work));
    }
    const klp = w.klp;
    this.json(out, klp.patches as unknown as Json);
    this.json(out, klp.transition);
    this.str(out, klp.target);
    this.json(out, klp.loading);
    out.push(klp.workQueued ? T_TRUE : T_FALSE);
    // Tasks not switched yet (TIF_PATCH_PENDING): which version of a patched function each runs.
    const pendFrom = out.n;
    for (const p of klp.pending) out.push(this.px(p));
    out.buf.subarray(pendFrom, out.n).sort();
    out.push(klp.pending.length);
    out.push(klp.signalsCnt);
    out.push(klp.tsCounter);
    this.json(out, w.work as unknown as Json);
    // The verdict reads failures (in order) and stalls (their cycles and where).
    out.push(w.failures.length);
    for (const f of w.failures) {
      const t = tasks.find((x) => x.label === f.task);
      out.push(t ? this.px(t.pid) : -3);
      if (!t) this.str(out, f.task);
      this.str(out, f.command);
      out.push(f.exit);
    }
    out.push(w.stalls.length);
    for (const s of w.stalls) {
      this.str(out, s.location);
      out.push(s.cycle.length);
      for (const p of s.cycle) out.push(this.px(p));
    }
    // Each task by the hash of its words, then its references in canonical names.
    out.push(slots.length);
    const b = sc.buf;
    const rp = this.refPos;
    for (const s of slots) {
      out.push(s.cls);
      out.push(s.h0);
      out.push(s.h1);
      for (let r = s.refFrom; r < s.refTo; r++) out.push(this.px(b[rp[r]]));
    }
    hashRange(out.buf, 0, out.n, hash);

    // Leave the lookup tables empty for the next world.
    for (const m of mods) this.modIdx[m.id] = 0;
    for (const t of tasks) {
      this.pidIdx[t.pid] = 0;
      refd[t.pid] = false;
    }
    if (w.klpMutex !== null) refd[w.klpMutex] = false;
    for (const e of w.idem) refd[e.pid] = false;
    for (const p of w.klp.pending) refd[p] = false;
    for (const m of mods) {
      refd[m.owner] = false;
      if (m.work !== null) refd[m.work] = false;
    }
  }

  /**
   * Tasks with equal words are told apart by what refers to them, so that equal worlds get
   * equal orders (one round of refinement: the module a task loads, who waits for it, whose
   * parent it is, which failure is its). Order-independent sums keep it canonical.
   */
  private refine(w: World, slots: TaskSlot[]): void {
    for (let i = 0; i < slots.length; i++) this.pidIdx[slots[i].task.pid] = i + 1;
    for (const m of w.modules) {
      if (m.state !== 'MODULE_STATE_LIVE') this.addRef(slots, m.owner, this.code(m.name) * 31 + this.code(m.state));
      if (m.work !== null) this.addRef(slots, m.work, this.code(m.name) * 37 + 1);
    }
    this.addRef(slots, w.klpMutex, 0x51ed);
    for (const e of w.idem) this.addRef(slots, e.pid, this.code(e.cookie) * 41 + 3);
    for (const p of w.klp.pending) this.addRef(slots, p, 0x7e9d);
    for (const s of slots) {
      const t = s.task;
      this.addRef(slots, t.parent, s.h0 ^ 0x1234567);
      this.addRef(slots, t.wait?.pid, s.h0 ^ 0x7654321);
      for (const f of t.frames) for (const k in f.l) if (NUMERIC_LOCALS[k] === 'pid') this.addRef(slots, f.l[k] as number, s.h1 ^ this.code(k));
    }
    for (let i = 0; i < w.failures.length; i++) {
      const f = w.failures[i];
      this.addRef(slots, w.tasks.find((t) => t.label === f.task)?.pid, (i + 1) * 0x9e37 + f.exit);
    }
    for (const s of slots) this.pidIdx[s.task.pid] = 0;
  }

  private addRef(slots: TaskSlot[], pid: number | null | undefined, x: number): void {
    if (pid === null || pid === undefined) return;
    const i = this.pidIdx[pid];
    if (!i) return;
    const s = slots[i - 1];
    s.inRef = (s.inRef + Math.imul(x ^ (x >>> 15), 0x2c1b3c6d)) | 0;
  }

  private code(s: string): number {
    let id = this.strings.get(s);
    if (id === undefined) this.strings.set(s, (id = this.strings.size + 1));
    return id;
  }

  /** Canonical index of a task of the last world keyed (for grouping outcomes). */
  indexOf(pid: number): number | undefined {
    const i = this.order.indexOf(pid);
    return i < 0 ? undefined : i;
  }
}

/** The fields of the world and its parts that the key reads or leaves out, for the schema test. */
export const KEY_SCHEMA = {
  World: {
    read: ['time', 'settleUntil', 'current', 'klpMutex', 'kmodSlots', 'modprobePath', 'ftraceEnabled', 'taintLivepatch', 'release', 'kernel', 'idem', 'tracing', 'kprobesEnabled', 'kprobes', 'moduleFiles', 'debugLocks', 'runq', 'modules', 'klp', 'work', 'failures', 'stalls', 'tasks', 'userspace'],
    renamed: ['nextPid', 'nextModId', 'helperSeq', 'userSeq', 'workerSeq', 'instSeq'],
    display: ['step', 'choices', 'dmesg'],
  },
  Task: { read: ['label', 'kind', 'status', 'comm', 'argv', 'parent', 'startAt', 'exitCode', 'signal', 'sigpending', 'env', 'wait', 'frames'], renamed: ['pid'], display: [] },
  Wait: { read: ['kind', 'fn', 'name', 'pid', 'until', 'cond', 'killable'], renamed: [], display: ['since'] },
  ModuleInstance: {
    read: ['name', 'state', 'refcnt', 'holders', 'uses', 'klp', 'klpAlive', 'owner', 'sysfs', 'params', 'hiddenParams', 'data', 'permanent', 'work'],
    renamed: ['id'],
    display: ['inst'],
  },
  KlpGlobals: { read: ['patches', 'transition', 'target', 'loading', 'workQueued', 'signalsCnt', 'tsCounter', 'pending'], renamed: [], display: [] },
} as const;
