/**
 * functionsSh.ts - tools/testing/selftests/livepatch/functions.sh: each harness helper of a case
 * step becomes the shell commands the helper runs, with its `log` lines, its waits (loop_until)
 * and its captures. The `% ...` lines are built from the command, as functions.sh builds them,
 * not copied from the case.
 *
 * Two versions of the harness:
 * - v5.10 (lib/livepatch modules in /lib/modules): `% modprobe M args`, modprobe's errors, the
 *   set_ftrace_enabled of that time (`sysctl -q ... && sysctl ...` logged as is).
 * - v7.1 (blob 8ec0cb64ad94; test modules built out of tree since v6.9): `% insmod
 *   test_modules/M.ko args`, is_livepatch_mod()'s modinfo check, `ret=$(insmod ...); die "$ret"`,
 *   load_failing_mod without the check, set_ftrace_enabled [--fail], trace_function /
 *   check_traced_functions, and the inline statements of test-syscall.sh and test-kprobe.sh.
 */
import type { CaseStep } from './caseFile';
import { CaseError } from './caseFile';
import { SIM_NPROC } from '../rules/limits';

export type HarnessVersion = 'v5.10' | 'v7.1';

const SYSFS_KLP_DIR = '/sys/kernel/livepatch';
const SYSFS_KPROBES_DIR = '/sys/kernel/debug/kprobes';
/** functions.sh v6.19+: /sys/kernel/tracing when its `trace` file exists, as it does here. */
const SYSFS_TRACING_DIR = '/sys/kernel/tracing';

/**
 * Script variables a case's text stands for with `<name>` (its `runtime_placeholders`), and the
 * commands that produce them in the script: test-syscall.sh's `pid_list` (the pids of the getpid
 * hammers) and `pending_pids=$(cat /sys/kernel/$MOD_SYSCALL/npids)`.
 */
const SCRIPT_VARIABLES: Record<string, { variable?: string; command?: string }> = {
  pid_list: { variable: 'pids_list' },
  pending_pids: { command: 'cat /sys/kernel/test_klp_syscall/npids' },
};

/** A parameter value of a case with its `<placeholder>`s turned into the script's `$variables`. */
function shellValue(v: string): string {
  return v.replace(/<([a-z_]+)>/g, (all, name: string) => {
    const s = SCRIPT_VARIABLES[name];
    return s?.variable ? `$${s.variable}` : all;
  });
}

function args(step: CaseStep): string {
  return Object.entries(step.params ?? {})
    .map(([k, v]) => `${k}=${shellValue(String(v))}`)
    .join(' ');
}

function need(v: string | undefined, i: number, field: string): string {
  if (!v) throw new CaseError(`steps[${i}].${field}: missing`);
  return v;
}

/** `% modprobe $mod $*` with the trailing blank trimmed (`${msg%% }`). */
function modprobeLine(mod: string, a: string): string {
  return `modprobe ${mod}${a ? ` ${a}` : ''}`;
}

/** `% insmod test_modules/$mod.ko $*`, trailing blank trimmed. */
function insmodLine(mod: string, a: string): string {
  return `insmod test_modules/${mod}.ko${a ? ` ${a}` : ''}`;
}

/** A number a step names: its `value`/`count`, or the `-eq N` / `-ne N` of its shell text. */
function countOf(step: CaseStep, i: number): number {
  const s = step as CaseStep & { expected?: unknown };
  for (const v of [s.value, s.count, s.expected]) if (typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v))) return Number(v);
  const m = /-(?:eq|ne)\s+(\d+)/.exec(step.shell ?? '');
  if (m) return Number(m[1]);
  throw new CaseError(`steps[${i}]: no count`);
}

export function expandStep(step: CaseStep, i: number, harness: HarnessVersion = 'v5.10'): string[] {
  return harness === 'v7.1' ? expandV71(step, i) : expandV510(step, i);
}

function expandV510(step: CaseStep, i: number): string[] {
  const mod = (): string => need(step.module, i, 'module');
  const verb = step.cmd.split(/\s+/)[0];
  switch (step.helper) {
    case 'load_mod':
      return [`log % ${modprobeLine(mod(), args(step))}`, modprobeLine(mod(), args(step)), `wait_until exists /sys/module/${mod()}`];
    case 'load_lp_nowait':
    case 'load_lp': {
      const cmds = [
        `log % ${modprobeLine(mod(), args(step))}`,
        modprobeLine(mod(), args(step)),
        `wait_until exists /sys/kernel/livepatch/${mod()}`,
      ];
      if (step.helper === 'load_lp') cmds.push(`wait_until /sys/kernel/livepatch/${mod()}/transition == 0`);
      return cmds;
    }
    case 'load_failing_mod':
      return [`log % ${modprobeLine(mod(), args(step))}`, `capture '' -- ${modprobeLine(mod(), args(step))}`];
    case 'unload_mod':
    case 'unload_lp':
      return [
        `wait_until /sys/module/${mod()}/refcnt == 0`,
        `log % rmmod ${mod()}`,
        `rmmod ${mod()}`,
        `wait_until gone /sys/module/${mod()}`,
      ];
    case 'disable_lp':
      return [
        `log % echo 0 > /sys/kernel/livepatch/${mod()}/enabled`,
        `echo 0 > /sys/kernel/livepatch/${mod()}/enabled`,
        `wait_until gone /sys/kernel/livepatch/${mod()}`,
      ];
    case 'set_pre_patch_ret': {
      const v = String(step.value ?? '');
      return [
        `log % echo ${v} > /sys/module/${mod()}/parameters/pre_patch_ret`,
        `echo ${v} > /sys/module/${mod()}/parameters/pre_patch_ret`,
        `wait_until /sys/module/${mod()}/parameters/pre_patch_ret == ${v}`,
      ];
    }
    case 'set_ftrace_enabled':
      return [`capture 'livepatch: ' -- sysctl -q kernel.ftrace_enabled=${String(step.value)} && sysctl kernel.ftrace_enabled`];
    case 'loop_until':
      if (verb === 'wait_transition') return [`wait_until /sys/kernel/livepatch/${mod()}/transition == ${String(step.value)}`];
      break;
    case 'check_sysfs_rights':
      return [`check_sysfs_rights ${need(step.path, i, 'path')} ${need(step.mode, i, 'mode')}`];
    case 'check_sysfs_value':
      return [`check_sysfs_value ${need(step.path, i, 'path')} ${String(step.value)}`];
    case '(inline shell)':
      if (verb === 'kmsg_grep') return [`capture '' -- grep '${need(step.pattern, i, 'pattern')}' ${need(step.file, i, 'file')}`];
      if (verb === 'assert_file') {
        const f = need(step.file, i, 'file');
        if (step.equals !== undefined) return [`assert_file ${f} == ${step.equals}`];
        if (step.not_equals !== undefined) return [`assert_file ${f} != ${step.not_equals}`];
      }
      break;
  }
  throw new CaseError(`steps[${i}]: unsupported helper '${step.helper ?? ''}' for '${step.cmd}'`);
}

/** cleanup_tracing(): tracing off, no filter, the nop tracer, an empty buffer. */
function cleanupTracing(dir: string): string[] {
  return [`echo 0 > ${dir}/tracing_on`, `echo "" > ${dir}/set_ftrace_filter`, `echo nop > ${dir}/current_tracer`, `echo "" > ${dir}/trace`];
}

/** __load_mod(): log the `% insmod` line, insmod (dies on any output), wait for /sys/module/M. */
function loadMod(mod: string, a: string): string[] {
  return [
    `log % ${insmodLine(mod, a)}`,
    `run_or_die -- ${insmodLine(mod, a)}`,
    `wait_until exists /sys/module/${mod} -- failed to load module ${mod}`,
  ];
}

function expandV71(step: CaseStep, i: number): string[] {
  const mod = (): string => need(step.module, i, 'module');
  const verb = step.cmd.split(/\s+/)[0];
  const s = step;
  const tracing = s.tracing_dir ?? SYSFS_TRACING_DIR;
  switch (step.helper) {
    case 'load_mod':
      return [`modinfo_check test_modules/${mod()}.ko module`, ...loadMod(mod(), args(step))];
    case 'load_lp_nowait':
    case 'load_lp': {
      const cmds = [
        `modinfo_check test_modules/${mod()}.ko livepatch`,
        ...loadMod(mod(), args(step)),
        `wait_until exists ${SYSFS_KLP_DIR}/${mod()} -- failed to load module ${mod()} (sysfs)`,
      ];
      if (step.helper === 'load_lp') cmds.push(`wait_until ${SYSFS_KLP_DIR}/${mod()}/transition == 0 -- failed to complete transition`);
      return cmds;
    }
    case 'load_failing_mod':
      return [`log % ${insmodLine(mod(), args(step))}`, `expect_fail ${mod()} -- ${insmodLine(mod(), args(step))}`];
    case 'unload_mod':
    case 'unload_lp':
      return [
        `wait_until /sys/module/${mod()}/refcnt == 0 -- failed to unload module ${mod()} (refcnt)`,
        `log % rmmod ${mod()}`,
        `run_or_die -- rmmod ${mod()}`,
        `wait_until gone /sys/module/${mod()} -- failed to unload module ${mod()} (/sys/module)`,
      ];
    case 'disable_lp':
      return [
        `log % echo 0 > ${SYSFS_KLP_DIR}/${mod()}/enabled`,
        `echo 0 > ${SYSFS_KLP_DIR}/${mod()}/enabled`,
        `wait_until gone ${SYSFS_KLP_DIR}/${mod()} -- failed to disable livepatch ${mod()}`,
      ];
    case 'set_pre_patch_ret': {
      const v = String(step.value ?? '');
      return [
        `log % echo ${v} > /sys/module/${mod()}/parameters/pre_patch_ret`,
        `echo ${v} > /sys/module/${mod()}/parameters/pre_patch_ret`,
        `wait_until /sys/module/${mod()}/parameters/pre_patch_ret == ${v} -- failed to set pre_patch_ret parameter for ${mod()} module`,
      ];
    }
    case 'set_ftrace_enabled':
      return [`set_ftrace_enabled ${s.flags?.includes('--fail') ? '--fail ' : ''}${String(step.value)}`];
    case 'loop_until': {
      if (verb === 'wait_transition') {
        return [`wait_until ${SYSFS_KLP_DIR}/${mod()}/transition == ${String(step.value)} -- failed to stall transition`];
      }
      // test-syscall.sh: loop_until 'grep -q '^0$' /sys/kernel/$MOD_SYSCALL/npids' (no die)
      const g = /grep -q '\^([^$']*)\$' (\S+)/.exec(step.shell ?? '');
      if (g) return [`wait_until --no-die ${g[2]} == ${g[1]}`];
      if (verb === 'wait_livepatch_count') return [`wait_until livepatches == ${countOf(step, i)} -- Expecting ${countOf(step, i)} modules listed`];
      break;
    }
    case 'check_sysfs_rights':
      return [`check_sysfs_rights ${need(step.path, i, 'path')} ${need(step.mode, i, 'mode')}`];
    case 'check_sysfs_value':
      return [`check_sysfs_value ${need(step.path, i, 'path')} ${String(step.value)}`];
    case 'trace_function':
      return [
        ...cleanupTracing(tracing),
        `echo function > ${tracing}/current_tracer`,
        `echo ${need(s.function, i, 'function')} > ${tracing}/set_ftrace_filter`,
        `echo 1 > ${tracing}/tracing_on`,
      ];
    case 'check_traced_functions': {
      const f = need(s.function, i, 'function');
      return [`check_grep '${f}' ${tracing}/trace -- Function (${f}) did not appear in the trace`, ...cleanupTracing(tracing)];
    }
    case '(inline shell) + log':
      if (verb === 'log_if') return [`log_if ${need(step.file, i, 'file')} == ${need(step.equals, i, 'equals')} -- ${need(s.message, i, 'message')}`];
      break;
    case 'log': {
      const message = need(s.message, i, 'message');
      const m = /^(.*)<([a-z_]+)>$/.exec(message);
      const v = m ? SCRIPT_VARIABLES[m[2]] : undefined;
      if (m && v?.command) return [`capture '${m[1]}' -- ${v.command}`];
      return [`log ${shellValue(message)}`];
    }
    case '(inline shell)':
      if (verb === 'kmsg_grep') return [`capture '' -- grep '${need(step.pattern, i, 'pattern')}' ${need(step.file, i, 'file')}`];
      if (verb === 'assert_file') {
        const f = need(step.file, i, 'file');
        if (step.equals !== undefined) return [`assert_file ${f} == ${step.equals}`];
        if (step.not_equals !== undefined) return [`assert_file ${f} != ${step.not_equals}`];
      }
      if (verb === 'enable_kprobes') return [`echo 1 > ${SYSFS_KPROBES_DIR}/enabled`];
      // test-syscall.sh: min(nproc, 128) copies of ./test_klp-call_getpid in the background.
      if (verb === 'start_getpid_hammers') return [`spawn pids ${Math.min(SIM_NPROC, 128)} test_klp-call_getpid`];
      if (verb === 'kill_getpid_hammers') return ['kill $pids'];
      // test-livepatch.sh: mods=($SYSFS_KLP_DIR/*); nmods=${#mods[@]}; [ "$nmods" -eq N ] || die ...
      if (verb === 'assert_livepatch_count') return [`assert_livepatches ${countOf(step, i)} -- Expecting ${countOf(step, i)} modules listed, found $nmods`];
      if (verb === 'wait_livepatch_count') return [`wait_until livepatches == ${countOf(step, i)} -- Expecting ${countOf(step, i)} modules listed`];
      break;
  }
  throw new CaseError(`steps[${i}]: unsupported helper '${step.helper ?? ''}' for '${step.cmd}'`);
}
