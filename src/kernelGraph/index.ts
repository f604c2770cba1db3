/**
 * index.ts - real kernels' module graphs: the JSON format and its validation, the index of one
 * kernel, the directory overview, one module's neighbourhood, the split-livepatch hazard map and
 * scenarios made from a real module.
 */
export { validateModuleGraph, parseModuleGraph, ModuleGraphError, VMLINUX, MAX_GRAPH_MODULES, type ModuleGraphJson, type ModuleEntry } from './format';
export { indexGraph, linksOf, moduleDir, searchModules, type KernelGraph, type KernelModule, type KernelLink } from './graph';
export { groupByDirectory, TOP_GROUP, type DirGroup, type GroupLink, type GroupOverview } from './groups';
export { focusGraph, focusNodeWidth, FOCUS_NODE_HEIGHT, type FocusGraph, type FocusNode, type FocusEdge, type FocusRole } from './focus';
export { hazardMap, hazardRow, classifyImport, relationOf, type HazardMap, type HazardRow, type HazardSummary, type ImportVerdict, type ImportType, type Relation } from './hazards';
export { scenarioFromModule, defaultImports, importCandidates, KernelGraphError, DEFAULT_PATCH, type SimulateOptions, type SimulatedModule, type CandidateGroup } from './simulate';
export { buildModuleGraph, parseModulesDep, moduleNameOfPath, plainKoPath, closures, type KoSymbols } from './importKernel';
