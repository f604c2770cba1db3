/**
 * refcount.ts - module_refcount() (kernel/module.c): what /sys/module/NAME/refcnt and lsmod show.
 * The raw counter holds one base reference (MODULE_REF_BASE), plus one during init, plus users.
 */
import type { ModuleInstance } from '../model/world';

export function module_refcount(m: ModuleInstance): number {
  return m.refcnt - 1;
}
