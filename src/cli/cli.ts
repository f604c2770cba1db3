/**
 * cli.ts - the command line: `npm run -s klp -- <command>` (main.ts wires it to the process).
 *
 *   presets                                   list preset ids and titles
 *   run --preset ID [--variant V] [--json] [--schedule A,B,...]
 *   run FILE.json [--variant V] [--json] [--schedule A,B,...]
 *   selftest FILE.json [--check] [--variant V]
 *   explore (--preset ID | FILE.json) [--variant V] [--max-states N]
 *   compare (--preset ID | FILE.json) [--variant V] --with W [--json]
 *   import-kernel DIR [--out FILE] [--kernel NAME] [--source TEXT]
 *   kernel-graph FILE.json [--module NAME] [--json]
 *   scenario-from FILE.json NAME [--import S1,S2] [--out FILE]
 *
 * Invalid input prints what is wrong and where, and exits with status 2.
 */
import { readFileSync } from 'node:fs';
import { PRESETS, getPreset } from '../presets/index';
import { run } from '../engine/run';
import { isVariantId, VARIANT_IDS, type VariantId } from '../model/variant';
import { ScenarioError } from '../scenario/validate';
import { runSelftest } from '../selftest/runCase';
import { CaseError } from '../selftest/caseFile';
import { formatRun, runJson } from './format';
import { explore } from '../explorer/explore';
import { firstDivergence, transcript } from '../analysis/firstDivergence';
import { VARIANTS } from '../model/variant';
import { seedMoveOf } from '../rules/seed';
import type { Trace } from '../model/trace';
import { importKernel, kernelGraphCommand, KernelUsageError, scenarioFromCommand } from './kernel/commands';
import { KernelDirError } from './kernel/readKernelDir';

class UsageError extends Error {}

const USAGE = `usage: klp presets
       klp run (--preset ID | FILE.json) [--variant ${VARIANT_IDS.join('|')}] [--json] [--schedule A,B,...]
       klp selftest FILE.json [--check] [--variant V]
       klp explore (--preset ID | FILE.json) [--variant V] [--max-states N]
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
  with?: string;
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
    else if (a === '--with') f.with = value();
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
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`${file}: cannot read: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file}: invalid JSON: ${(e as Error).message}`);
  }
}

export interface Io {
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
      const trace = run(scenario, { variant, schedule: f.schedule ? f.schedule.split(',') : [] });
      io.log(f.json ? JSON.stringify(runJson(trace, label)) : formatRun(trace, label));
      return 0;
    }
    case 'explore': {
      const { scenario, label, variant: fallback } = scenarioOf(f);
      const maxStates = f.maxStates === undefined ? undefined : Number(f.maxStates);
      if (maxStates !== undefined && !(Number.isInteger(maxStates) && maxStates > 0)) {
        throw new UsageError('--max-states: expected a positive integer');
      }
      const e = explore(scenario, { variant: variantOf(f, fallback), maxStates });
      if (f.json) {
        io.log(JSON.stringify({ scenario: label, ...e, findings: e.findings.map((x) => ({ ...x.outcome, schedule: x.schedule })) }));
        return 0;
      }
      io.log(`# ${label} on ${e.variant}: ${e.states} choice points, ${e.complete ? 'all interleavings explored' : 'stopped at the state limit'}`);
      for (const x of e.findings) {
        io.log(`${x.outcome.kind.padEnd(9)} ${x.outcome.summary}`);
        io.log(`          schedule: ${x.schedule.length ? x.schedule.join(',') : '(default)'}`);
      }
      return 0;
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

function failure(e: unknown, io: Io): number {
  if (e instanceof UsageError || e instanceof ScenarioError || e instanceof CaseError || e instanceof KernelUsageError || e instanceof KernelDirError) {
    io.error(`klp: ${e.message}`);
    if (e instanceof UsageError) io.error(USAGE);
    return 2;
  }
  throw e;
}

/** Run one command line; returns the exit status (2 for invalid input). */
export function runCli(argv: string[], io: Io): number {
  try {
    return main(argv, io);
  } catch (e) {
    return failure(e, io);
  }
}

/** runCli, plus the commands that read files asynchronously (import-kernel decompresses .ko.xz). */
export async function runCliAsync(argv: string[], io: Io): Promise<number> {
  if (argv[0] !== 'import-kernel') return runCli(argv, io);
  try {
    const f = parseFlags(argv.slice(1));
    return await importKernel(f.positional[0], { out: f.out, kernel: f.kernel, source: f.source }, io);
  } catch (e) {
    return failure(e, io);
  }
}
