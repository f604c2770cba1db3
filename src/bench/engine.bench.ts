/**
 * engine.bench.ts - `npm run bench`: engine speed and trace memory, measured, never asserted.
 *
 * 1. A chain of 1000 modules (module i imports a symbol of module i-1) loaded by one modprobe:
 *    steps per second with and without per-step records and checkpoints, and the trace's memory.
 * 2. Every preset in every variant it names: runs per second.
 * 3. worldAt() on the chain trace: scrubbing cost per random step.
 * 4. The interleaving explorer: states per second.
 * 5. Big scenarios (issue 8): chains of 1000 and 5000 modules loaded by 50 tasks at once, which run
 *    to the step limit: time, heap, checkpoints, and worldAt() on them.
 */
import { run } from '../engine/run';
import { worldAt } from '../engine/replay';
import { PRESETS } from '../presets/index';
import { explore } from '../explorer/explore';
import type { Scenario } from '../model/scenario';
import type { VariantId } from '../model/variant';

function chain(n: number, tasks = 1): Scenario {
  const modules = Array.from({ length: n }, (_, i) => ({
    name: `m${i}`,
    exports: [`m${i}_fn`],
    imports: i ? [`m${i - 1}_fn`] : [],
  }));
  // Task t loads the chain from module n-1-t down: fifty tasks race through the same chain.
  const commands = Array.from({ length: tasks }, (_, t) => ({ commands: [`modprobe m${n - 1 - (t % n)}`] }));
  return { type: 'klp-playground/scenario', version: 1, title: `chain of ${n}`, modules, livepatches: [], tasks: commands };
}

function time<T>(f: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = f();
  return { ms: performance.now() - t0, value };
}

function heapMB(): number {
  global.gc?.();
  global.gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

const sc = chain(1000);
run(sc, { variant: 'upstream', checkpointEvery: 0, recordSteps: false }); // warm-up

const bare = time(() => run(sc, { variant: 'upstream', checkpointEvery: 0, recordSteps: false }));
const steps = bare.value.final.step;
console.log(`chain of 1000 modules, one modprobe: ${steps} steps, outcome ${bare.value.outcome.kind}`);
console.log(`  engine only:               ${(steps / (bare.ms / 1000)).toFixed(0)} steps/s (${bare.ms.toFixed(0)} ms)`);

const before = heapMB();
const full = time(() => run(sc, { variant: 'upstream' }));
const after = heapMB();
console.log(`  with trace + checkpoints:  ${(steps / (full.ms / 1000)).toFixed(0)} steps/s (${full.ms.toFixed(0)} ms)`);
console.log(
  `  trace memory:              ${(after - before).toFixed(1)} MB heap for ${full.value.steps.length} steps and ${full.value.checkpoints.length} checkpoints` +
    (global.gc ? '' : ' (run node with --expose-gc for exact numbers)'),
);

const picks = Array.from({ length: 200 }, (_, i) => (i * 7919) % full.value.steps.length);
const scrub = time(() => picks.forEach((i) => worldAt(full.value, i)));
console.log(`  worldAt (scrubbing):       ${(scrub.ms / picks.length).toFixed(2)} ms per random step`);

let runs = 0;
let presetSteps = 0;
const all = time(() => {
  for (const p of PRESETS) {
    for (const v of Object.keys(p.expected) as VariantId[]) {
      presetSteps += run(p.scenario, { variant: v }).steps.length;
      runs++;
    }
  }
});
console.log(`presets: ${runs} runs, ${presetSteps} steps in ${all.ms.toFixed(0)} ms (${(presetSteps / (all.ms / 1000)).toFixed(0)} steps/s)`);

// 4. The interleaving explorer on N tasks racing to load the same slow module (P03 grown).
function racers(n: number): Scenario {
  return {
    type: 'klp-playground/scenario',
    version: 1,
    title: `${n} racers`,
    modules: [{ name: 'slow', exports: ['slow_fn'], init: [{ sleep: 1 }] }, { name: 'user', imports: ['slow_fn'] }],
    livepatches: [],
    tasks: Array.from({ length: n }, (_, i) => ({ commands: [i % 2 ? 'modprobe user' : 'insmod slow.ko', 'rmmod user'] })),
  };
}
for (const n of [3, 4]) {
  const ex = time(() => explore(racers(n), { variant: 'upstream', maxStates: 50_000 }));
  console.log(
    `explorer, ${n} racing tasks: ${ex.value.states} states in ${ex.ms.toFixed(0)} ms (${(ex.value.states / (ex.ms / 1000)).toFixed(0)} states/s), ` +
      `${ex.value.findings.length} distinct outcomes${ex.value.complete ? '' : ' (state limit hit)'}`,
  );
}

// 5. Big scenarios: memory follows what changes (checkpoints without logs, spaced by world size),
//    and a run that cannot finish stops at the step limit.
/** Runs the big chain and measures it while its trace is alive; the caller measures after. */
function bigRun(n: number): { line: string; withTrace: number } {
  const big = chain(n, 50);
  const r = time(() => run(big, { variant: 'upstream' }));
  const t = r.value;
  const at = Array.from({ length: 20 }, (_, i) => (i * 7919) % t.steps.length);
  const replay = time(() => at.forEach((i) => worldAt(t, i)));
  const withTrace = heapMB();
  return {
    line: `${t.final.step} steps (${t.outcome.kind}) in ${r.ms.toFixed(0)} ms, ${t.checkpoints.length} checkpoints, worldAt ${(replay.ms / at.length).toFixed(1)} ms per step`,
    withTrace,
  };
}
for (const n of [1000, 5000]) {
  const { line, withTrace } = bigRun(n);
  console.log(`chain of ${n} modules, 50 tasks: ${line}, trace ${(withTrace - heapMB()).toFixed(1)} MB heap`);
}
