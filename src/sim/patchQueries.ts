/**
 * patchQueries.ts - a livepatch's own state, as the UI shows it on the livepatch's node: where
 * the klp_patch is in its life (machines/livepatch.machine.ts), in the words of the livepatch
 * sysfs interface and its kernel messages, with /sys/kernel/livepatch/NAME/{enabled,transition}.
 */
import type { World } from '../model/world';

export type PatchPhase = 'enabling' | 'transition' | 'patched' | 'unpatching' | 'disabled' | 'replaced';

export interface PatchView {
  name: string;
  phase: PatchPhase;
  /** One line for people. */
  text: string;
  /** /sys/kernel/livepatch/NAME/enabled and .../transition, when the directory exists. */
  sysfs: { enabled: 0 | 1; transition: 0 | 1 } | null;
  /** Tasks not yet switched in the running transition (TIF_PATCH_PENDING). */
  pending: number;
  forced: boolean;
  /** Its klp_objects: the patched module (null = vmlinux), the module carrying it, bound and patched. */
  objects: { name: string | null; carrier: string; bound: boolean; patched: boolean }[];
}

const PHASE: Record<string, PatchPhase> = {
  early_init: 'enabling',
  initialized: 'enabling',
  patching: 'transition',
  enabled: 'patched',
  unpatching: 'unpatching',
  disabled: 'disabled',
  replaced: 'replaced',
};

/** The klp_patch of this name as it stands in the world, or null when there is none (not yet, or freed). */
export function patchView(w: World, name: string): PatchView | null {
  const p = w.klp.patches.find((x) => x.name === name);
  const phase = p ? PHASE[p.machine] : undefined;
  if (!p || !phase) return null;
  const inTransition = w.klp.transition === p.name;
  const pending = inTransition ? w.klp.pending.length : 0;
  const waiting = pending ? `, ${pending} task${pending === 1 ? '' : 's'} not switched yet` : '';
  const text: Record<PatchPhase, string> = {
    enabling: 'enabling: klp_enable_patch() sets it up',
    transition: `patching transition${waiting}`,
    patched: 'patched',
    unpatching: `unpatching transition${waiting}`,
    disabled: 'disabled',
    replaced: 'replaced by a cumulative patch',
  };
  // klp_patch::forced: a forced transition may have left tasks in this patch's code, so
  // klp_free_patch_finish() never calls module_put() on its module. Which patches get it is
  // klp_force_transition()'s rule (kernel/livepatch/core.ts force_store()).
  const forced = p.forced ? '; forced: its module stays in use for good' : '';
  return {
    name: p.name,
    phase,
    text: text[phase] + forced,
    sysfs: p.sysfs ? { enabled: p.enabled ? 1 : 0, transition: inTransition ? 1 : 0 } : null,
    pending,
    forced: p.forced,
    objects: p.objects.filter((o) => !o.dynamic).map((o) => ({ name: o.name, carrier: o.carrier, bound: o.bound, patched: o.patched })),
  };
}
