/**
 * index.ts - the engine's public surface: the only module app/ imports.
 * @public
 */
export { run, makeEnv, DEFAULT_MAX_STEPS, type RunOptions } from './engine/run';
export { worldAt } from './engine/replay';
export {
  explore,
  exploreVariants,
  outcomeGroupOf,
  Search,
  CHUNK,
  type Exploration,
  type ExploreOptions,
  type Finding,
  type Progress,
  type SearchOptions,
  type StopReason,
} from './explorer/explore';
export { fingerprint } from './rules/fingerprint';
export { machineDiagram, type MachineDiagram, type MachineKind, type DiagramState, type DiagramTransition } from './machines/diagram';
export { waitForGraph, cycleLocation, type WaitEdge, type WaitForGraph } from './sim/waitFor';
export { explainWait, type WaitExplanation } from './sim/explainWait';
export { explainLivelock, type LivelockExplanation } from './sim/explainLivelock';
export { killableTasks, killEffect } from './sim/kill';
export { firstDivergence, transcript, type Divergence, type OutLine } from './analysis/firstDivergence';
export { moduleInstances, moduleWaiters, instancesByName, waitersByName, type InstanceView, type WaiterView } from './sim/moduleQueries';
export { pendingLoads, pendingLoadFate, type PendingLoad } from './sim/pendingLoads';
export { patchView, type PatchView, type PatchPhase } from './sim/patchQueries';
export { machineSubjects, machineStateAt, type MachineSubject, type MachineSubjectKind, type MachineStateAt, type MachineInstanceState, type MachineChangeAt } from './analysis/machineStates';
export { recursionBreaks, type RecursionBreak } from './analysis/recursionBreaks';
export { firstStepDivergence, type StepDivergence } from './analysis/compareTraces';
export { dependencyGraph, type DependencyGraph, type DepEdge, type DepNode, type DepType, type NodeKind } from './analysis/dependencyGraph';
export { stackOf, type StackFrame } from './engine/stack';
export { PRESETS, DEFAULT_PRESET_ID, getPreset, type Preset, type Expectation } from './presets/index';
export {
  presetFacets,
  PRESET_KINDS,
  PRESET_KIND_LABELS,
  SEED_DEP_TYPES,
  type PresetFacets,
  type PresetKind,
  type SeedDepType,
} from './presets/facets';
export { VARIANTS, VARIANT_IDS, KERNEL_VERSIONS, isVariantId, variantsOf, upstreamOf, type Variant, type VariantId, type KernelVersion } from './model/variant';
export { validateScenario, ScenarioError } from './scenario/validate';
export { MODULE_MODEL_NAMES, LIVEPATCH_MODEL_NAMES } from './modules/registry';
export { parseCommand, CommandError, type Command } from './rules/commands';
export { readFile, procModules } from './sim/files';
export { strerror, errnoName, ERRNO } from './model/errno';
export { module_refcount } from './rules/refcount';
export { shellStatus, SIGNALS } from './rules/signals';
export { kernelName } from './engine/procs';
export { SEED_LOCATIONS, SEED_MOVES, seedLocationOf, seedMoveOf, type SeedLocation, type SeedMove } from './rules/seed';
export {
  MODULE_NAME_RE,
  DEFAULT_MODPROBE_PATH,
  SYMBOL_RE,
  TASK_LABEL_RE,
  KERNEL_TASK_LABEL_RE,
  userTaskLabel,
  taskLabel,
  perObjectModuleName,
  instanceName,
} from './rules/names';
export {
  MAX_KMOD_CONCURRENT,
  MAX_KMOD_ALL_BUSY_TIMEOUT_MS,
  RESOLVE_SYMBOL_TIMEOUT_MS,
  MAX_SCENARIO_SECONDS,
  MAX_SCENARIO_BYTES,
  MODULE_NAME_LEN,
  seconds,
} from './rules/limits';
export { SCENARIO_TYPE, SCENARIO_VERSION } from './model/scenario';
export type { Scenario, ModuleSpec, ModuleParamSpec, LivepatchSpec, LivepatchObjectSpec, TaskSpec, ModuleOp, KernelConfig } from './model/scenario';
export type { Trace, TraceStep, MachineChange, Outcome, OutcomeKind, Mark, StepKind, Granularity } from './model/trace';
export { GRANULARITIES, OUTCOME_KINDS } from './model/trace';
export type { World, Task, ModuleInstance, ModuleState, KlpPatch, KlpObject, Wait, LogLine, UserLine, Frame } from './model/world';
export * from './kernelGraph/index';
