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
 *   kill [-9|-15|-KILL|-TERM] TASK   (TASK is a label such as H1 or U2)
 *   busy FUNCTION SECONDS       ([S] this task sits in FUNCTION, keeping a transition pending)
 *   log TEXT                    (echo TEXT > /dev/kmsg, as the selftest harness does)
 *   wait_until PATH == VALUE | wait_until exists PATH | wait_until gone PATH
 *                               (the selftest harness's loop_until: polls, dies after 60 s)
 *   grep 'PATTERN' PATH         (prints the lines of PATH containing PATTERN; exit 1 if none)
 *   capture 'PREFIX' -- CMD [&& CMD ...]
 *                               (the harness's `log "PREFIX$(CMD 2>&1 && ...)"`: runs the commands
 *                                and writes their output to /dev/kmsg, PREFIX before the first line)
 *   assert_file PATH == TEXT | assert_file PATH != TEXT
 *   check_sysfs_rights PATH MODE | check_sysfs_value PATH VALUE
 *                               (selftest checks: on a mismatch the harness logs ERROR and dies)
 */
import { DEFAULT_KILL_SIGNAL, signalOfOption } from './signals';

export type Command =
  | { cmd: 'modprobe'; name: string; params: Record<string, string>; quiet: boolean; firstTime: boolean }
  | { cmd: 'insmod'; name: string; file: string; params: Record<string, string> }
  | { cmd: 'rmmod'; name: string; force: boolean }
  | { cmd: 'write'; path: string; value: string }
  | { cmd: 'sysctl'; key: string; value: string | null; quiet: boolean }
  | { cmd: 'cat'; path: string }
  | { cmd: 'lsmod' }
  | { cmd: 'sleep'; seconds: number }
  | { cmd: 'kill'; target: string; signal: number }
  | { cmd: 'busy'; fn: string; seconds: number }
  | { cmd: 'log'; text: string }
  | { cmd: 'wait_until'; cond: string }
  | { cmd: 'grep'; pattern: string; path: string }
  | { cmd: 'capture'; prefix: string; parts: string[] }
  | { cmd: 'assert_file'; path: string; equal: boolean; value: string }
  | { cmd: 'check_sysfs_rights'; path: string; mode: string }
  | { cmd: 'check_sysfs_value'; path: string; value: string };

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
    out[w.slice(0, eq)] = w.slice(eq + 1);
  }
  return out;
}

function moduleName(w: string | undefined, what: string): string {
  if (!w) throw new CommandError(`${what}: missing module name`);
  if (!NAME_RE.test(w)) throw new CommandError(`${what}: '${w}' is not a module name`);
  return normalizeModuleName(w);
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
      const m = /^echo(?:\s+(\S*))?\s*>\s*(\S+)$/.exec(text);
      if (!m) throw new CommandError("echo: expected 'echo VALUE > PATH'");
      return { cmd: 'write', value: m[1] ?? '', path: m[2] };
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
      const s = Number(rest[0]);
      if (rest.length !== 1 || !Number.isFinite(s) || s < 0) throw new CommandError('sleep: expected a number of seconds');
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
      if (args.length !== 1) throw new CommandError('kill: expected one task label, e.g. H1');
      return { cmd: 'kill', target: args[0], signal };
    }
    case 'busy': {
      const s = Number(rest[1]);
      if (rest.length !== 2 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(rest[0]) || !Number.isFinite(s) || s <= 0) {
        throw new CommandError('busy: expected FUNCTION SECONDS');
      }
      return { cmd: 'busy', fn: rest[0], seconds: s };
    }
    case 'log':
      return { cmd: 'log', text: text.slice(4) };
    case 'wait_until': {
      const arg = text.slice('wait_until'.length).trim();
      const m = /^(?:(exists|gone)\s+(\S+)|(\S+)\s*==\s*(\S+))$/.exec(arg);
      if (!m) throw new CommandError("wait_until: expected 'exists PATH', 'gone PATH' or 'PATH == VALUE'");
      return { cmd: 'wait_until', cond: m[1] ? `${m[1]}:${m[2]}` : `equals:${m[3]}:${m[4]}` };
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
    case undefined:
      throw new CommandError('empty command');
    default:
      throw new CommandError(`unknown command '${head}'`);
  }
}
