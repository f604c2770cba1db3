/**
 * dangling.ts - loaded modules that use symbols of a module that is gone. The kernel normally
 * prevents this with references (ref_module); POC 19/23 stops livepatch modules from taking them,
 * so `rmmod X` can leave a livepatch calling into freed code (kernel/README.md). The kernel prints
 * nothing: this is the simulator's warning.
 */
import type { World } from '../model/world';
import type { Env } from './env';

export function danglingImports(w: World, env: Env): string[] {
  const loaded = new Set(w.modules.filter((m) => m.state !== 'MODULE_STATE_UNFORMED').map((m) => m.name));
  const out: string[] = [];
  for (const m of w.modules) {
    if (m.state !== 'MODULE_STATE_LIVE') continue;
    for (const sym of env.files[m.name]?.imports ?? []) {
      const owners = env.exporters[sym];
      if (!owners || owners.some((o) => loaded.has(o))) continue;
      out.push(`${m.name} uses ${sym}() of ${owners[0]}, which is no longer loaded: nothing pinned ${owners[0]} (no reference from a livepatch module)`);
    }
  }
  return out;
}

/**
 * klp_patches whose livepatch module `rmmod -f` freed: the patch, its ftrace handlers and its
 * sysfs directory stay and point into freed memory (a use-after-free in the kernel). The simulator
 * keeps them working as they were [S]; a later load of the same patch fails with -EEXIST.
 */
export function orphanedPatches(w: World): string[] {
  return w.klp.patches
    .filter((p) => p.sysfs && !w.modules.some((m) => m.id === p.mod))
    .map((p) => `'${p.name}' stays registered after rmmod -f freed its module: its klp_patch, ftrace handlers and /sys/kernel/livepatch/${p.name} point into freed memory`);
}
