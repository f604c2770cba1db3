/**
 * helpers.ts - small builders for the engine's unit tests: scenarios in a few lines, the lines a
 * run printed, and a bare Ctx for calling one simulated function step by step.
 *
 * Test support only: imported by *.test.ts files, never by the engine.
 */
import type { LivepatchSpec, ModuleSpec, Scenario, TaskSpec } from '../model/scenario';
import type { Trace } from '../model/trace';
import type { VariantId } from '../model/variant';
import type { LogLine, Task, World } from '../model/world';
import { run, makeEnv, type RunOptions } from '../engine/run';
import { initialWorld } from '../engine/world';
import { Ctx } from '../sim/context';
import type { Env } from '../sim/env';
import { newCtx } from '../engine/ctx';
import { getCurrentTest } from 'vitest/suite';

/**
 * Step limit of the tests' runs (runIn(), test/run.ts): about eight times the longest finishing
 * run of a preset or selftest case (about 630 steps), so a runaway (a livelock, or a mutant that
 * loops) ends in well under a second.
 */
export const TEST_MAX_STEPS = 5000;

/**
 * A value several tests read (a trace, a world), computed inside each test that reads it and
 * kept for the rest of that test. Not computed once in the describe body: under `npm run mutate`
 * Stryker switches its mutant on only when the tests begin (a beforeAll hook) and credits a test
 * only with the code that runs while it runs, so a trace computed while the file is collected is
 * the unmutated one and is credited to no test, and mutants it alone reaches look survived.
 */
export function perTest<T>(make: () => T): () => T {
  const made = new WeakMap<object, T>();
  return () => {
    const test = getCurrentTest();
    if (!test) throw new Error('perTest(): read it inside a test');
    if (!made.has(test)) made.set(test, make());
    return made.get(test) as T;
  };
}

export function scn(parts: {
  modules?: ModuleSpec[];
  livepatches?: LivepatchSpec[];
  tasks: TaskSpec[];
  kernel?: Scenario['kernel'];
}): Scenario {
  return {
    type: 'klp-playground/scenario',
    version: 1,
    title: 'unit test',
    ...(parts.kernel ? { kernel: parts.kernel } : {}),
    modules: parts.modules ?? [],
    livepatches: parts.livepatches ?? [],
    tasks: parts.tasks,
  };
}

/** One user task running `commands` from t=0 (label U1). */
export function sh(...commands: string[]): TaskSpec {
  return { commands };
}

/** run() on `variant`, with the tests' step limit unless `opts` sets one. */
export function runIn(variant: VariantId, s: Scenario, opts: RunOptions = {}): Trace {
  return run(s, { maxSteps: TEST_MAX_STEPS, ...opts, variant });
}

/** Kernel log texts, in order. */
export function dmesg(t: Trace | World): string[] {
  const w = 'final' in t ? t.final : t;
  return w.dmesg.map((l) => l.text);
}

/** stdout and stderr lines of all user programs, in order. */
export function out(t: Trace | World): string[] {
  const w = 'final' in t ? t.final : t;
  return w.userspace.filter((l) => l.stream === 'stdout' || l.stream === 'stderr').map((l) => l.text);
}

/** The echoed command lines ('cmd' stream), in order. */
export function cmds(t: Trace): string[] {
  return t.final.userspace.filter((l) => l.stream === 'cmd').map((l) => l.text);
}

/** The kernel log record of the first line equal to `text` (throws if absent). */
export function logLine(t: Trace, text: string): LogLine {
  const l = t.final.dmesg.find((x) => x.text === text);
  if (!l) throw new Error(`dmesg has no line '${text}':\n${dmesg(t).join('\n')}`);
  return l;
}

export function taskOf(t: Trace | World, label: string): Task {
  const w = 'final' in t ? t.final : t;
  const task = w.tasks.find((x) => x.label === label);
  if (!task) throw new Error(`no task ${label}`);
  return task;
}

/** `needles` appear in `hay` in this order (other lines may come between); null or the first one missing. */
export function missingInOrder(hay: string[], needles: string[]): string | null {
  let at = 0;
  for (const n of needles) {
    const i = hay.indexOf(n, at);
    if (i < 0) return n;
    at = i + 1;
  }
  return null;
}

/**
 * A Ctx on the boot world of `s`, with the first user task as `current`, to drive one simulated
 * function (a Proc) by hand.
 */
export function bareCtx(s: Scenario, variant: VariantId = 'split-poc19'): { k: Ctx; w: World; env: Env } {
  const env = makeEnv(s, { variant });
  const w = initialWorld(env);
  const k = newCtx(env);
  k.w = w;
  k.task = w.tasks[0];
  k.rec = { i: 0, t: 0, pid: k.task.pid, label: k.task.label, kind: 'step', fn: '', depth: 0, text: '' };
  return { k, w, env };
}
