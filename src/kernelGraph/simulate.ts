/**
 * simulate.ts - from a real module to a scenario: the module with its real dependency closure
 * and real symbols, a split livepatch `lp` whose per-object module lp__M imports the symbols the
 * user picks, and a task that enables the patch and then loads M (the order that exercises the
 * hidden edge "loading M loads lp__M").
 *
 * [S] Only the symbols between the scenario's modules are kept as imports: vmlinux imports
 * change nothing in the simulation (type A, always resolved) and would make the scenario, and a
 * link to it, hundreds of symbols longer. Init and exit functions are silent (their real output
 * is not in the module graph); functions are not modelled.
 */
import { SCENARIO_TYPE, SCENARIO_VERSION, type ModuleSpec, type Scenario } from '../model/scenario';
import { SYMBOL_RE, perObjectModuleName } from '../rules/names';
import { VMLINUX } from './format';
import type { KernelGraph, KernelModule } from './graph';
import { classifyImport, type ImportVerdict, type Relation } from './hazards';

export const DEFAULT_PATCH = 'lp';

/** Symbols every module imports because the compiler or the build put them there, not its code. */
const BUILD_SYMBOLS = /^(__fentry__|__x86_return_thunk|__x86_indirect_thunk_\w+|__x86_indirect_call_thunk_\w+|__stack_chk_fail|__SCT__\w+|__this_module|fortify_panic|__ubsan_\w+|__kasan_\w+|__asan_\w+|__tsan_\w+|__sanitizer_\w+|__cfi_\w+|__warn_printk|__preempt_count|current_task|this_cpu_off)$/;

/** At most this many default imports, so the choice stays readable. */
const MAX_DEFAULT_IMPORTS = 12;

function need(g: KernelGraph, name: string): KernelModule {
  const m = g.byName.get(name);
  if (!m) throw new KernelGraphError(`no module '${name}' in ${g.kernel}`);
  return m;
}

export class KernelGraphError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KernelGraphError';
  }
}

/**
 * What a patched function of M would likely call: M's own imports from other modules (a fixed
 * version of M's code calls what M calls); for a module that imports only from vmlinux, a few of
 * its vmlinux imports (type A). All safe: M's providers are live before M loads.
 */
export function defaultImports(g: KernelGraph, module: string): string[] {
  const m = need(g, module);
  const imports = g.json.modules[module].imports;
  const fromModules = m.uses.flatMap((p) => imports[p] ?? []).filter((s) => SYMBOL_RE.test(s));
  if (fromModules.length > 0) return fromModules.slice(0, MAX_DEFAULT_IMPORTS);
  return (imports[VMLINUX] ?? []).filter((s) => SYMBOL_RE.test(s) && !BUILD_SYMBOLS.test(s)).slice(0, 3);
}

export interface CandidateGroup {
  provider: string;
  relation: Relation;
  type: 'A' | 'B' | 'D';
  hazard: boolean;
  symbols: string[];
}

/**
 * Symbols P__M could import, by provider: M's own exports (B), its dependents' (D, hazardous),
 * its dependencies' (D, safe) and its vmlinux imports (A). `maxPerRelation` caps the providers
 * listed per relation (a hub has hundreds of dependents).
 */
export function importCandidates(g: KernelGraph, module: string, maxPerRelation = 40): CandidateGroup[] {
  const m = need(g, module);
  const groups: CandidateGroup[] = [];
  const add = (provider: string, symbols: string[]) => {
    const ok = symbols.filter((s) => SYMBOL_RE.test(s));
    if (ok.length === 0) return;
    const v = classifyImport(g, module, ok[0]);
    groups.push({ provider, relation: v.relation, type: v.type, hazard: v.hazard, symbols: ok });
  };
  add(m.name, m.exports);
  for (const d of [...m.usedBy, ...m.dependents.filter((x) => !m.usedBy.includes(x))].slice(0, maxPerRelation)) add(d, g.byName.get(d)!.exports);
  for (const p of m.depends.slice(0, maxPerRelation)) add(p, g.byName.get(p)!.exports);
  add(VMLINUX, (g.json.modules[module].imports[VMLINUX] ?? []).filter((s) => !BUILD_SYMBOLS.test(s)));
  return groups;
}

export interface SimulateOptions {
  /** Symbols lp__M imports (default: defaultImports). */
  imports?: string[];
  /** Patch name (default 'lp'). */
  patch?: string;
}

export interface SimulatedModule {
  scenario: Scenario;
  verdicts: ImportVerdict[];
  /** True when some import makes `modprobe M` deadlock in the split kernels. */
  hazard: boolean;
}

/** The closure of `names` (each with its modules.dep line), providers first. */
function withClosure(g: KernelGraph, names: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const n of names) {
    // modules.dep lists a closure users first; modprobe loads it last to first.
    for (const x of [...need(g, n).depends].reverse().concat(n)) {
      if (!seen.has(x)) {
        seen.add(x);
        out.push(x);
      }
    }
  }
  return out;
}

export function scenarioFromModule(g: KernelGraph, module: string, opts: SimulateOptions = {}): SimulatedModule {
  const m = need(g, module);
  const patch = opts.patch ?? DEFAULT_PATCH;
  const imports = [...new Set(opts.imports ?? defaultImports(g, module))];
  for (const s of imports) if (!SYMBOL_RE.test(s)) throw new KernelGraphError(`'${s}' is not a symbol a scenario can import`);
  const verdicts = imports.map((s) => classifyImport(g, module, s));
  const providers = verdicts.map((v) => v.provider).filter((p) => p !== VMLINUX);
  const names = withClosure(g, [module, ...providers]);
  if (names.includes(patch) || names.includes(perObjectModuleName(patch, module))) throw new KernelGraphError(`patch name '${patch}' clashes with a module of the scenario`);
  const inScenario = new Set(names);
  const modules: ModuleSpec[] = names.map((n) => {
    const e = g.json.modules[n];
    const own = Object.entries(e.imports)
      .filter(([p]) => p !== VMLINUX && inScenario.has(p))
      .flatMap(([, syms]) => syms)
      .filter((s) => SYMBOL_RE.test(s));
    return { name: n, exports: e.exports.filter((s) => SYMBOL_RE.test(s)), imports: own, init: [], exit: [] };
  });
  const hazard = verdicts.some((v) => v.hazard);
  const kinds = verdicts.length ? verdicts.map((v) => `${v.symbol} (${v.type}${v.hazard ? ', recursion' : ''})`).join(', ') : 'nothing';
  const scenario: Scenario = {
    type: SCENARIO_TYPE,
    version: SCENARIO_VERSION,
    title: `${module}: split livepatch (${g.kernel})`,
    description:
      `${module} from ${g.kernel} (${m.path}) with its real dependency closure (${m.depends.join(', ') || 'none'}). ` +
      `The livepatch ${patch} patches ${module}; its per-object module ${perObjectModuleName(patch, module)} imports ${kinds}. ` +
      `U1 enables the patch, then loads ${module}: klp_module_coming(${module}) loads ${perObjectModuleName(patch, module)}. ` +
      (hazard ? `Expect a deadlock in the split kernels.` : `No import recurses: expect the patch to apply to the loading module.`) +
      ` [S] vmlinux imports are left out and init/exit functions are silent.`,
    modules,
    livepatches: [{ name: patch, objects: [{ name: 'vmlinux' }, { name: module, imports }] }],
    tasks: [{ id: 'U1', commands: [`modprobe ${patch}`, `modprobe ${module}`] }],
  };
  return { scenario, verdicts, hazard };
}
