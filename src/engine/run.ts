/**
 * run.ts - run(scenario, options) -> trace: the single pure entry point of the engine.
 */
import type { Scenario } from '../model/scenario';
import { validateScenario } from '../scenario/validate';
import { VARIANTS, type VariantId } from '../model/variant';
import type { World } from '../model/world';
import type { Outcome, Trace, TraceStep } from '../model/trace';
import { buildExporters, buildModuleFiles, depmod, type Env } from '../sim/env';
import { initialWorld } from './world';
import { CHOICE, markSettle, nextTimer, scheduleDecide, step, stepWith, type Decide } from './step';
import { Ctx } from '../sim/context';
import { cycleLocation, waitForGraph } from '../sim/waitFor';
import { fingerprint } from '../rules/fingerprint';
import { danglingImports } from '../sim/dangling';
import { newCtx } from './ctx';
import { kernelName } from './procs';

export interface RunOptions {
  variant?: VariantId;
  /** Task labels to pick at successive scheduling choices (default: FIFO). */
  schedule?: string[];
  maxSteps?: number;
  /** Checkpoint interval for worldAt(); 0 disables checkpoints (benchmarks). */
  checkpointEvery?: number;
  /** Keep per-step records (default true). */
  recordSteps?: boolean;
}

export const DEFAULT_MAX_STEPS = 200_000;

/** How far past the step limit the livelock probe looks for a repeated state. */
const LIVELOCK_PROBE_STEPS = 5000;

export function makeEnv(scenario: Scenario, opts: RunOptions = {}): Env {
  const variant = VARIANTS[opts.variant ?? 'split-poc19'];
  const files = buildModuleFiles(scenario, variant);
  const exporters = buildExporters(files);
  const { deps, errors } = depmod(files, exporters);
  const patches = Object.fromEntries(scenario.livepatches.map((p) => [p.name, p]));
  return {
    scenario,
    variant,
    files,
    patches,
    exporters,
    deps,
    depmodErrors: errors,
    dyndbg: scenario.kernel?.dyndbg ?? true,
    schedule: opts.schedule ?? [],
    maxSteps: opts.maxSteps ?? DEFAULT_MAX_STEPS,
    checkpointEvery: opts.checkpointEvery ?? 256,
  };
}

export type Stop = 'end' | 'limit' | 'choice';

/**
 * Run until the end (every task done, or nothing can run again), the step limit, or a
 * scheduling choice that `decide` declines. Once every user command is done, kernel work may go on
 * for a little while (a transition retried each second, an async free), but not forever (a worker
 * polling a flag).
 */
export function advance(
  w: World,
  env: Env,
  k: Ctx,
  decide: Decide,
  onStep?: (rec: TraceStep) => void,
  checkpoints?: World[],
): Stop {
  for (;;) {
    if (checkpoints && env.checkpointEvery && w.step % env.checkpointEvery === 0 && checkpoints.length === w.step / env.checkpointEvery) {
      checkpoints.push(structuredClone(w));
    }
    markSettle(w);
    if (w.settleUntil !== null && w.runq.length === 0 && w.current === null) {
      const t = nextTimer(w);
      if (t === null || t > w.settleUntil) return 'end';
    }
    if (w.step >= env.maxSteps) return 'limit';
    const rec = stepWith(w, env, k, decide);
    if (rec === CHOICE) return 'choice';
    if (!rec) return 'end';
    onStep?.(rec);
  }
}


/**
 * Run a scenario to its end: every task exited, or nothing can ever run again (deadlock), or
 * the step limit (livelock or runaway).
 */
export function run(input: unknown, opts: RunOptions = {}): Trace {
  const scenario = validateScenario(input);
  const env = makeEnv(scenario, opts);
  const w = initialWorld(env);
  const k = newCtx(env);
  const steps: TraceStep[] = [];
  const checkpoints: World[] = [];
  const record = opts.recordSteps !== false;
  const stop = advance(w, env, k, scheduleDecide(env), (rec) => {
    if (record) steps.push(rec);
  }, checkpoints);
  const limited = stop === 'limit';
  const outcome = classify(w, env, k, limited, steps);
  return {
    scenario,
    variant: env.variant.id,
    schedule: env.schedule,
    steps,
    outcome,
    checkpoints,
    checkpointEvery: env.checkpointEvery,
    final: w,
    depmodErrors: env.depmodErrors,
  };
}

function labels(w: World, pids: number[]): string[] {
  return pids.map((p) => w.tasks.find((t) => t.pid === p)?.label ?? String(p));
}

/**
 * A run that hit the step limit is a livelock if its state repeats: the engine is
 * deterministic, so a repeated state with no scheduling choice in between loops forever.
 * Returns the tasks that ran in the loop and where: the outermost frame any step of the loop ran
 * in (the function that loops; its callers never run again), in the kernel's name. Null when no
 * state repeats.
 */
function detectLivelock(w: World, env: Env, k: Ctx): { pids: number[]; fn: string } | null {
  const probe = structuredClone(w);
  const seen = new Map<string, number>();
  /** Per step of the probe: the task that ran, its depth before the step and the function there. */
  const ran: { pid: number; depth: number; fn: string }[] = [];
  for (let i = 0; i < LIVELOCK_PROBE_STEPS; i++) {
    const fp = fingerprint(probe);
    const first = seen.get(fp);
    if (first !== undefined) {
      const loop = ran.slice(first);
      const pids = [...new Set(loop.map((r) => r.pid).filter((p) => p !== 0))];
      const busy = loop.filter((r) => r.pid !== 0);
      const outer = busy.reduce((a, b) => (b.depth < a.depth ? b : a), busy[0]);
      return { pids, fn: kernelName(outer?.fn ?? 'unknown') };
    }
    seen.set(fp, i);
    // The step runs in the top frame of whichever task it picks: note every task's top first.
    const tops = new Map(probe.tasks.map((t) => [t.pid, { depth: t.frames.length, fn: t.frames[t.frames.length - 1]?.fn ?? '' }]));
    const rec = step(probe, env, k);
    if (!rec) return null;
    ran.push({ pid: rec.pid, ...(tops.get(rec.pid) ?? { depth: 0, fn: '' }) });
  }
  return null;
}

/** The verdict on a finished (or step-limited) world. */
export function classify(w: World, env: Env, k: Ctx, limited: boolean, steps: TraceStep[] = []): Outcome {
  const failures = [...w.failures];
  const base = { failures, step: w.step, warnings: danglingImports(w, env) };
  if (limited) {
    const loop = detectLivelock(w, env, k);
    if (loop) {
      const who = labels(w, loop.pids);
      steps[steps.length - 1]?.marks?.push('livelock');
      return {
        ...base,
        kind: 'livelock',
        location: loop.fn,
        cycle: who,
        summary: `livelock: ${who.join(', ')} loops forever in ${loop.fn}() without progress`,
      };
    }
    return { ...base, kind: 'limit', summary: `stopped after ${env.maxSteps} steps without finishing` };
  }
  const g = waitForGraph(w);
  const dead = g.cycles.find((c) => !c.timed);
  if (dead) {
    const loc = cycleLocation(dead.edges);
    const cyc = labels(w, dead.pids);
    const last = steps[steps.length - 1];
    if (last) (last.marks ??= []).push('deadlock');
    return {
      ...base,
      kind: 'deadlock',
      location: loc.fn,
      seedLocation: loc.seed,
      cycle: cyc,
      summary: `deadlock in ${loc.fn}()${loc.seed ? ` (location ${loc.seed})` : ''}: ${cyc.join(' -> ')} -> ${cyc[0]}`,
    };
  }
  const blocked = w.tasks.filter((t) => t.status === 'blocked' && t.kind !== 'kthread');
  if (blocked.length) {
    return {
      ...base,
      kind: 'deadlock',
      location: blocked[0].wait?.fn,
      cycle: labels(w, blocked.map((t) => t.pid)),
      summary: `${labels(w, blocked.map((t) => t.pid)).join(', ')} blocked forever in ${blocked[0].wait?.fn}()`,
    };
  }
  if (w.stalls.length) {
    const s = w.stalls[0];
    const seed = s.location === 'resolve_symbol_wait' ? 'ii' : undefined;
    return {
      ...base,
      kind: 'stall',
      location: s.location,
      seedLocation: seed,
      cycle: labels(w, s.cycle),
      summary: `stall in ${s.location}()${seed ? ` (location ${seed})` : ''}: ${labels(w, s.cycle).join(' -> ')} until a timeout broke it`,
    };
  }
  if (failures.length) {
    const f = failures[0];
    return { ...base, kind: 'error', summary: `'${f.command}' (${f.task}) failed with exit status ${f.exit}` };
  }
  return { ...base, kind: 'ok', summary: 'every command finished successfully' };
}
