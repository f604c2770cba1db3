/**
 * names.ts - the kernel's and the simulator's naming rules, in one place: which module names and
 * symbols are valid, how the split POC names per-object modules, and how tasks and module
 * instances are labelled.
 */
import { MODULE_NAME_LEN } from './limits';

/** A module name: fits MODULE_NAME_LEN with its NUL; letters, digits and '_' as in a .ko name. */
export const MODULE_NAME_RE = new RegExp(`^[A-Za-z0-9_]{1,${MODULE_NAME_LEN - 1}}$`);

/** /proc/sys/kernel/modprobe at boot: CONFIG_MODPROBE_PATH's default (kernel/kmod.c modprobe_path). */
export const DEFAULT_MODPROBE_PATH = '/sbin/modprobe';

/** A C identifier, as an exported symbol or a patched function is. */
export const SYMBOL_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A user task's label, chosen in a scenario (`U1`, `admin`, ...). */
export const TASK_LABEL_RE = /^[A-Za-z][A-Za-z0-9_-]{0,15}$/;

/** Labels the simulator gives kernel-spawned tasks; scenarios may not use them. */
export const KERNEL_TASK_LABEL_RE = /^(H|kworker\/)\d+$/;

/** The label of the i-th user task (0-based) when the scenario gives none: U1, U2, ... */
export function userTaskLabel(i: number): string {
  return `U${i + 1}`;
}

/** A task's label: its own, or U<n> by its place in the scenario. */
export function taskLabel(spec: { id?: string }, i: number): string {
  return spec.id ?? userTaskLabel(i);
}

/** The n-th `modprobe -q -- NAME` helper request_module() starts (1-based). */
export function helperTaskLabel(n: number): string {
  return `H${n}`;
}

/** The n-th kworker that runs queued work (1-based). */
export function workerTaskLabel(n: number): string {
  return `kworker/${n}`;
}

/** The per-object module name of the split POC: two underscores (POC 03 and 08). */
export function perObjectModuleName(patch: string, object: string): string {
  return `${patch}__${object}`;
}

/** A module instance as the simulator shows it: `M#2` is the second instance named M. */
export function instanceName(m: { name: string; inst: number }): string {
  return `${m.name}#${m.inst}`;
}

/**
 * Where modprobe finds a scenario's module: depmod's modules.dep path under /lib/modules/<release>.
 * [S] Every scenario module is installed in `extra/` (`make modules_install`'s INSTALL_MOD_DIR).
 */
export function installedModulePath(release: string, name: string): string {
  return `/lib/modules/${release}/extra/${name}.ko`;
}

/** [S] The working directory of user tasks: `insmod M.ko` opens /root/M.ko, a copy of the installed file. */
export const USER_CWD = '/root';

/**
 * The identity of a module file, as idempotent_init_module() keys on file_inode(): the simulator
 * gives every absolute path its own inode [S] (no links), so a relative `insmod` path is made
 * absolute against USER_CWD and `./` and `..` are resolved.
 */
export function fileIdentity(path: string): string {
  const abs = path.startsWith('/') ? path : `${USER_CWD}/${path}`;
  const out: string[] = [];
  for (const part of abs.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}
