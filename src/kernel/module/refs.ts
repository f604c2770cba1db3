/**
 * refs.ts - module references and usage links (kernel/module.c: ref_module(),
 * strong_try_module_get(), try_module_get(), module_put(), module_unload_free()).
 */
import type { Ctx } from '../../sim/context';
import type { ModuleInstance } from '../../model/world';
import { ERRNO } from '../../model/errno';

/** try_module_get(): fails only for a GOING module (works on oneself while COMING). */
export function try_module_get(m: ModuleInstance): boolean {
  if (m.state === 'MODULE_STATE_GOING') return false;
  m.refcnt++;
  return true;
}

export function module_put(m: ModuleInstance): void {
  m.refcnt--;
}

/**
 * strong_try_module_get(): refuses a module whose init may still fail (COMING) with -EBUSY, so
 * that a user does not pin a module that is about to go away.
 */
export function strong_try_module_get(m: ModuleInstance): number {
  if (m.state === 'MODULE_STATE_COMING') return -ERRNO.EBUSY;
  if (try_module_get(m)) return 0;
  return -ERRNO.ENOENT;
}

/**
 * ref_module(a, b): "a uses b". Called under module_mutex from resolve_symbol().
 * With POC 19's second hunk a livepatch module never takes references (livepatchNoRefs).
 */
export function ref_module(k: Ctx, a: ModuleInstance, b: ModuleInstance | null): number {
  if (k.env.variant.livepatchNoRefs && a.klp) {
    k.note(`ref_module(${a.name}, ${b?.name ?? 'vmlinux'}): livepatch module, no reference taken (POC 19/23)`);
    return 0;
  }
  if (b === null || a.uses.includes(b.name)) return 0;
  const err = strong_try_module_get(b);
  if (err) {
    k.note(`strong_try_module_get(${b.name}) = ${err} (${b.state})`);
    return err;
  }
  // add_module_usage(): list_add() at the head, so /proc/modules lists the newest user first.
  b.holders.unshift(a.name);
  a.uses.unshift(b.name);
  k.note(`ref_module(${a.name}, ${b.name}): ${b.name} is now used by ${a.name}`);
  return 0;
}

/** module_unload_free(): drop the references and usage links a freed module held. */
export function module_unload_free(k: Ctx, a: ModuleInstance): void {
  for (const name of a.uses) {
    // A used module is formed, and a's reference and usage link keep it from going (delete_module()
    // refuses it while it has holders, even forced); no second instance of its name can exist
    // meanwhile (add_unformed_module() waits or refuses). So find_module() always finds it.
    // Stryker disable next-line LogicalOperator: see above: find_module() always finds it
    const b = k.find_module(name) ?? k.findAny(name);
    // Stryker disable next-line ConditionalExpression: see above: b is always there
    if (!b) continue;
    b.holders = b.holders.filter((h) => h !== a.name);
    module_put(b);
  }
  // Stryker disable next-line ArrayDeclaration: the caller, free_module(), unlinks a right after; nothing reads a freed instance
  a.uses = [];
}

/** free_module(): drop sysfs, references and the list entry; the caller wakes module_wq. */
export function free_module(k: Ctx, m: ModuleInstance): void {
  // Stryker disable next-line BooleanLiteral: free_module's moduleEvent() below always unlinks m (every free_module transition ends in 'freed'); nothing reads a freed instance
  m.sysfs = false;
  module_unload_free(k, m);
  k.moduleEvent(m, 'free_module');
}
