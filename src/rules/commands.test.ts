import { describe, expect, it } from 'vitest';
import { CommandError, normalizeModuleName, parseCommand } from './commands';

function fails(line: string, message: string): void {
  expect(() => parseCommand(line)).toThrow(CommandError);
  expect(() => parseCommand(line)).toThrow(message);
}

describe('modprobe [-q] [--first-time] [--] NAME [param=value ...]', () => {
  it('plain name', () => {
    expect(parseCommand('modprobe lp')).toEqual({ cmd: 'modprobe', name: 'lp', params: {}, quiet: false, firstTime: false });
  });

  it('options, --, and parameters (a value may contain "=")', () => {
    expect(parseCommand('modprobe -q --first-time -- lp replace=1 opt=a=b')).toEqual({
      cmd: 'modprobe',
      name: 'lp',
      params: { replace: '1', opt: 'a=b' },
      quiet: true,
      firstTime: true,
    });
    expect(parseCommand('modprobe --quiet lp')).toMatchObject({ quiet: true });
  });

  it("treats '-' and '_' alike: names are stored with underscores", () => {
    expect(parseCommand('modprobe test-klp-mod')).toMatchObject({ name: 'test_klp_mod' });
    expect(normalizeModuleName('a-b-c')).toBe('a_b_c');
  });

  it('errors: missing name, bad name, unsupported option, bad parameter', () => {
    fails('modprobe', 'modprobe: missing module name');
    fails('modprobe -q', 'modprobe: missing module name');
    fails('modprobe a.b', "modprobe: 'a.b' is not a module name");
    fails('modprobe -r lp', "modprobe: unsupported option '-r'");
    fails('modprobe lp debug', "expected param=value, got 'debug'");
    fails('modprobe lp =1', "expected param=value, got '=1'");
  });
});

describe('insmod FILE.ko [param=value ...]', () => {
  it('takes the module name from the file name', () => {
    expect(parseCommand('insmod lp__M.ko')).toEqual({ cmd: 'insmod', name: 'lp__M', file: 'lp__M.ko', params: {} });
    expect(parseCommand('insmod /lib/modules/5.5.0/extra/my-mod.ko x=1')).toEqual({
      cmd: 'insmod',
      name: 'my_mod',
      file: '/lib/modules/5.5.0/extra/my-mod.ko',
      params: { x: '1' },
    });
  });

  it('insmod without a .ko file is refused', () => {
    fails('insmod lp', "insmod: expected a file name ending in '.ko'");
    fails('insmod', "insmod: expected a file name ending in '.ko'");
  });
});

describe('rmmod [-f] NAME', () => {
  it('parses', () => {
    expect(parseCommand('rmmod lp')).toEqual({ cmd: 'rmmod', name: 'lp', force: false });
    expect(parseCommand('rmmod -f my-mod')).toEqual({ cmd: 'rmmod', name: 'my_mod', force: true });
  });
  it('exactly one name', () => {
    fails('rmmod', 'rmmod: expected exactly one module name');
    fails('rmmod a b', 'rmmod: expected exactly one module name');
    fails('rmmod -f', 'rmmod: expected exactly one module name');
  });
});

describe('echo VALUE > PATH', () => {
  it('a sysfs write', () => {
    expect(parseCommand('echo 0 > /sys/kernel/livepatch/lp/enabled')).toEqual({ cmd: 'write', path: '/sys/kernel/livepatch/lp/enabled', value: '0' });
    expect(parseCommand('echo 1>/sys/kernel/livepatch/lp/force')).toEqual({ cmd: 'write', path: '/sys/kernel/livepatch/lp/force', value: '1' });
  });
  it('an empty value (echo > /proc/sys/kernel/modprobe disables request_module)', () => {
    expect(parseCommand('echo > /proc/sys/kernel/modprobe')).toEqual({ cmd: 'write', path: '/proc/sys/kernel/modprobe', value: '' });
  });
  it('needs a redirection', () => {
    fails('echo 0 /sys/kernel/livepatch/lp/enabled', "echo: expected 'echo VALUE > PATH'");
    fails('echo hello', "echo: expected 'echo VALUE > PATH'");
  });
});

describe('sysctl [-q] KEY=VALUE | sysctl KEY', () => {
  it('write, quiet write, read', () => {
    expect(parseCommand('sysctl kernel.ftrace_enabled=0')).toEqual({ cmd: 'sysctl', key: 'kernel.ftrace_enabled', value: '0', quiet: false });
    expect(parseCommand('sysctl -q kernel.ftrace_enabled=1')).toEqual({ cmd: 'sysctl', key: 'kernel.ftrace_enabled', value: '1', quiet: true });
    expect(parseCommand('sysctl kernel.modprobe')).toEqual({ cmd: 'sysctl', key: 'kernel.modprobe', value: null, quiet: false });
  });
  it('errors', () => {
    fails('sysctl', 'sysctl: expected KEY=VALUE or KEY');
    fails('sysctl -q', 'sysctl: expected KEY=VALUE or KEY');
    fails('sysctl a=1 b=2', 'sysctl: expected KEY=VALUE or KEY');
  });
});

describe('cat PATH, lsmod, sleep SECONDS, log TEXT', () => {
  it('parse', () => {
    expect(parseCommand('cat /sys/module/lp/refcnt')).toEqual({ cmd: 'cat', path: '/sys/module/lp/refcnt' });
    expect(parseCommand('lsmod')).toEqual({ cmd: 'lsmod' });
    expect(parseCommand('sleep 1.5')).toEqual({ cmd: 'sleep', seconds: 1.5 });
    expect(parseCommand('sleep 0')).toEqual({ cmd: 'sleep', seconds: 0 });
    expect(parseCommand('log ===== TEST: basic function patching =====')).toEqual({ cmd: 'log', text: '===== TEST: basic function patching =====' });
  });
  it('errors', () => {
    fails('cat', 'cat: expected one path');
    fails('cat a b', 'cat: expected one path');
    fails('sleep', 'sleep: expected a number of seconds');
    fails('sleep x', 'sleep: expected a number of seconds');
    fails('sleep -1', 'sleep: expected a number of seconds');
    fails('sleep 1 2', 'sleep: expected a number of seconds');
  });
});

describe('kill [-9|-15|-KILL|-TERM|-2|-INT] TASK...', () => {
  it('SIGTERM by default', () => {
    expect(parseCommand('kill H1')).toEqual({ cmd: 'kill', targets: ['H1'], signal: 15 });
  });
  it('several targets: labels, pids or a $variable expanded at run time', () => {
    expect(parseCommand('kill H1 H2')).toEqual({ cmd: 'kill', targets: ['H1', 'H2'], signal: 15 });
    expect(parseCommand('kill -9 $pids')).toEqual({ cmd: 'kill', targets: ['$pids'], signal: 9 });
  });
  it('named and numbered signals, any case', () => {
    expect(parseCommand('kill -9 H1')).toMatchObject({ signal: 9 });
    expect(parseCommand('kill -KILL H1')).toMatchObject({ signal: 9 });
    expect(parseCommand('kill -kill H1')).toMatchObject({ signal: 9 });
    expect(parseCommand('kill -15 U2')).toMatchObject({ signal: 15, targets: ['U2'] });
    expect(parseCommand('kill -TERM H2')).toMatchObject({ signal: 15 });
    expect(parseCommand('kill -INT H1')).toMatchObject({ signal: 2 });
    expect(parseCommand('kill -2 H1')).toMatchObject({ signal: 2 });
  });
  it('bad signal or target', () => {
    fails('kill -HUP H1', "kill: unknown signal '-HUP'");
    fails('kill -99 H1', "kill: unknown signal '-99'");
    fails('kill', 'kill: expected a task label, e.g. H1, or pids');
    fails('kill -9', 'kill: expected a task label, e.g. H1, or pids');
  });
});

describe('busy FUNCTION SECONDS', () => {
  it('parses', () => {
    expect(parseCommand('busy cmdline_proc_show 20')).toEqual({ cmd: 'busy', fn: 'cmdline_proc_show', seconds: 20 });
  });
  it('errors', () => {
    for (const bad of ['busy', 'busy f', 'busy 1f 3', 'busy f 0', 'busy f -2', 'busy f x', 'busy f 1 2']) {
      fails(bad, 'busy: expected FUNCTION SECONDS');
    }
  });
});

describe('wait_until (the selftest harness loop_until)', () => {
  it('exists PATH / gone PATH / PATH == VALUE', () => {
    const w = { cmd: 'wait_until', die: true, message: null };
    expect(parseCommand('wait_until exists /sys/kernel/livepatch/lp')).toEqual({ ...w, cond: 'exists:/sys/kernel/livepatch/lp' });
    expect(parseCommand('wait_until gone /sys/kernel/livepatch/lp')).toEqual({ ...w, cond: 'gone:/sys/kernel/livepatch/lp' });
    expect(parseCommand('wait_until /sys/kernel/livepatch/lp/transition == 0')).toEqual({
      ...w,
      cond: 'equals:/sys/kernel/livepatch/lp/transition:0',
    });
    expect(parseCommand('wait_until /sys/module/M/initstate==live')).toEqual({ ...w, cond: 'equals:/sys/module/M/initstate:live' });
  });
  it('functions.sh v7.1: the die message after --, --no-die (loop_until without die), and the number of livepatches', () => {
    expect(parseCommand('wait_until gone /sys/module/M -- failed to unload module M (/sys/module)')).toEqual({
      cmd: 'wait_until',
      cond: 'gone:/sys/module/M',
      die: true,
      message: 'failed to unload module M (/sys/module)',
    });
    expect(parseCommand('wait_until --no-die /sys/kernel/test_klp_syscall/npids == 0')).toMatchObject({ die: false, cond: 'equals:/sys/kernel/test_klp_syscall/npids:0' });
    expect(parseCommand('wait_until livepatches == 1 -- Expecting 1 modules listed')).toMatchObject({ cond: 'count:/sys/kernel/livepatch:1' });
  });
  it('anything else is refused', () => {
    for (const bad of ['wait_until', 'wait_until /sys/module/M', 'wait_until exists', 'wait_until a = b', 'wait_until exists a b']) {
      fails(bad, "wait_until: expected 'exists PATH', 'gone PATH', 'livepatches == N' or 'PATH == VALUE'");
    }
  });
});

describe('functions.sh v7.1 helpers', () => {
  it('run_or_die, expect_fail, modinfo_check, log_if, check_grep, assert_livepatches, set_ftrace_enabled, spawn', () => {
    expect(parseCommand('run_or_die -- insmod test_modules/m.ko x=1')).toEqual({ cmd: 'run_or_die', part: 'insmod test_modules/m.ko x=1' });
    expect(parseCommand('expect_fail m -- insmod test_modules/m.ko')).toEqual({ cmd: 'expect_fail', name: 'm', part: 'insmod test_modules/m.ko' });
    expect(parseCommand('modinfo_check test_modules/m.ko livepatch')).toEqual({ cmd: 'modinfo_check', file: 'test_modules/m.ko', livepatch: true });
    expect(parseCommand('log_if /proc/cmdline == a b -- livepatch: ok')).toEqual({ cmd: 'log_if', path: '/proc/cmdline', value: 'a b', message: 'livepatch: ok' });
    expect(parseCommand("check_grep 'f' /sys/kernel/tracing/trace -- Function (f) did not appear in the trace")).toMatchObject({ pattern: 'f', path: '/sys/kernel/tracing/trace' });
    expect(parseCommand('assert_livepatches 3 -- Expecting 3 modules listed, found $nmods')).toMatchObject({ count: 3 });
    expect(parseCommand('set_ftrace_enabled --fail 0')).toEqual({ cmd: 'set_ftrace_enabled', value: '0', fail: true });
    expect(parseCommand('spawn pids 4 test_klp-call_getpid')).toEqual({ cmd: 'spawn', variable: 'pids', count: 4, program: 'test_klp-call_getpid' });
    expect(parseCommand('echo "" > /sys/kernel/tracing/trace')).toEqual({ cmd: 'write', value: '', path: '/sys/kernel/tracing/trace' });
  });
  it('name what is wrong', () => {
    fails('run_or_die insmod m.ko', 'run_or_die: expected run_or_die -- CMD');
    fails("run_or_die -- capture '' -- lsmod", 'run_or_die: cannot nest capture');
    fails('modinfo_check m.ko maybe', 'modinfo_check: expected FILE livepatch|module');
    fails('spawn pids 0 test_klp-call_getpid', 'spawn: expected VAR N PROGRAM (N from 1 to 128)');
    fails('spawn pids 2 /bin/sh', "spawn: unknown program '/bin/sh' (one of test_klp-call_getpid)");
    fails('set_ftrace_enabled', 'set_ftrace_enabled: expected [--fail] VALUE');
  });
});

describe('selftest harness helpers: grep, capture, assert_file, check_sysfs_rights/value', () => {
  it('grep PATTERN PATH', () => {
    expect(parseCommand("grep 'livepatch:' /proc/modules")).toEqual({ cmd: 'grep', pattern: 'livepatch:', path: '/proc/modules' });
    fails('grep livepatch /proc/modules', "grep: expected grep 'PATTERN' PATH");
  });

  it("capture 'PREFIX' -- CMD [&& CMD ...] (functions.sh: log \"PREFIX$(CMD 2>&1)\")", () => {
    expect(parseCommand("capture '% ' -- modprobe lp && cat /sys/kernel/livepatch/lp/enabled")).toEqual({
      cmd: 'capture',
      prefix: '% ',
      parts: ['modprobe lp', 'cat /sys/kernel/livepatch/lp/enabled'],
    });
    fails('capture modprobe lp', "capture: expected capture 'PREFIX' -- CMD [&& CMD ...]");
    fails("capture 'a' -- capture 'b' -- lsmod", 'capture: cannot nest capture');
    fails("capture 'a' -- frobnicate", "unknown command 'frobnicate'");
  });

  it('assert_file PATH ==|!= TEXT', () => {
    expect(parseCommand('assert_file /proc/cmdline != lp: this has been live patched')).toEqual({
      cmd: 'assert_file',
      path: '/proc/cmdline',
      equal: false,
      value: 'lp: this has been live patched',
    });
    expect(parseCommand('assert_file /sys/module/M/initstate == live')).toMatchObject({ equal: true, value: 'live' });
    fails('assert_file /proc/cmdline', 'assert_file: expected assert_file PATH == TEXT (or !=)');
  });

  it('check_sysfs_rights PATH MODE, check_sysfs_value PATH VALUE', () => {
    expect(parseCommand('check_sysfs_rights /sys/kernel/livepatch/lp/force --w-------')).toEqual({
      cmd: 'check_sysfs_rights',
      path: '/sys/kernel/livepatch/lp/force',
      mode: '--w-------',
    });
    expect(parseCommand('check_sysfs_value /sys/kernel/livepatch/lp/enabled 1')).toEqual({ cmd: 'check_sysfs_value', path: '/sys/kernel/livepatch/lp/enabled', value: '1' });
    fails('check_sysfs_rights /sys/kernel/livepatch/lp', 'check_sysfs_rights: expected PATH MODE');
    fails('check_sysfs_value a b c', 'check_sysfs_value: expected PATH VALUE');
  });
});

describe('unknown and empty commands', () => {
  it('names the unknown command', () => {
    fails('foo bar', "unknown command 'foo'");
    fails('depmod -a', "unknown command 'depmod'");
  });
  it('empty or blank', () => {
    fails('', 'empty command');
    fails('   ', 'empty command');
  });
});
