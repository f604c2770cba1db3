/**
 * explore.ts - the interleaving explorer: breadth-first search over every scheduling choice of a
 * scenario, with state hashing, that reports each distinct outcome (ok, error, deadlock, stall,
 * livelock) with the shortest schedule that reaches it. Open that schedule in run() to watch it.
 */
import { validateScenario } from '../scenario/validate';
import type { VariantId } from '../model/variant';
import type { World } from '../model/world';
import type { Outcome } from '../model/trace';
import { advance, classify, makeEnv } from '../engine/run';
import { initialWorld } from '../engine/world';
import { fingerprint } from '../rules/fingerprint';
import { newCtx } from '../engine/ctx';

export interface ExploreOptions {
  variant?: VariantId;
  /** Stop after visiting this many choice points (default 20000). */
  maxStates?: number;
  maxSteps?: number;
}

export interface Finding {
  outcome: Outcome;
  /** Task labels to pick at each scheduling choice: pass as run()'s `schedule`. */
  schedule: string[];
}

export interface Exploration {
  variant: VariantId;
  /** Distinct choice points visited. */
  states: number;
  /** Every reachable choice point was visited (no limit was hit). */
  complete: boolean;
  findings: Finding[];
}

interface Node {
  w: World;
  schedule: string[];
  /** The choice to take first when this node resumes. */
  pick: string | null;
}

/** What decides the rest of the run: the outcome and the history that the verdict reads. */
function stateKey(w: World): string {
  return `${fingerprint(w)}|${JSON.stringify(w.failures)}|${JSON.stringify(w.stalls.map((s) => s.cycle))}`;
}

export function explore(input: unknown, opts: ExploreOptions = {}): Exploration {
  const scenario = validateScenario(input);
  const env = makeEnv(scenario, { variant: opts.variant, maxSteps: opts.maxSteps ?? 20_000, checkpointEvery: 0 });
  const k = newCtx(env);
  const maxStates = opts.maxStates ?? 20_000;
  const seen = new Set<string>();
  const findings = new Map<string, Finding>();
  const queue: Node[] = [{ w: initialWorld(env), schedule: [], pick: null }];
  let complete = true;
  while (queue.length) {
    const node = queue.shift()!;
    let options: string[] = [];
    let pick = node.pick;
    const stop = advance(node.w, env, k, (opts) => {
      if (pick !== null) {
        const i = opts.indexOf(pick);
        pick = null;
        return i >= 0 ? i : 0;
      }
      options = opts;
      return null;
    });
    if (stop !== 'choice') {
      const outcome = classify(node.w, env, k, stop === 'limit');
      const key = `${outcome.kind}|${outcome.summary}`;
      if (!findings.has(key)) findings.set(key, { outcome, schedule: node.schedule });
      continue;
    }
    const key = stateKey(node.w);
    if (seen.has(key)) continue;
    if (seen.size >= maxStates) {
      complete = false;
      break;
    }
    seen.add(key);
    options.forEach((o, i) => {
      const w = i === options.length - 1 ? node.w : structuredClone(node.w);
      queue.push({ w, schedule: [...node.schedule, o], pick: o });
    });
  }
  return { variant: env.variant.id, states: seen.size, complete, findings: [...findings.values()] };
}
