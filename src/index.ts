/**
 * index.ts - the engine's public surface: the only module app/ imports.
 * @public
 */
export { run, makeEnv, DEFAULT_MAX_STEPS, type RunOptions } from './engine/run';
export { worldAt } from './trace/replay';
export { explore, type Exploration, type ExploreOptions, type Finding } from './explorer/explore';
export { fingerprint } from './trace/fingerprint';
export { waitForGraph, cycleLocation, type WaitEdge, type WaitForGraph } from './analysis/waitFor';
export { dependencyGraph, type DependencyGraph, type DepEdge, type DepNode, type DepType, type NodeKind } from './analysis/dependencyGraph';
export { stackOf, type StackFrame } from './analysis/stack';
export { PRESETS, DEFAULT_PRESET_ID, getPreset, type Preset, type Expectation } from './presets/index';
export { VARIANTS, VARIANT_IDS, isVariantId, type Variant, type VariantId } from './kernel/variant';
export { validateScenario, ScenarioError } from './scenario/validate';
export { parseCommand, CommandError, type Command } from './userspace/commands';
export { readFile, procModules } from './userspace/files';
export { strerror, errnoName, ERRNO } from './kernel/errno';
export { module_refcount } from './kernel/module/refs';
export { SCENARIO_TYPE, SCENARIO_VERSION } from './scenario/schema';
export type { Scenario, ModuleSpec, LivepatchSpec, LivepatchObjectSpec, TaskSpec, ModuleOp, KernelConfig } from './scenario/schema';
export type { Trace, TraceStep, Outcome, OutcomeKind, Mark, StepKind } from './trace/types';
export type { World, Task, ModuleInstance, ModuleState, KlpPatch, KlpObject, Wait, LogLine, UserLine, Frame } from './kernel/types';
