/**
 * shell.ts - a user task: runs its commands one after another, like `sh -c 'a; b; c'`.
 */
import { block, call, next, num, ret, str, yieldTo, proc } from '../sim/ops';
import type { Ctx } from '../sim/context';
import type { Locals } from '../model/world';
import { parseCommand } from '../rules/commands';
import { activeFunc, fileMode, livepatchDirs, readFile } from '../sim/files';
import { klpNewFunc } from '../kernel/livepatch/funcs';
import { evalCond } from '../sim/conditions';
import { strerror } from '../model/errno';
import { module_refcount } from '../rules/refcount';
import { dieIfSignalled, exitTask } from '../sim/exit';
import { readProcFile, tracefsWrite } from '../kernel/trace/ftrace';
import { setKprobesEnabled } from '../kernel/kprobes';
import { GETPID_PROGRAM } from './getpid';

/** `$NAME` replaced by the task's variable NAME, where it has one ([S] no other shell expansion). */
export function expandVars(line: string, env: Record<string, string> | undefined): string {
  if (!env) return line;
  return line.replace(/\$([A-Za-z_][A-Za-z0-9_]*)/g, (all, name: string) => (Object.prototype.hasOwnProperty.call(env, name) ? env[name] : all));
}
import { hasOwn, own, setOwn } from '../model/dict';

function fail(k: Ctx, text: string): ReturnType<typeof ret> {
  k.out('stderr', text);
  return ret(1);
}

export const sh = proc({ labels: { cmd: 'next command' } }, {
  start: (k, l) => {
    l.i = 0;
    l.status = 0;
    return next('cmd');
  },
  /** Between two commands the shell forks and execs: other tasks and kernel work may run. */
  cmd: (k, l) => {
    const cmds = l.cmds as string[];
    // `sh -c 'a; b; c'` exits with the status of its last command.
    if (num(l, 'i') >= cmds.length) return ret(num(l, 'status'));
    return yieldTo('exec');
  },
  exec: (k, l) => {
    const line = expandVars((l.cmds as string[])[num(l, 'i')], k.task.env);
    // A fatal signal that came while the shell waited for its turn kills it on its way back to
    // user space (exit_to_user_mode() -> get_signal()): the command is never started. The shell's
    // job is reported as that command, killed.
    if (k.task.sigpending !== null) {
      k.task.argv = line;
      dieIfSignalled(k);
      return next('cmd');
    }
    k.out('cmd', line);
    k.task.argv = line;
    return call('shCommand', { line }, 'done');
  },
  done: (k, l) => {
    if (dieIfSignalled(k)) return next('cmd');
    const code = num(l, 'ret');
    const line = (l.cmds as string[])[num(l, 'i')];
    l.status = code;
    if (code !== 0) {
      k.w.failures.push({ task: k.task.label, command: line, exit: code });
      k.out('exit', `exit status ${code}`);
    }
    l.i = num(l, 'i') + 1;
    return next('cmd');
  },
});

/** Run one command line: programs get a procedure of their own, the rest are builtins. */
export const shCommand = proc({ kernelName: 'sh', hidden: true }, {
  start: (k, l) => {
    const c = parseCommand(str(l, 'line'));
    switch (c.cmd) {
      case 'modprobe':
        return call('modprobe', { name: c.name, params: c.params, quiet: c.quiet, firstTime: c.firstTime }, 'done');
      case 'insmod':
        return call('insmod', { name: c.name, file: c.file, params: c.params }, 'done');
      case 'rmmod':
        return call('rmmod', { name: c.name, force: c.force }, 'done');
      case 'busy':
        return call('busyIn', { as: c.fn, seconds: c.seconds }, 'done');
      case 'capture':
        return call('capture', { prefix: c.prefix, parts: c.parts, mode: 'log' }, 'done');
      case 'run_or_die':
        return call('capture', { prefix: '', parts: [c.part], mode: 'die' }, 'done');
      case 'expect_fail':
        return call('capture', { prefix: '', parts: [c.part], mode: 'expect_fail', name: c.name }, 'done');
      default:
        return call('shBuiltin', { line: str(l, 'line') }, 'done');
    }
  },
  done: (k, l) => ret(num(l, 'ret')),
});

/**
 * The selftest harness's `ret=$(CMD 2>&1 && ...); log "PREFIX$ret"`: run the commands, stop at
 * the first failure, then write what they printed to /dev/kmsg. Its status is ignored by the
 * harness, so it returns 0. Mode 'die' is `[[ "$ret" != "" ]] && die "$ret"` (__load_mod,
 * unload_mod); mode 'expect_fail' is load_failing_mod: silence means the load worked, which dies.
 */
export const capture = proc({ labels: { part: 'next command of the pipeline', log: 'logs what the command printed' } }, {
  start: (k, l) => {
    l.from = k.w.userspace.length;
    l.i = 0;
    return next('part');
  },
  part: (k, l) => {
    const parts = l.parts as string[];
    if (num(l, 'i') >= parts.length) return next('log');
    return call('shCommand', { line: parts[num(l, 'i')] }, 'after');
  },
  after: (k, l) => {
    l.i = num(l, 'i') + 1;
    return num(l, 'ret') === 0 ? next('part') : next('log');
  },
  log: (k, l) => {
    const lines = k.w.userspace
      .slice(num(l, 'from'))
      .filter((u) => u.pid === k.task.pid && (u.stream === 'stdout' || u.stream === 'stderr'))
      .map((u) => u.text);
    if (l.mode === 'die') return lines.length ? die(k, lines.join('\n')) : ret(0);
    if (l.mode === 'expect_fail' && !lines.length) return die(k, `${str(l, 'name')} unexpectedly loaded`);
    if (lines.length) k.printk(`${str(l, 'prefix')}${lines.join('\n')}`);
    return ret(0);
  },
});

/**
 * [S] A task sitting in FUNCTION for a while: klp_try_switch_task() sees it on its stack. If a
 * livepatch replaces FUNCTION for this task, it sits in the replacement (livepatch_FUNCTION, or
 * the patch's own name for it), as the ftrace handler sends it there (sim/files.ts activeFunc()).
 */
export const busyIn = proc({ kernelName: 'busy' }, {
  start: (k, l) => {
    const fn = str(l, 'as');
    const a = activeFunc(k.w, fn, k.task.pid);
    if (a && !a.nop) l.as = klpNewFunc(k, a.patch, a.obj, fn);
    return block({ kind: 'sleep', fn: str(l, 'as'), until: k.now + num(l, 'seconds') * 1000, killable: true }, 'done');
  },
  done: () => ret(0),
});

/** Commands that are not separate programs in this model: echo, sysctl, cat, lsmod, sleep, kill, log, and the selftest harness's helpers. */
export const shBuiltin = proc({ kernelName: 'sh' }, {
  start: (k, l) => {
    const c = parseCommand(str(l, 'line'));
    switch (c.cmd) {
      case 'write':
        return write(k, l, c.path, c.value);
      case 'sysctl':
        return sysctl(k, l, c.key, c.value, c.quiet);
      case 'cat': {
        const v = readProcFile(k, c.path);
        if (v === null) return fail(k, `cat: ${c.path}: No such file or directory`);
        for (const line of v.split('\n')) k.out('stdout', line);
        return ret(0);
      }
      case 'lsmod':
        k.out('stdout', 'Module                  Size  Used by');
        // kmod tools/lsmod.c: printf("%-19s %8ld  %d", name, size, use_count), then " holder,holder".
        for (const m of k.w.modules.filter((x) => x.state !== 'MODULE_STATE_UNFORMED')) {
          const users = m.holders.length ? ` ${m.holders.join(',')}` : '';
          k.out('stdout', `${m.name.padEnd(19)} ${'16384'.padStart(8)}  ${module_refcount(m)}${users}`);
        }
        return ret(0);
      case 'sleep':
        return block({ kind: 'sleep', fn: 'hrtimer_nanosleep', until: k.now + c.seconds * 1000, killable: true }, 'slept');
      case 'kill':
        return kill(k, c.targets, c.signal);
      case 'log':
        k.printk(c.text);
        return ret(0);
      case 'grep': {
        const v = readProcFile(k, c.path);
        if (v === null) return fail(k, `grep: ${c.path}: No such file or directory`);
        const hits = v.split('\n').filter((x) => x.includes(c.pattern));
        for (const h of hits) k.out('stdout', h);
        return ret(hits.length ? 0 : 1);
      }
      case 'assert_file': {
        // test-livepatch.sh: echo -e "FAIL\n\n"; die "livepatch kselftest(s) failed"
        const v = readProcFile(k, c.path);
        if ((v === c.value) !== c.equal) return die(k, 'livepatch kselftest(s) failed');
        return ret(0);
      }
      case 'check_sysfs_rights': {
        const mode = fileMode(k.w, c.path);
        if (mode !== c.mode) return die(k, `Unexpected access rights of ${c.path}: ${c.mode} vs. ${mode ?? ''}`);
        return ret(0);
      }
      case 'check_sysfs_value': {
        const v = readFile(k.w, c.path);
        if (v !== c.value) return die(k, `Unexpected value in ${c.path}: ${c.value} vs. ${v ?? ''}`);
        return ret(0);
      }
      case 'wait_until':
        l.cond = c.cond;
        l.deadline = k.now + 60_000;
        l.die = c.die;
        l.message = c.message;
        return next('poll');
      case 'modinfo_check': {
        // functions.sh is_livepatch_mod(): modinfo test_modules/M.ko | grep "livepatch: Y".
        const name = c.file.slice(c.file.lastIndexOf('/') + 1).replace(/\.ko$/, '');
        const f = k.env.files[name];
        if (!f) return die(k, `Can't find "${c.file}", try "make"`);
        if (c.livepatch && !f.livepatch) return die(k, `module ${name} is not a livepatch`);
        if (!c.livepatch && f.livepatch) return die(k, `use load_lp() to load the livepatch module ${name}`);
        return ret(0);
      }
      case 'log_if':
        if (readProcFile(k, c.path) === c.value) k.printk(c.message);
        return ret(0);
      case 'check_grep': {
        // grep -Fwq: a fixed string as a whole word.
        const v = readProcFile(k, c.path) ?? '';
        const re = new RegExp(`(^|[^A-Za-z0-9_])${c.pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^A-Za-z0-9_]|$)`, 'm');
        if (!re.test(v)) return die(k, c.message);
        return ret(0);
      }
      case 'assert_livepatches': {
        if (livepatchDirs(k.w).length !== c.count) return die(k, c.message.replace('$nmods', String(livepatchDirs(k.w).length)));
        return ret(0);
      }
      case 'set_ftrace_enabled':
        l.value = c.value;
        l.fail = c.fail;
        return call('ftrace_enable_sysctl', { value: c.value }, 'ftrace_set');
      case 'spawn':
        return spawn(k, c.variable, c.count, c.program);
      default:
        return fail(k, `sh: ${c.cmd}: not a builtin`);
    }
  },
  slept: () => ret(0),
  /**
   * functions.sh v7.1 set_ftrace_enabled(): `err=$(sysctl -q kernel.ftrace_enabled=V 2>&1)`,
   * `result=$(sysctl --values kernel.ftrace_enabled)`; the result, sysctl's error (--fail, with
   * /proc/sys/kernel/ turned into kernel.) or a SKIP of the whole script.
   */
  ftrace_set: (k, l) => {
    const r = num(l, 'ret');
    const v = str(l, 'value');
    const result = readFile(k.w, '/proc/sys/kernel/ftrace_enabled');
    if (result === v) {
      k.printk(`livepatch: kernel.ftrace_enabled = ${result}`);
      return ret(0);
    }
    const err = r < 0 ? `sysctl: setting key "kernel.ftrace_enabled": ${strerror(-r)}` : '';
    if (l.fail === true) {
      k.printk(`livepatch: ${err}`.replace('/proc/sys/kernel/', 'kernel.'));
      return ret(0);
    }
    // skip(): log "SKIP: ..."; echo "SKIP: ..." >&2; exit $ksft_skip (4)
    k.printk(`SKIP: failed to set kernel.ftrace_enabled = ${v}`);
    k.out('stderr', `SKIP: failed to set kernel.ftrace_enabled = ${v}`);
    k.w.failures.push({ task: k.task.label, command: k.task.argv, exit: 4 });
    exitTask(k, k.task, 4);
    return next('dead');
  },
  poll: (k, l) => {
    // A signal ends the harness's polling loop (bash dies at its next `sleep`); the shell then
    // reports the command as killed (dieIfSignalled in sh).
    if (l.signal) return ret(128 + num(l, 'signal'));
    if (evalCond(k.w, str(l, 'cond'))) return ret(0);
    if (k.now >= num(l, 'deadline')) {
      if (l.die === false) return ret(1); // loop_until returns 1; the caller goes on
      return die(k, typeof l.message === 'string' ? l.message : `gave up waiting for ${str(l, 'cond')}`);
    }
    return block(
      { kind: 'cond', fn: 'loop_until', cond: str(l, 'cond'), until: num(l, 'deadline'), killable: true },
      'poll',
    );
  },
  written: (k, l) => {
    const r = num(l, 'ret');
    if (r < 0) return fail(k, `sh: echo: write error: ${strerror(-r)}`);
    return ret(0);
  },
  sysctl_done: (k, l) => {
    const r = num(l, 'ret');
    if (r < 0) return fail(k, `sysctl: setting key "${str(l, 'key')}": ${strerror(-r)}`);
    if (l.quiet !== true) k.out('stdout', `${str(l, 'key')} = ${str(l, 'value')}`);
    return ret(0);
  },
});

/** functions.sh die(): log the error to the kernel log and end the script (exit 1). */
function die(k: Ctx, msg: string): ReturnType<typeof ret> {
  k.printk(`ERROR: ${msg}`);
  k.out('stderr', `ERROR: ${msg}`);
  k.w.failures.push({ task: k.task.label, command: k.task.argv, exit: 1 });
  exitTask(k, k.task, 1);
  return next('dead');
}

function write(k: Ctx, l: Locals, path: string, value: string): ReturnType<typeof ret> {
  const tracing = /^\/sys\/kernel\/(?:debug\/)?tracing\/(current_tracer|set_ftrace_filter|tracing_on|trace)$/.exec(path);
  if (tracing) {
    const r = tracefsWrite(k, tracing[1], value);
    return r < 0 ? fail(k, `sh: echo: write error: ${strerror(-r)}`) : ret(0);
  }
  if (path === '/sys/kernel/debug/kprobes/enabled') {
    if (value !== '0' && value !== '1') return fail(k, `sh: echo: write error: ${strerror(22)}`);
    const r = setKprobesEnabled(k, value === '1');
    return r < 0 ? fail(k, `sh: echo: write error: ${strerror(-r)}`) : ret(0);
  }
  let m = /^\/sys\/kernel\/livepatch\/([^/]+)\/(enabled|force)$/.exec(path);
  if (m) {
    if (readFile(k.w, `/sys/kernel/livepatch/${m[1]}`) === null) {
      return fail(k, `sh: ${path}: No such file or directory`);
    }
    return call(m[2] === 'enabled' ? 'enabled_store' : 'force_store', { patch: m[1], value }, 'written');
  }
  m = /^\/sys\/module\/([^/]+)\/parameters\/([^/]+)$/.exec(path);
  if (m) {
    const mod = k.w.modules.find((x) => x.name === m![1] && x.sysfs);
    if (!mod || !hasOwn(mod.params, m[2]) || mod.hiddenParams?.includes(m[2])) return fail(k, `sh: ${path}: No such file or directory`);
    setOwn(mod.params, m[2], value);
    k.note(`${m[1]}.${m[2]} = ${value}`);
    return ret(0);
  }
  if (path === '/proc/sys/kernel/modprobe') {
    k.w.modprobePath = value;
    k.note(value ? `kernel.modprobe = ${value}` : 'kernel.modprobe is empty: request_module() does nothing');
    return ret(0);
  }
  if (path === '/dev/kmsg') {
    k.printk(value);
    return ret(0);
  }
  return fail(k, `sh: ${path}: No such file or directory`);
}

function sysctl(k: Ctx, l: Locals, key: string, value: string | null, quiet: boolean): ReturnType<typeof ret> {
  const files: Record<string, string> = {
    'kernel.ftrace_enabled': '/proc/sys/kernel/ftrace_enabled',
    'kernel.modprobe': '/proc/sys/kernel/modprobe',
  };
  const file = own(files, key);
  if (!file) return fail(k, `sysctl: cannot stat /proc/sys/${key.replace(/\./g, '/')}: No such file or directory`);
  if (value === null) {
    k.out('stdout', `${key} = ${readFile(k.w, file) ?? ''}`);
    return ret(0);
  }
  l.key = key;
  l.value = value;
  l.quiet = quiet;
  if (key === 'kernel.modprobe') {
    k.w.modprobePath = value;
    if (!quiet) k.out('stdout', `${key} = ${value}`);
    return ret(0);
  }
  return call('ftrace_enable_sysctl', { value }, 'sysctl_done');
}

/** kill(1): each target is a task label (H1, U2) or a pid; words of an expanded `$pids` count one by one. */
function kill(k: Ctx, targets: string[], signal: number): ReturnType<typeof ret> {
  let status = 0;
  for (const target of targets.flatMap((x) => x.split(/\s+/)).filter(Boolean)) {
    const t = k.w.tasks.find((x) => x.label === target || String(x.pid) === target);
    if (!t || t.status === 'exited') {
      k.out('stderr', `sh: kill: (${target}) - No such process`);
      status = 1;
      continue;
    }
    t.sigpending = signal;
    k.mark('kill');
    k.note(`signal ${signal} sent to ${t.label}`);
    if (t.status === 'blocked' && t.wait?.killable) k.wake(t, { signal });
  }
  return ret(status);
}

/** `PROGRAM &` N times: background user tasks; their pids go into $VAR (and $VAR_list, comma-separated). */
function spawn(k: Ctx, variable: string, count: number, program: string): ReturnType<typeof ret> {
  const pids: number[] = [];
  for (let i = 0; i < count; i++) {
    const n = ++k.w.userSeq;
    const t = k.spawn({
      label: `${k.task.label}.${n}`,
      comm: program.slice(0, 15),
      argv: `./${program}`,
      kind: 'user',
      parent: k.task.pid,
      fn: program === GETPID_PROGRAM ? 'test_klp_call_getpid' : program,
      args: {},
    });
    pids.push(t.pid);
  }
  k.task.env = { ...k.task.env, [variable]: pids.join(' '), [`${variable}_list`]: pids.join(',') };
  k.note(`${count} x ./${program} started: ${pids.join(' ')}`);
  return ret(0);
}
