/**
 * env.ts - the static inputs of a run: module files on disk (built from the scenario for the
 * chosen kernel variant), depmod's view of them, and the schedule. Never changes during a run.
 */
import type { LivepatchSpec, ModuleOp, ModuleParamSpec, Scenario } from '../model/scenario';
import type { Variant } from '../model/variant';
import { perObjectModuleName } from '../rules/names';
import { dict, own } from '../model/dict';

export type InitBody =
  | { kind: 'ops'; ops: ModuleOp[] }
  /** Livepatch module (upstream) or main livepatch module (split): init calls klp_enable_patch(). */
  | { kind: 'klp_enable_patch'; patch: string }
  /** Split POC per-object module: init calls klp_add_object(). */
  | { kind: 'klp_add_object'; patch: string; object: string; delay: number }
  | { kind: 'model' };

export interface ModuleFile {
  name: string;
  exports: string[];
  imports: string[];
  init: InitBody;
  /** null: no exit function (cannot be removed without -f). */
  exit: ModuleOp[] | null;
  /** The module has an init function (scripted modules without `init` have none). */
  hasInit: boolean;
  /** Behaviour modelled in code (src/modules/). */
  model: string | null;
  /** MODULE_INFO(livepatch, Y): patch name and object ('vmlinux' for the main module). */
  livepatch: { patch: string; object: string } | null;
  params: Record<string, ModuleParamSpec>;
}

/** One scheduling decision: the label of the task to run at a choice point. */
export type Choice = string;

/**
 * The records keyed by names from the scenario (files, patches, exporters, deps) are built with
 * dict(): no prototype, so a module named `toString` or a symbol named `__proto__` is found only
 * if the scenario has it.
 */
export interface Env {
  scenario: Scenario;
  variant: Variant;
  files: Record<string, ModuleFile>;
  patches: Record<string, LivepatchSpec>;
  /** symbol -> module files exporting it (depmod's symbol table). */
  exporters: Record<string, string[]>;
  /** modules.dep: name -> dependency closure, in the order modprobe loads them (deepest first). */
  deps: Record<string, string[]>;
  /** depmod's complaints (cycles). Modules in a cycle get no modules.dep line. */
  depmodErrors: string[];
  dyndbg: boolean;
  schedule: Choice[];
  maxSteps: number;
  /** Take a structuredClone checkpoint of the world every N steps (0 = never). */
  checkpointEvery: number;
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs)];
}

/**
 * Turn a scenario's livepatches into module files for the variant: one module per patch upstream
 * (the union of all objects' code), or a main module plus one `<patch>__<obj>` module per patched
 * module in the split POC.
 */
export function buildModuleFiles(scenario: Scenario, variant: Variant): Record<string, ModuleFile> {
  const files = dict<ModuleFile>();
  for (const m of scenario.modules) {
    files[m.name] = {
      name: m.name,
      exports: m.exports ?? [],
      imports: m.imports ?? [],
      init: m.model ? { kind: 'model' } : { kind: 'ops', ops: m.init ?? [] },
      exit: m.exit === null ? null : (m.exit ?? []),
      hasInit: m.init !== undefined || !!m.model,
      model: m.model ?? null,
      livepatch: null,
      params: dict(Object.entries(m.params ?? {})),
    };
  }
  for (const lp of scenario.livepatches) {
    const vmlinux = lp.objects.find((o) => o.name === 'vmlinux');
    const others = lp.objects.filter((o) => o.name !== 'vmlinux');
    // Upstream the one livepatch module carries every object's code; split, the main module
    // carries only the vmlinux object's.
    const code = variant.split ? (vmlinux ? [vmlinux] : []) : lp.objects;
    const exports = uniq(code.flatMap((o) => o.exports ?? []));
    files[lp.name] = {
      name: lp.name,
      exports,
      // A module never imports its own exports: the linker resolves those inside the module.
      imports: uniq(code.flatMap((o) => o.imports ?? [])).filter((s) => !exports.includes(s)),
      init: { kind: 'klp_enable_patch', patch: lp.name },
      exit: [],
      hasInit: true,
      model: lp.model ?? null,
      livepatch: { patch: lp.name, object: 'vmlinux' },
      params: dict(Object.entries(lp.params ?? {})),
    };
    if (!variant.split) continue;
    for (const o of others) {
      const name = perObjectModuleName(lp.name, o.name);
      files[name] = {
        name,
        exports: o.exports ?? [],
        imports: o.imports ?? [],
        init: { kind: 'klp_add_object', patch: lp.name, object: o.name, delay: o.initDelay ?? 0 },
        exit: [],
        hasInit: true,
        model: null,
        livepatch: { patch: lp.name, object: o.name },
        params: dict(),
      };
    }
  }
  return files;
}

export function buildExporters(files: Record<string, ModuleFile>): Record<string, string[]> {
  const ex = dict<string[]>();
  for (const f of Object.values(files)) {
    for (const s of f.exports) {
      const list = own(ex, s) ?? (ex[s] = []);
      if (!list.includes(f.name)) list.push(f.name);
    }
  }
  return ex;
}

/**
 * depmod: X depends on Y when X has an undefined symbol that Y exports. Symbols nobody exports
 * are taken as vmlinux's. Returns each module's closure in load order, and cycle errors worded
 * like kmod's depmod.
 */
export function depmod(
  files: Record<string, ModuleFile>,
  exporters: Record<string, string[]>,
): { deps: Record<string, string[]>; errors: string[] } {
  const direct = dict<string[]>();
  for (const f of Object.values(files)) {
    direct[f.name] = uniq(
      f.imports.map((s) => own(exporters, s)?.[0]).filter((p): p is string => !!p && p !== f.name),
    );
  }
  const deps = dict<string[]>();
  const errors: string[] = [];
  // Memoised depth-first search: each closure is built once from its dependencies' closures, so
  // a chain of 1000 modules costs O(total closure size), not a search per module.
  const memo = new Map<string, string[] | null>();
  const stack: string[] = [];
  const closure = (n: string): string[] | null => {
    if (memo.has(n)) return memo.get(n)!;
    const at = stack.indexOf(n);
    if (at >= 0) {
      const c = [...stack.slice(at), n];
      errors.push(`depmod: ERROR: Cycle detected: ${c.join(' -> ')}`);
      errors.push(`depmod: ERROR: Found ${c.length - 1} modules in dependency cycles!`);
      for (const m of c) memo.set(m, null);
      return null;
    }
    stack.push(n);
    const order: string[] = [];
    const seen = new Set<string>();
    let broken = false;
    for (const d of own(direct, n) ?? []) {
      const c = closure(d);
      if (c === null) {
        broken = true;
        continue;
      }
      for (const x of [...c, d]) {
        if (!seen.has(x)) {
          seen.add(x);
          order.push(x);
        }
      }
    }
    stack.pop();
    // A module in a cycle (or depending on one) gets no modules.dep line.
    const result = broken || memo.get(n) === null ? null : order;
    memo.set(n, result);
    return result;
  };
  for (const name of Object.keys(files)) {
    const c = closure(name);
    if (c) deps[name] = c;
  }
  return { deps, errors };
}
