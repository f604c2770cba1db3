/**
 * cli.ts - the command line: `npm run -s klp -- <command>` (main.ts wires it to the process).
 *
 *   presets                                   list preset ids and titles
 *   run --preset ID [--variant V] [--json] [--schedule A,B,...]
 *   run FILE.json [--variant V] [--json] [--schedule A,B,...]
 *   selftest FILE.json [--check] [--variant V]
 *   explore (--preset ID | FILE.json) [--variant V] [--max-states N]
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

class UsageError extends Error {}

const USAGE = `usage: klp presets
       klp run (--preset ID | FILE.json) [--variant ${VARIANT_IDS.join('|')}] [--json] [--schedule A,B,...]
       klp selftest FILE.json [--check] [--variant V]
       klp explore (--preset ID | FILE.json) [--variant V] [--max-states N]`;

interface Flags {
  positional: string[];
  preset?: string;
  variant?: string;
  schedule?: string;
  maxStates?: string;
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
    case 'selftest': {
      const file = f.positional[0];
      if (!file) throw new UsageError('selftest: give a case FILE.json');
      const r = runSelftest(readJson(file), variantOf(f, 'upstream'));
      if (!f.check) {
        for (const line of r.log) io.log(line);
        return 0;
      }
      if (r.firstDiff < 0) {
        io.log(`PASS ${file}: ${r.log.length} lines match`);
        return 0;
      }
      io.log(`FAIL ${file}: first difference at line ${r.firstDiff + 1}`);
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
    case undefined:
    case '--help':
    case 'help':
      io.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

/** Run one command line; returns the exit status (2 for invalid input). */
export function runCli(argv: string[], io: Io): number {
  try {
    return main(argv, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof ScenarioError || e instanceof CaseError) {
      io.error(`klp: ${e.message}`);
      if (e instanceof UsageError) io.error(USAGE);
      return 2;
    }
    throw e;
  }
}
