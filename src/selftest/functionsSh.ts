/**
 * functionsSh.ts - tools/testing/selftests/livepatch/functions.sh (v5.10): each harness helper
 * of a case step becomes the shell commands the helper runs, with its `log` lines, its waits
 * (loop_until) and its captures. The `% ...` lines are built from the command, as functions.sh
 * builds them, not copied from the case.
 */
import type { CaseStep } from './caseFile';
import { CaseError } from './caseFile';

function args(step: CaseStep): string {
  return Object.entries(step.params ?? {})
    .map(([k, v]) => `${k}=${v}`)
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

export function expandStep(step: CaseStep, i: number): string[] {
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
