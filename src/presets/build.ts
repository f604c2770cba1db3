/**
 * build.ts - terse constructors for preset scenarios.
 */
import type { LivepatchSpec, ModuleSpec, Scenario, TaskSpec } from '../model/scenario';

export function scenario(
  title: string,
  parts: { modules?: ModuleSpec[]; livepatches?: LivepatchSpec[]; tasks: TaskSpec[]; kernel?: Scenario['kernel']; description?: string },
): Scenario {
  return {
    type: 'klp-playground/scenario',
    version: 1,
    title,
    ...(parts.description ? { description: parts.description } : {}),
    ...(parts.kernel ? { kernel: parts.kernel } : {}),
    modules: parts.modules ?? [],
    livepatches: parts.livepatches ?? [],
    tasks: parts.tasks,
  };
}

/** A module that prints NAME_init / NAME_exit like the selftest modules. */
export function mod(name: string, extra: Partial<ModuleSpec> = {}): ModuleSpec {
  return { name, init: [{ print: `${name}_init` }], exit: [{ print: `${name}_exit` }], ...extra };
}

export function task(...commands: string[]): TaskSpec {
  return { commands };
}
