/**
 * names.ts - the kernel's and the simulator's naming rules, in one place: which module names and
 * symbols are valid, how the split POC names per-object modules, and how tasks and module
 * instances are labelled.
 */
import { MODULE_NAME_LEN } from './limits';

/** A module name: fits MODULE_NAME_LEN with its NUL; letters, digits and '_' as in a .ko name. */
export const MODULE_NAME_RE = new RegExp(`^[A-Za-z0-9_]{1,${MODULE_NAME_LEN - 1}}$`);

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
