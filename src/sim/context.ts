/**
 * context.ts - what a simulated function sees while it runs one step: the world, the static
 * environment, the current task, and the kernel services every function needs (printk, the
 * module list, module_wq, state changes through the machines).
 */
import type { Env } from './env';
import type { CallbackName, KlpObject, ModuleInstance, Task, World, KlpPatch } from '../model/world';
import type { MachineChange, Mark, TraceStep } from '../model/trace';
import { moduleEvent, type ModuleEventType } from '../machines/module.machine';
import { livepatchEvent, type LivepatchEventType } from '../machines/livepatch.machine';
import { instanceName } from '../rules/names';

/** A livepatch module whose callbacks or init/exit are written in code (src/modules/), by model name. */
export interface LivepatchModel {
  /** Runs a callback of `obj`; returns the callback's value (pre_patch) or 0. None: no callbacks. */
  callback?(k: Ctx, patch: KlpPatch, obj: KlpObject, cb: CallbackName): number;
  /** Its init is the procedure `<model>_init` (which calls klp_enable_patch() itself). */
  init?: boolean;
  /** Its exit is the procedure `<model>_exit`. */
  exit?: boolean;
  /** Replacement functions the kernel calls in place of a patched one (by new_func name). */
  functions?: Record<string, (k: Ctx, mod: ModuleInstance) => number>;
}

export class Ctx {
  private world!: World;
  /**
   * The step read or wrote the world (anything but the task's own frames): at fine granularity
   * another task may run after such a step. Steps that only move through their own locals
   * commute with every other task's steps, so they need no preemption point of their own.
   */
  touched = false;
  get w(): World {
    this.touched = true;
    return this.world;
  }
  set w(w: World) {
    this.world = w;
  }
  task!: Task;
  rec!: TraceStep;
  /**
   * No words for people: steps keep no text, marks or log lines in their records, and dmesg is
   * not written (nothing a task does reads it). The explorer steps quietly; a replay of its
   * schedule shows everything.
   */
  quiet = false;
  /**
   * @param env the static inputs of the run
   * @param models livepatch modules modelled in code; the engine passes src/modules/' table, so
   *   that kernel code calls into modules without importing them
   */
  constructor(
    readonly env: Env,
    private readonly models: Readonly<Record<string, LivepatchModel>> = {},
  ) {}

  /** The code of a modelled livepatch module, if the model exists. */
  livepatchModel(name: string): LivepatchModel | undefined {
    return Object.prototype.hasOwnProperty.call(this.models, name) ? this.models[name] : undefined;
  }

  /** Time moves only when no task can run, so reading it is no interaction with other tasks. */
  get now(): number {
    return this.world.time;
  }

  /** printk(): a kernel log line, always shown. */
  printk(text: string): void {
    if (this.quiet) return;
    // The log is written, never read by a task: no interaction (and quiet or not, the same steps touch the world).
    this.world.dmesg.push({ step: this.world.step, time: this.world.time, text });
    (this.rec.dmesg ??= []).push(text);
    this.mark('dmesg');
  }

  /** pr_debug(): shown only with dynamic debug on (the livepatch selftests turn it on). */
  pr_debug(text: string): void {
    if (this.env.dyndbg) this.printk(text);
  }

  /** Output of a user-space program (modprobe, insmod, rmmod, the shell). */
  out(stream: 'cmd' | 'stdout' | 'stderr' | 'exit', text: string, pid = this.task.pid): void {
    // A task's own output: only the task itself reads it back (capture), so it is no interaction.
    this.world.userspace.push({ step: this.world.step, pid, stream, text });
    if (this.quiet) return;
    (this.rec.out ??= []).push({ stream, text });
    if (stream === 'stderr') this.mark('error');
  }

  note(text: string): void {
    if (this.quiet) return;
    this.rec.text = this.rec.text ? `${this.rec.text}; ${text}` : text;
  }

  mark(m: Mark): void {
    if (this.quiet) return;
    const marks = (this.rec.marks ??= []);
    if (!marks.includes(m)) marks.push(m);
  }

  /** Any instance with this name, UNFORMED included (the duplicate check sees those). */
  findAny(name: string): ModuleInstance | undefined {
    return this.w.modules.find((m) => m.name === name);
  }

  /** find_module(): UNFORMED modules are invisible. */
  find_module(name: string): ModuleInstance | undefined {
    return this.w.modules.find((m) => m.name === name && m.state !== 'MODULE_STATE_UNFORMED');
  }

  moduleById(id: number): ModuleInstance | undefined {
    return this.w.modules.find((m) => m.id === id);
  }

  /** Records a machine transition in the step's record (nothing when quiet: no one reads it). */
  machineChange(c: MachineChange): void {
    if (this.quiet) return;
    (this.rec.machines ??= []).push(c);
  }

  /** Change a module's state through its machine, which rejects transitions the kernel never makes. */
  moduleEvent(mod: ModuleInstance, ev: ModuleEventType): void {
    const before = mod.state;
    const after = moduleEvent(before, ev);
    this.machineChange({ machine: 'module', name: mod.name, inst: mod.inst, from: before, to: after, event: ev });
    if (after === 'freed') {
      this.w.modules = this.w.modules.filter((m) => m !== mod);
      this.note(`${instanceName(mod)} unlinked from the module list`);
    } else {
      mod.state = after;
      if (after !== before) this.note(`${instanceName(mod)}: ${before} -> ${after}`);
    }
    this.mark('state');
  }

  patchEvent(p: KlpPatch, ev: LivepatchEventType): void {
    const before = p.machine;
    p.machine = livepatchEvent(before, ev);
    this.machineChange({ machine: 'livepatch', name: p.name, inst: p.ts, from: before, to: p.machine, event: ev });
  }

  task_by_pid(pid: number): Task | undefined {
    return this.w.tasks.find((t) => t.pid === pid);
  }

  /** Make a blocked task runnable again. */
  wake(t: Task, flags: { timedOut?: boolean; signal?: number } = {}): void {
    if (t.status !== 'blocked') return;
    const top = t.frames[t.frames.length - 1];
    if (top) {
      delete top.l.timedOut;
      delete top.l.signal;
      if (flags.timedOut) top.l.timedOut = true;
      if (flags.signal) top.l.signal = flags.signal;
    }
    t.status = 'runnable';
    t.wait = null;
    this.w.runq.push(t.pid);
  }

  /** wake_up_all(&module_wq): every same-name waiter and symbol waiter re-checks. */
  wake_up_all_module_wq(): void {
    let n = 0;
    for (const t of this.w.tasks) {
      if (t.status === 'blocked' && t.wait?.kind === 'module_wq') {
        this.wake(t);
        n++;
      }
    }
    this.note(n ? `wake_up_all(&module_wq) wakes ${n} task${n > 1 ? 's' : ''}` : 'wake_up_all(&module_wq)');
  }

  /** Create a task; it runs from `fn` with `args`. */
  spawn(opts: {
    label: string;
    comm: string;
    argv: string;
    kind: Task['kind'];
    parent: number | null;
    fn: string;
    args: Record<string, import('../model/world').Json>;
    startAt?: number;
  }): Task {
    const startAt = opts.startAt ?? this.w.time;
    const t: Task = {
      pid: this.w.nextPid++,
      label: opts.label,
      comm: opts.comm,
      argv: opts.argv,
      kind: opts.kind,
      parent: opts.parent,
      frames: [{ fn: opts.fn, pc: 'start', l: opts.args }],
      status: startAt <= this.w.time ? 'runnable' : 'new',
      wait: null,
      startAt,
      exitCode: null,
      signal: null,
      sigpending: null,
    };
    this.w.tasks.push(t);
    if (t.status === 'runnable') this.w.runq.push(t.pid);
    this.mark('spawn');
    return t;
  }

  /** The first klp_patch of this name on the list (the one its sysfs directory belongs to). */
  patch(name: string): KlpPatch | undefined {
    return this.w.klp.patches.find((p) => p.name === name);
  }

  /**
   * A klp_patch by identity (its `ts`): a frame that set a patch up holds a pointer to it in the
   * kernel, and a forced unload can leave an older patch of the same name on the list.
   */
  patchByTs(ts: number): KlpPatch | undefined {
    return this.w.klp.patches.find((p) => p.ts === ts);
  }
}
