/**
 * main.ts - `npm run fuzz -- [--runs N] [--seconds S] [--seed X] [--out DIR] [--time-bound S]
 * [--max-steps N]`: the property tests' generators for as long as asked. Every generated scenario
 * must be rejected naming its field or run to a classified outcome within the step limit and the
 * time bound (CPU seconds, see cpuMs); each input that breaks the rule is saved to DIR (default fuzz-failures/) as a JSON
 * file that src/fuzz/regressions/ can keep.
 *
 * A Node program (it measures the CPU time it uses and writes files), so it lives outside the pure
 * engine. `--seconds` is a budget of CPU seconds too.
 */
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { caseArb, mistakeArb, type FuzzCase } from './arbitraries';
import { checkInput } from './check';
import { DEFAULT_MAX_STEPS } from '../rules/limits';
import { cpuMs } from '../cli/cpuTime';

interface Args {
  runs: number;
  seconds: number;
  seed: number;
  out: string;
  timeBound: number;
  maxSteps: number;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { runs: 10_000, seconds: Infinity, seed: 1, out: 'fuzz-failures', timeBound: 2, maxSteps: DEFAULT_MAX_STEPS };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const v = argv[++i];
    const n = Number(v);
    if (flag === '--out') a.out = v;
    else if (!Number.isFinite(n)) throw new Error(`${flag}: expected a number, got '${v}'`);
    else if (flag === '--runs') a.runs = n;
    else if (flag === '--seconds') a.seconds = n;
    else if (flag === '--seed') a.seed = n;
    else if (flag === '--time-bound') a.timeBound = n;
    else if (flag === '--max-steps') a.maxSteps = n;
    else throw new Error(`unknown option ${flag}`);
  }
  if (a.seconds !== Infinity && !argv.includes('--runs')) a.runs = Infinity;
  return a;
}

const args = parseArgs(process.argv.slice(2));
const started = cpuMs();
const stats = { scenarios: 0, rejected: 0, ran: 0, failed: 0, overTime: 0, mistakes: 0, mistakesRun: 0 };
const outcomes = new Map<string, number>();
const signatures = new Map<string, number>();
const rejections = new Map<string, number>();
let slowest = { ms: 0, what: '' };
let saved = 0;

function save(kind: string, data: object): void {
  mkdirSync(args.out, { recursive: true });
  const file = join(args.out, `${kind}-${args.seed}-${stats.scenarios}.json`);
  writeFileSync(file, `${JSON.stringify(data, null, 1)}\n`);
  saved++;
}

function one(c: FuzzCase): void {
  const c0 = cpuMs();
  const v = checkInput(c.scenario, { variant: c.variant, schedule: c.schedule, maxSteps: args.maxSteps, probe: c.probe });
  const ms = cpuMs() - c0;
  stats.scenarios++;
  if (ms > slowest.ms) slowest = { ms, what: `${c.variant}, ${v.kind === 'ran' ? `${v.outcome} after ${v.steps} steps` : v.kind}` };
  if (v.kind === 'rejected') {
    stats.rejected++;
    const why = `${v.path.replace(/\[\d+\]/g, '[]')}: ${v.problem.replace(/'[^']*'/g, "'…'")}`;
    rejections.set(why, (rejections.get(why) ?? 0) + 1);
  }
  else if (v.kind === 'ran') {
    stats.ran++;
    outcomes.set(v.outcome, (outcomes.get(v.outcome) ?? 0) + 1);
  }
  if (v.kind === 'failed') {
    stats.failed++;
    const sig = v.why.split('\n')[0].replace(/'[^']*'/g, "'…'");
    const n = (signatures.get(sig) ?? 0) + 1;
    signatures.set(sig, n);
    if (n <= 3) save('failed', { why: v.why, variant: c.variant, schedule: c.schedule, probe: c.probe, input: c.scenario });
  } else if (ms > args.timeBound * 1000) {
    stats.overTime++;
    save('slow', { why: `took ${ms.toFixed(0)} ms of CPU time (bound ${args.timeBound} s)`, variant: c.variant, schedule: c.schedule, input: c.scenario });
  }
}

function mistake(m: { input: unknown; path: (string | number)[] }, variant: FuzzCase['variant']): void {
  stats.mistakes++;
  const v = checkInput(m.input, { variant });
  if (v.kind === 'ran') {
    stats.mistakesRun++;
    save('accepted', { why: `a mistake at ${m.path.join('.')} was accepted`, variant, input: m.input });
  } else if (v.kind === 'failed') {
    stats.failed++;
    save('failed', { why: v.why, variant, input: m.input });
  }
}

const BATCH = 500;
let seed = args.seed;
while (stats.scenarios < args.runs && cpuMs() - started < args.seconds * 1000) {
  const n = Math.min(BATCH, args.runs - stats.scenarios);
  const cases = fc.sample(caseArb, { numRuns: n, seed: seed++ }) as FuzzCase[];
  const mistakes = fc.sample(mistakeArb, { numRuns: Math.ceil(n / 10), seed: seed++ });
  for (const c of cases) {
    one(c);
    if (cpuMs() - started >= args.seconds * 1000) break;
  }
  mistakes.forEach((m, i) => mistake(m, cases[i % cases.length].variant));
  process.stderr.write(`\r${stats.scenarios} scenarios, ${stats.failed} failed, ${stats.overTime} over ${args.timeBound} s, slowest ${slowest.ms.toFixed(0)} ms CPU`);
}
process.stderr.write('\n');

const secs = (cpuMs() - started) / 1000;
console.log(`${stats.scenarios} generated scenarios in ${secs.toFixed(0)} s of CPU time (seed ${args.seed}): ${stats.rejected} rejected naming their field, ${stats.ran} ran`);
console.log(`  outcomes: ${[...outcomes].map(([k, n]) => `${k} ${n}`).join(', ')}`);
console.log(`  ${stats.mistakes} planted mistakes: ${stats.mistakes - stats.mistakesRun} rejected, ${stats.mistakesRun} accepted`);
console.log(`  internal errors and broken rules: ${stats.failed}; runs over ${args.timeBound} s: ${stats.overTime}`);
console.log(`  slowest run: ${slowest.ms.toFixed(0)} ms of CPU time (${slowest.what}) (load average ${loadavg().map((x) => x.toFixed(1)).join(' ')})`);
console.log('  most frequent rejections:');
for (const [why, n] of [...rejections].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${String(n).padStart(6)}  ${why}`);
console.log('  failures:');
for (const [sig, n] of [...signatures].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(6)}  ${sig}`);
if (saved) console.log(`  ${saved} failing inputs saved in ${args.out}/`);
process.exitCode = stats.failed || stats.overTime || stats.mistakesRun ? 1 : 0;
