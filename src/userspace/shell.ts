/**
 * shell.ts - a user task: runs its commands one after another, like `sh -c 'a; b; c'`.
 */
import { block, call, next, num, ret, str, yieldTo, proc } from '../sim/ops';
import type { Ctx } from '../sim/context';
import type { Locals } from '../model/world';
import { parseCommand } from '../rules/commands';
import { fileMode, readFile } from '../sim/files';
import { evalCond } from '../sim/conditions';
import { strerror } from '../model/errno';
import { module_refcount } from '../rules/refcount';
import { dieIfSignalled, exitTask } from '../sim/exit';

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
    const line = (l.cmds as string[])[num(l, 'i')];
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
        return call('capture', { prefix: c.prefix, parts: c.parts }, 'done');
      default:
        return call('shBuiltin', { line: str(l, 'line') }, 'done');
    }
  },
  done: (k, l) => ret(num(l, 'ret')),
});

/**
 * The selftest harness's `ret=$(CMD 2>&1 && ...); log "PREFIX$ret"`: run the commands, stop at
 * the first failure, then write what they printed to /dev/kmsg. Its status is ignored by the
 * harness, so it returns 0.
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
    if (lines.length) k.printk(`${str(l, 'prefix')}${lines.join('\n')}`);
    return ret(0);
  },
});

/** [S] A task sitting in FUNCTION for a while: klp_try_switch_task() sees FUNCTION on its stack. */
export const busyIn = proc({ kernelName: 'busy' }, {
  start: (k, l) =>
    block({ kind: 'sleep', fn: str(l, 'as'), until: k.now + num(l, 'seconds') * 1000, killable: true }, 'done'),
  done: () => ret(0),
});

/** Commands that are not separate programs in this model: echo, sysctl, cat, lsmod, sleep, kill, log. */
export const shBuiltin = proc({ kernelName: 'sh' }, {
  start: (k, l) => {
    const c = parseCommand(str(l, 'line'));
    switch (c.cmd) {
      case 'write':
        return write(k, l, c.path, c.value);
      case 'sysctl':
        return sysctl(k, l, c.key, c.value, c.quiet);
      case 'cat': {
        const v = readFile(k.w, c.path);
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
        return kill(k, c.target, c.signal);
      case 'log':
        k.printk(c.text);
        return ret(0);
      case 'grep': {
        const v = readFile(k.w, c.path);
        if (v === null) return fail(k, `grep: ${c.path}: No such file or directory`);
        const hits = v.split('\n').filter((x) => x.includes(c.pattern));
        for (const h of hits) k.out('stdout', h);
        return ret(hits.length ? 0 : 1);
      }
      case 'assert_file': {
        const v = readFile(k.w, c.path);
        if ((v === c.value) !== c.equal) return die(k, `${c.path} ${c.equal ? 'is not' : 'is'} '${c.value}'`);
        return ret(0);
      }
      case 'check_sysfs_rights': {
        const mode = fileMode(k.w, c.path);
        if (mode !== c.mode) return die(k, `${c.path} has mode ${mode ?? '(missing)'}, expected ${c.mode}`);
        return ret(0);
      }
      case 'check_sysfs_value': {
        const v = readFile(k.w, c.path);
        if (v !== c.value) return die(k, `${c.path} reads ${v ?? '(missing)'}, expected ${c.value}`);
        return ret(0);
      }
      case 'wait_until':
        l.cond = c.cond;
        l.deadline = k.now + 60_000;
        return next('poll');
      default:
        return fail(k, `sh: ${c.cmd}: not a builtin`);
    }
  },
  slept: () => ret(0),
  poll: (k, l) => {
    if (evalCond(k.w, str(l, 'cond'))) return ret(0);
    if (k.now >= num(l, 'deadline')) return die(k, `gave up waiting for ${str(l, 'cond')}`);
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
    if (!mod || !(m[2] in mod.params)) return fail(k, `sh: ${path}: No such file or directory`);
    mod.params[m[2]] = value;
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
  const file = files[key];
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

function kill(k: Ctx, label: string, signal: number): ReturnType<typeof ret> {
  const t = k.w.tasks.find((x) => x.label === label);
  if (!t || t.status === 'exited') return fail(k, `sh: kill: (${label}) - No such process`);
  t.sigpending = signal;
  k.mark('kill');
  k.note(`signal ${signal} sent to ${label}`);
  if (t.status === 'blocked' && t.wait?.killable) k.wake(t, { signal });
  return ret(0);
}
