/**
 * cli.ts - the command line: `npm run -s klp -- <command>` (main.ts wires it to the process).
 *
 *   presets                                   list preset ids and titles
 *   run --preset ID [--variant V] [--json] [--schedule A,B,...] [--max-steps N]
 *   run FILE.json [--variant V] [--json] [--schedule A,B,...] [--max-steps N]
 *   selftest FILE.json [--check] [--variant V]
 *   explore (--preset ID | FILE.json) [--variant V|all] [--max-states N] [--max-seconds S]
 *           [--granularity default|fine] [--json]
 *   compare (--preset ID | FILE.json) [--variant V] --with W [--json]
 *   import-kernel DIR [--out FILE] [--kernel NAME] [--source TEXT]
 *   kernel-graph FILE.json [--module NAME] [--json]
 *   scenario-from FILE.json NAME [--import S1,S2] [--out FILE]
 *
 * Invalid input prints what is wrong and where, and exits with status 2.
 */
import { FileInputError, readSmallFile } from './readSmallFile';
import { MAX_SCENARIO_BYTES } from '../rules/limits';
import { PRESETS, getPreset } from '../presets/index';
import { run } from '../engine/run';
import { isVariantId, VARIANT_IDS, type VariantId } from '../model/variant';
import { ScenarioError } from '../scenario/validate';
import { runSelftest } from '../selftest/runCase';
import { CaseError } from '../selftest/caseFile';
import { formatRun, runJson } from './format';
import { exploreCommand, type ExploreIo } from './explore';
import { GRANULARITIES, type Granularity } from '../model/trace';
import { firstDivergence, transcript } from '../analysis/firstDivergence';
import { VARIANTS } from '../model/variant';
import { seedMoveOf } from '../rules/seed';
import type { Trace } from '../model/trace';
import { importKernel, kernelGraphCommand, KernelUsageError, scenarioFromCommand } from './kernel/commands';
import { KernelDirError } from './kernel/readKernelDir';

class UsageError extends Error {}

/** The most steps `run --max-steps` may ask for: about a minute of simulation. */
const MAX_CLI_STEPS = 2_000_000;
/** A file that cannot be a scenario or case (missing, not a regular file, too large, not JSON). */
class InputError extends Error {}

const USAGE = `usage: klp presets
       klp run (--preset ID | FILE.json) [--variant ${VARIANT_IDS.join('|')}] [--json] [--schedule A,B,...] [--max-steps N]
       klp selftest FILE.json [--check] [--variant V]
       klp explore (--preset ID | FILE.json) [--variant V|all] [--max-states N] [--max-seconds S]
                   [--granularity default|fine] [--json]   (--max-seconds: CPU seconds, for each variant)
       klp import-kernel DIR [--out FILE] [--kernel NAME] [--source TEXT]
       klp kernel-graph GRAPH.json [--module NAME] [--json]
       klp scenario-from GRAPH.json NAME [--import SYM1,SYM2] [--out FILE]
       klp compare (--preset ID | FILE.json) [--variant V] --with W [--json]`;

interface Flags {
  positional: string[];
  preset?: string;
  variant?: string;
  schedule?: string;
  maxStates?: string;
  maxSeconds?: string;
  granularity?: string;
  with?: string;
  maxSteps?: string;
  module?: string;
  out?: string;
  kernel?: string;
  source?: string;
  imports?: string;
  json: boolean;
  check: boolean;
}

function parseFlags(args: string[]): Flags {
  const f: Flags = { positional: [], json: false, check: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string => {
      const v = args[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--preset') f.preset = value();
    else if (a === '--variant') f.variant = value();
    else if (a === '--schedule') f.schedule = value();
    else if (a === '--max-states') f.maxStates = value();
    else if (a === '--max-seconds') f.maxSeconds = value();
    else if (a === '--granularity') f.granularity = value();
    else if (a === '--with') f.with = value();
    else if (a === '--max-steps') f.maxSteps = value();
    else if (a === '--module') f.module = value();
    else if (a === '--out') f.out = value();
    else if (a === '--kernel') f.kernel = value();
    else if (a === '--source') f.source = value();
    else if (a === '--import') f.imports = value();
    else if (a === '--json') f.json = true;
    else if (a === '--check') f.check = true;
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else f.positional.push(a);
  }
  return f;
}

function variantOf(f: Flags, fallback: VariantId): VariantId {
  if (f.variant === undefined) return fallback;
  if (!isVariantId(f.variant)) throw new UsageError(`--variant: unknown variant '${f.variant}' (one of ${VARIANT_IDS.join(', ')})`);
  return f.variant;
}

/** One side of `compare`: the kernel, the verdict, and where a deadlock waits when location i moved. */
function side(name: string, t: Trace): string[] {
  const v = VARIANTS[t.variant];
  const out = [`${name}: ${v.label} (${v.id}; follows ${v.follows})`, `   ${t.outcome.kind}: ${t.outcome.summary}`];
  const move = t.outcome.location ? seedMoveOf(t.outcome.location) : undefined;
  if (move) out.push(`   location i, moved (${move.since}): ${move.why}`);
  return out;
}

/** `klp compare`: the same scenario on two kernels, the first line where their output parts, and the rest of each. */
function compare(scenario: unknown, label: string, a: VariantId, b: VariantId, json: boolean, io: Io): void {
  const ta = run(scenario, { variant: a });
  const tb = run(scenario, { variant: b });
  const div = firstDivergence(ta, tb);
  if (json) {
    io.log(JSON.stringify({ scenario: label, a: runJson(ta, label), b: runJson(tb, label), divergence: div }));
    return;
  }
  io.log(`# ${ta.scenario.title} (${label})`);
  for (const l of [...side('A', ta), ...side('B', tb)]) io.log(l);
  if (!div) {
    io.log('');
    io.log('same output and outcome in both kernels');
    return;
  }
  const la = transcript(ta);
  const lb = transcript(tb);
  const fmt = (l: (typeof la)[number]) => (l.kind === 'cmd' ? `${l.task}$ ${l.text}` : l.kind === 'dmesg' ? l.text : `${l.task}  ${l.text}`);
  io.log('');
  io.log(`common output (${div.line} lines):`);
  for (const l of la.slice(0, div.line)) io.log(`  ${fmt(l)}`);
  io.log('');
  io.log(div.reason === 'output' ? `first difference at line ${div.line + 1} (step ${div.stepA} of A, step ${div.stepB} of B):` : 'same output, different outcome:');
  for (const [name, rest, t] of [['A', la.slice(div.line), ta], ['B', lb.slice(div.line), tb]] as const) {
    for (const l of rest) io.log(`${name} ${fmt(l)}`);
    if (!rest.length) io.log(`${name} (no more output: ${t.outcome.kind})`);
  }
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readSmallFile(file, MAX_SCENARIO_BYTES);
  } catch (e) {
    if (e instanceof FileInputError) throw new InputError(e.message);
    throw e;
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file}: invalid JSON: ${(e as Error).message}`);
  }
}

export interface Io extends ExploreIo {
  log(line: string): void;
  error(line: string): void;
}

/** A scenario file runs in this kernel unless --variant names another. */
const DEFAULT_FILE_VARIANT: VariantId = 'split-poc19';

/** The scenario to run, its label, and the kernel it runs in by default (a preset's own). */
function scenarioOf(f: Flags): { scenario: unknown; label: string; variant: VariantId } {
  if (f.preset) {
    const p = getPreset(f.preset);
    if (!p) throw new UsageError(`--preset: no preset '${f.preset}' (see 'klp presets')`);
    return { scenario: p.scenario, label: p.id, variant: p.variant };
  }
  const file = f.positional[0];
  if (!file) throw new UsageError('give --preset ID or a scenario FILE.json');
  return { scenario: readJson(file), label: file, variant: DEFAULT_FILE_VARIANT };
}

function main(argv: string[], io: Io): number {
  const [command, ...rest] = argv;
  const f = parseFlags(rest);
  switch (command) {
    case 'presets':
      for (const p of PRESETS) io.log(`${p.id.padEnd(20)} ${p.title}`);
      return 0;
    case 'run': {
      const { scenario, label, variant: fallback } = scenarioOf(f);
      const variant = variantOf(f, fallback);
      const maxSteps = f.maxSteps === undefined ? undefined : Number(f.maxSteps);
      if (maxSteps !== undefined && !(Number.isInteger(maxSteps) && maxSteps > 0 && maxSteps <= MAX_CLI_STEPS)) {
        throw new UsageError(`--max-steps: expected a whole number from 1 to ${MAX_CLI_STEPS}`);
      }
      const trace = run(scenario, { variant, schedule: f.schedule ? f.schedule.split(',') : [], maxSteps });
      io.log(f.json ? JSON.stringify(runJson(trace, label)) : formatRun(trace, label));
      return 0;
    }
    case 'explore': {
      const { scenario, label, variant: fallback } = scenarioOf(f);
      const maxStates = f.maxStates === undefined ? undefined : Number(f.maxStates);
      if (maxStates !== undefined && !(Number.isInteger(maxStates) && maxStates > 0)) {
        throw new UsageError('--max-states: expected a positive integer');
      }
      const maxSeconds = f.maxSeconds === undefined ? undefined : Number(f.maxSeconds);
      if (maxSeconds !== undefined && !(Number.isFinite(maxSeconds) && maxSeconds > 0)) {
        throw new UsageError('--max-seconds: expected a positive number of seconds');
      }
      const granularity = (f.granularity ?? 'default') as Granularity;
      if (!GRANULARITIES.includes(granularity)) throw new UsageError(`--granularity: expected ${GRANULARITIES.join(' or ')}, not '${f.granularity}'`);
      const variants = f.variant === 'all' ? VARIANT_IDS : [variantOf(f, fallback)];
      return exploreCommand(scenario, label, { variants, granularity, maxStates, maxSeconds, json: f.json }, io);
    }
    case 'compare': {
      const { scenario, label, variant: fallback } = scenarioOf(f);
      if (f.with === undefined) throw new UsageError('compare: give the second kernel with --with (e.g. --variant split-poc19 --with v7.1-split-poc19)');
      if (!isVariantId(f.with)) throw new UsageError(`--with: unknown variant '${f.with}' (one of ${VARIANT_IDS.join(', ')})`);
      compare(scenario, label, variantOf(f, fallback), f.with, f.json, io);
      return 0;
    }
    case 'selftest': {
      const file = f.positional[0];
      if (!file) throw new UsageError('selftest: give a case FILE.json');
      // The kernel the case's kernel_version names (v5.10 -> the v5.5 model, v7.1 -> v7.1), unless --variant.
      const r = runSelftest(readJson(file), f.variant === undefined ? undefined : variantOf(f, 'upstream'));
      if (!f.check) {
        for (const line of r.log) io.log(line);
        return 0;
      }
      if (r.firstDiff < 0) {
        io.log(`PASS ${file}: ${r.log.length} lines match on ${r.variant}`);
        return 0;
      }
      io.log(`FAIL ${file}: first difference at line ${r.firstDiff + 1} on ${r.variant}`);
      const n = Math.max(r.log.length, r.expected.length);
      for (let i = 0; i < n; i++) {
        const a = r.log[i];
        const b = r.expected[i];
        if (a === b) io.log(`  ${a}`);
        else {
          if (b !== undefined) io.log(`- ${b}`);
          if (a !== undefined) io.log(`+ ${a}`);
        }
      }
      return 1;
    }
    case 'kernel-graph':
      return kernelGraphCommand(f.positional[0], { module: f.module, json: f.json }, io);
    case 'scenario-from':
      return scenarioFromCommand(f.positional[0], f.positional[1], { imports: f.imports, out: f.out }, io);
    case undefined:
    case '--help':
    case 'help':
      io.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

/** Exit status for a failure inside the simulator itself (sysexits.h EX_SOFTWARE). */
export const EXIT_INTERNAL = 70;

/**
 * The exit status for an error: 2 for invalid input (naming the field and the problem),
 * EXIT_INTERNAL for a bug in the simulator (one line, no stack unless KLP_DEBUG is set).
 */
function failure(e: unknown, io: Io, env: Record<string, string | undefined>): number {
  if (e instanceof UsageError || e instanceof InputError || e instanceof ScenarioError || e instanceof CaseError || e instanceof KernelUsageError || e instanceof KernelDirError) {
    io.error(`klp: ${e.message}`);
    if (e instanceof UsageError) io.error(USAGE);
    return 2;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  io.error(`klp: internal error in the simulator: ${err.message}`);
  io.error(env.KLP_DEBUG ? String(err.stack) : 'klp: this is a bug; please report it with the input (set KLP_DEBUG=1 for the stack)');
  return EXIT_INTERNAL;
}

/** Run one command line; returns the exit status (see failure()). */
export function runCli(argv: string[], io: Io, env: Record<string, string | undefined> = {}): number {
  try {
    return main(argv, io);
  } catch (e) {
    return failure(e, io, env);
  }
}

/** runCli, plus the commands that read files asynchronously (import-kernel decompresses .ko.xz). */
export async function runCliAsync(argv: string[], io: Io, env: Record<string, string | undefined> = {}): Promise<number> {
  if (argv[0] !== 'import-kernel') return runCli(argv, io, env);
  try {
    const f = parseFlags(argv.slice(1));
    return await importKernel(f.positional[0], { out: f.out, kernel: f.kernel, source: f.source }, io);
  } catch (e) {
    return failure(e, io, env);
  }
}
