/**
 * commands.ts - the shell commands a scenario task can run, parsed with clear errors.
 *
 * Grammar (one command per string):
 *   modprobe [-q] [--first-time] [--] NAME [param=value ...]
 *   insmod NAME.ko [param=value ...]
 *   rmmod [-f] NAME
 *   echo [VALUE] > PATH        (sysfs/procfs writes: livepatch enabled/force, module parameters,
 *                               /proc/sys/kernel/modprobe)
 *   sysctl [-q] KEY=VALUE | sysctl KEY
 *   cat PATH | lsmod
 *   sleep SECONDS
 *   kill [-9|-15|-KILL|-TERM] TASK...  (TASK is a label such as H1 or U2, or a pid)
 *   busy FUNCTION SECONDS       ([S] this task sits in FUNCTION, keeping a transition pending)
 *   log TEXT                    (echo TEXT > /dev/kmsg, as the selftest harness does)
 *   wait_until [--no-die] PATH == VALUE | exists PATH | gone PATH | livepatches == N [-- MESSAGE]
 *                               (the selftest harness's loop_until: polls, dies after 60 s with
 *                                MESSAGE, or just goes on with --no-die)
 *   grep 'PATTERN' PATH         (prints the lines of PATH containing PATTERN; exit 1 if none)
 *   capture 'PREFIX' -- CMD [&& CMD ...]
 *                               (the harness's `log "PREFIX$(CMD 2>&1 && ...)"`: runs the commands
 *                                and writes their output to /dev/kmsg, PREFIX before the first line)
 *   assert_file PATH == TEXT | assert_file PATH != TEXT
 *   check_sysfs_rights PATH MODE | check_sysfs_value PATH VALUE
 *                               (selftest checks: on a mismatch the harness logs ERROR and dies)
 *   run_or_die -- CMD           (functions.sh `ret=$(CMD 2>&1); [[ -n $ret ]] && die "$ret"`)
 *   expect_fail NAME -- CMD     (load_failing_mod: dies "NAME unexpectedly loaded" if CMD is
 *                                silent, else logs what it printed)
 *   modinfo_check FILE livepatch|module
 *                               (is_livepatch_mod: dies unless FILE is / is not a livepatch)
 *   log_if PATH == TEXT -- MESSAGE
 *                               (`[[ "$(cat PATH)" == TEXT ]] && log MESSAGE`)
 *   check_grep 'PATTERN' PATH -- MESSAGE
 *                               (`grep -Fwq PATTERN PATH || die MESSAGE`)
 *   assert_livepatches N -- MESSAGE
 *                               (the number of /sys/kernel/livepatch/* entries is N, else die)
 *   set_ftrace_enabled [--fail] V
 *                               (functions.sh v7.1: sets kernel.ftrace_enabled and logs the
 *                                result, or sysctl's error with --fail, or SKIPs)
 *   spawn VAR N PROGRAM         (N background copies of PROGRAM; their pids in $VAR, space-
 *                                separated, and in $VAR_list comma-separated)
 *
 * `$NAME` in a command is replaced by the task's variable NAME when it has one (set by spawn).
 */
import { DEFAULT_KILL_SIGNAL, signalOfOption } from './signals';

import { setOwn } from '../model/dict';
import { MAX_SCENARIO_SECONDS } from './limits';

export type Command =
  | { cmd: 'modprobe'; name: string; params: Record<string, string>; quiet: boolean; firstTime: boolean }
  | { cmd: 'insmod'; name: string; file: string; params: Record<string, string> }
  | { cmd: 'rmmod'; name: string; force: boolean }
  | { cmd: 'write'; path: string; value: string }
  | { cmd: 'sysctl'; key: string; value: string | null; quiet: boolean }
  | { cmd: 'cat'; path: string }
  | { cmd: 'lsmod' }
  | { cmd: 'sleep'; seconds: number }
  | { cmd: 'kill'; targets: string[]; signal: number }
  | { cmd: 'busy'; fn: string; seconds: number }
  | { cmd: 'log'; text: string }
  | { cmd: 'wait_until'; cond: string; die: boolean; message: string | null }
  | { cmd: 'grep'; pattern: string; path: string }
  | { cmd: 'capture'; prefix: string; parts: string[] }
  | { cmd: 'assert_file'; path: string; equal: boolean; value: string }
  | { cmd: 'check_sysfs_rights'; path: string; mode: string }
  | { cmd: 'check_sysfs_value'; path: string; value: string }
  | { cmd: 'run_or_die'; part: string }
  | { cmd: 'expect_fail'; name: string; part: string }
  | { cmd: 'modinfo_check'; file: string; livepatch: boolean }
  | { cmd: 'log_if'; path: string; value: string; message: string }
  | { cmd: 'check_grep'; pattern: string; path: string; message: string }
  | { cmd: 'assert_livepatches'; count: number; message: string }
  | { cmd: 'set_ftrace_enabled'; value: string; fail: boolean }
  | { cmd: 'spawn'; variable: string; count: number; program: string };

/** Programs `spawn` can start. */
export const SPAWN_PROGRAMS = ['test_klp-call_getpid'];

export class CommandError extends Error {}

/** Module names: modprobe treats '-' and '_' alike; the kernel stores '_'. */
export function normalizeModuleName(s: string): string {
  return s.replace(/-/g, '_');
}

const NAME_RE = /^[A-Za-z0-9_-]+$/;

function params(words: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const w of words) {
    const eq = w.indexOf('=');
    if (eq <= 0) throw new CommandError(`expected param=value, got '${w}'`);
    setOwn(out, w.slice(0, eq), w.slice(eq + 1));
  }
  return out;
}

function moduleName(w: string | undefined, what: string): string {
  if (!w) throw new CommandError(`${what}: missing module name`);
  if (!NAME_RE.test(w)) throw new CommandError(`${what}: '${w}' is not a module name`);
  return normalizeModuleName(w);
}


/**
 * A duration in seconds as a command spells it (`1`, `0.5`): decimal, 0..MAX_SCENARIO_SECONDS,
 * so that logical time stays finite (`sleep 1e308` would print `[Infinity]` timestamps).
 */
function seconds(word: string | undefined): number | null {
  if (word === undefined || !/^\d+(\.\d+)?$|^\.\d+$/.test(word)) return null;
  const s = Number(word);
  return s <= MAX_SCENARIO_SECONDS ? s : null;
}

export function parseCommand(line: string): Command {
  const text = line.trim();
  const words = text.split(/\s+/).filter(Boolean);
  const [head, ...rest] = words;
  switch (head) {
    case 'modprobe': {
      let quiet = false;
      let firstTime = false;
      const args: string[] = [];
      for (const w of rest) {
        if (w === '-q' || w === '--quiet') quiet = true;
        else if (w === '--first-time') firstTime = true;
        else if (w === '--') continue;
        else if (w.startsWith('-') && args.length === 0) throw new CommandError(`modprobe: unsupported option '${w}'`);
        else args.push(w);
      }
      const name = moduleName(args[0], 'modprobe');
      return { cmd: 'modprobe', name, params: params(args.slice(1)), quiet, firstTime };
    }
    case 'insmod': {
      const file = rest[0];
      if (!file || !file.endsWith('.ko')) throw new CommandError("insmod: expected a file name ending in '.ko'");
      const base = file.slice(file.lastIndexOf('/') + 1, -3);
      return { cmd: 'insmod', name: moduleName(base, 'insmod'), file, params: params(rest.slice(1)) };
    }
    case 'rmmod': {
      const force = rest[0] === '-f';
      const args = force ? rest.slice(1) : rest;
      if (args.length !== 1) throw new CommandError('rmmod: expected exactly one module name');
      return { cmd: 'rmmod', name: moduleName(args[0], 'rmmod'), force };
    }
    case 'echo': {
      const m = /^echo(?:\s+("[^"]*"|'[^']*'|\S*))?\s*>\s*(\S+)$/.exec(text);
      if (!m) throw new CommandError("echo: expected 'echo VALUE > PATH'");
      const raw = m[1] ?? '';
      const value = /^(".*"|'.*')$/.test(raw) ? raw.slice(1, -1) : raw;
      return { cmd: 'write', value, path: m[2] };
    }
    case 'sysctl': {
      const quiet = rest[0] === '-q';
      const arg = quiet ? rest[1] : rest[0];
      if (!arg || (quiet ? rest.length !== 2 : rest.length !== 1)) throw new CommandError('sysctl: expected KEY=VALUE or KEY');
      const eq = arg.indexOf('=');
      return eq < 0
        ? { cmd: 'sysctl', key: arg, value: null, quiet }
        : { cmd: 'sysctl', key: arg.slice(0, eq), value: arg.slice(eq + 1), quiet };
    }
    case 'cat':
      if (rest.length !== 1) throw new CommandError('cat: expected one path');
      return { cmd: 'cat', path: rest[0] };
    case 'lsmod':
      return { cmd: 'lsmod' };
    case 'sleep': {
      const s = seconds(rest[0]);
      if (rest.length !== 1 || s === null) throw new CommandError(`sleep: expected a number of seconds, 0..${MAX_SCENARIO_SECONDS}`);
      return { cmd: 'sleep', seconds: s };
    }
    case 'kill': {
      let signal = DEFAULT_KILL_SIGNAL;
      let args = rest;
      if (rest[0]?.startsWith('-')) {
        const sig = signalOfOption(rest[0]);
        if (!sig) throw new CommandError(`kill: unknown signal '${rest[0]}'`);
        signal = sig;
        args = rest.slice(1);
      }
      if (args.length < 1) throw new CommandError('kill: expected a task label, e.g. H1, or pids');
      return { cmd: 'kill', targets: args, signal };
    }
    case 'busy': {
      const s = seconds(rest[1]);
      if (rest.length !== 2 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(rest[0]) || s === null || s <= 0) {
        throw new CommandError(`busy: expected FUNCTION SECONDS (more than 0, at most ${MAX_SCENARIO_SECONDS})`);
      }
      return { cmd: 'busy', fn: rest[0], seconds: s };
    }
    case 'log':
      return { cmd: 'log', text: text.slice(4) };
    case 'wait_until': {
      let arg = text.slice('wait_until'.length).trim();
      const noDie = arg.startsWith('--no-die ');
      if (noDie) arg = arg.slice('--no-die '.length).trim();
      const [condText, ...msg] = arg.split(' -- ');
      const m = /^(?:(exists|gone)\s+(\S+)|livepatches\s*==\s*(\d+)|(\S+)\s*==\s*(\S+))$/.exec(condText.trim());
      if (!m) throw new CommandError("wait_until: expected 'exists PATH', 'gone PATH', 'livepatches == N' or 'PATH == VALUE'");
      const cond = m[1] ? `${m[1]}:${m[2]}` : m[3] !== undefined ? `count:/sys/kernel/livepatch:${m[3]}` : `equals:${m[4]}:${m[5]}`;
      return { cmd: 'wait_until', cond, die: !noDie, message: msg.length ? msg.join(' -- ') : null };
    }
    case 'grep': {
      const m = /^grep\s+'([^']*)'\s+(\S+)$/.exec(text);
      if (!m) throw new CommandError("grep: expected grep 'PATTERN' PATH");
      return { cmd: 'grep', pattern: m[1], path: m[2] };
    }
    case 'capture': {
      const m = /^capture\s+'([^']*)'\s+--\s+(.+)$/.exec(text);
      if (!m) throw new CommandError("capture: expected capture 'PREFIX' -- CMD [&& CMD ...]");
      const parts = m[2].split('&&').map((x) => x.trim());
      for (const p of parts) {
        const c = parseCommand(p);
        if (c.cmd === 'capture') throw new CommandError('capture: cannot nest capture');
      }
      return { cmd: 'capture', prefix: m[1], parts };
    }
    case 'assert_file': {
      const m = /^assert_file\s+(\S+)\s+(==|!=)\s+(.*)$/.exec(text);
      if (!m) throw new CommandError('assert_file: expected assert_file PATH == TEXT (or !=)');
      return { cmd: 'assert_file', path: m[1], equal: m[2] === '==', value: m[3] };
    }
    case 'check_sysfs_rights':
    case 'check_sysfs_value': {
      if (rest.length !== 2) throw new CommandError(`${head}: expected PATH ${head === 'check_sysfs_rights' ? 'MODE' : 'VALUE'}`);
      return head === 'check_sysfs_rights'
        ? { cmd: 'check_sysfs_rights', path: rest[0], mode: rest[1] }
        : { cmd: 'check_sysfs_value', path: rest[0], value: rest[1] };
    }
    case 'run_or_die':
    case 'expect_fail': {
      const m = head === 'run_or_die' ? /^run_or_die\s+--\s+(.+)$/.exec(text) : /^expect_fail\s+(\S+)\s+--\s+(.+)$/.exec(text);
      if (!m) throw new CommandError(head === 'run_or_die' ? 'run_or_die: expected run_or_die -- CMD' : 'expect_fail: expected expect_fail NAME -- CMD');
      const part = m[m.length - 1];
      if (['capture', 'run_or_die', 'expect_fail'].includes(parseCommand(part).cmd)) throw new CommandError(`${head}: cannot nest ${parseCommand(part).cmd}`);
      return head === 'run_or_die' ? { cmd: 'run_or_die', part } : { cmd: 'expect_fail', name: m[1], part };
    }
    case 'modinfo_check': {
      if (rest.length !== 2 || !['livepatch', 'module'].includes(rest[1])) throw new CommandError('modinfo_check: expected FILE livepatch|module');
      return { cmd: 'modinfo_check', file: rest[0], livepatch: rest[1] === 'livepatch' };
    }
    case 'log_if': {
      const m = /^log_if\s+(\S+)\s+==\s+(.*?)\s+--\s+(.+)$/.exec(text);
      if (!m) throw new CommandError('log_if: expected log_if PATH == TEXT -- MESSAGE');
      return { cmd: 'log_if', path: m[1], value: m[2], message: m[3] };
    }
    case 'check_grep': {
      const m = /^check_grep\s+'([^']*)'\s+(\S+)\s+--\s+(.+)$/.exec(text);
      if (!m) throw new CommandError("check_grep: expected check_grep 'PATTERN' PATH -- MESSAGE");
      return { cmd: 'check_grep', pattern: m[1], path: m[2], message: m[3] };
    }
    case 'assert_livepatches': {
      const m = /^assert_livepatches\s+(\d+)\s+--\s+(.+)$/.exec(text);
      if (!m) throw new CommandError('assert_livepatches: expected assert_livepatches N -- MESSAGE');
      return { cmd: 'assert_livepatches', count: Number(m[1]), message: m[2] };
    }
    case 'set_ftrace_enabled': {
      const fail = rest[0] === '--fail';
      const args = fail ? rest.slice(1) : rest;
      if (args.length !== 1) throw new CommandError('set_ftrace_enabled: expected [--fail] VALUE');
      return { cmd: 'set_ftrace_enabled', value: args[0], fail };
    }
    case 'spawn': {
      const n = Number(rest[1]);
      if (rest.length !== 3 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(rest[0]) || !Number.isInteger(n) || n < 1 || n > 128) {
        throw new CommandError('spawn: expected VAR N PROGRAM (N from 1 to 128)');
      }
      if (!SPAWN_PROGRAMS.includes(rest[2])) throw new CommandError(`spawn: unknown program '${rest[2]}' (one of ${SPAWN_PROGRAMS.join(', ')})`);
      return { cmd: 'spawn', variable: rest[0], count: n, program: rest[2] };
    }
    case undefined:
      throw new CommandError('empty command');
    default:
      throw new CommandError(`unknown command '${head}'`);
  }
}
