/**
 * env.ts - the static inputs of a run: module files on disk (built from the scenario for the
 * chosen kernel variant), depmod's view of them, and the schedule. Never changes during a run.
 */
import type { LivepatchSpec, ModuleOp, ModuleParamSpec, Scenario } from '../model/scenario';
import type { Variant } from '../model/variant';
import type { Granularity } from '../model/trace';
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
  deps: ModulesDep;
  /** depmod's complaints (cycles). Modules in a cycle get no modules.dep line. */
  depmodErrors: string[];
  dyndbg: boolean;
  schedule: Choice[];
  /** Where running tasks may be preempted (model/trace.ts). */
  granularity: Granularity;
  /**
   * Fine granularity without its reduction: preempt after every step, local or not. Only for the
   * test that the reduction (no choice after a step that touched nothing shared) loses nothing.
   */
  preemptEveryStep?: boolean;
  /** Every function some livepatch replaces: calls and returns of these are visible to transitions. */
  patchedFuncs: ReadonlySet<string>;
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
 * modules.dep: each module's dependency closure in the order modprobe loads it (deepest first).
 * Lines are built when first asked for (a chain of 5000 modules has 12.5 million entries in all,
 * of which a run reads a few).
 */
export class ModulesDep {
  private readonly lines = new Map<string, readonly string[]>();

  constructor(
    private readonly direct: Readonly<Record<string, string[]>>,
    /** Modules with a line (not in a cycle, not depending on one). */
    private readonly listed: ReadonlySet<string>,
  ) {}

  /** The module has a modules.dep line. */
  has(name: string): boolean {
    return this.listed.has(name);
  }

  /** Its modules.dep line, or undefined for a module without one. */
  get(name: string): readonly string[] | undefined {
    if (!this.listed.has(name)) return undefined;
    let line = this.lines.get(name);
    if (!line) {
      line = this.closure(name);
      this.lines.set(name, line);
    }
    return line;
  }

  /** Every line, by module (tests, tools). */
  all(): Record<string, readonly string[]> {
    return dict([...this.listed].map((n) => [n, this.get(n)!] as const));
  }

  /** Post-order depth-first walk of the direct dependencies, each module once, iteratively. */
  private closure(name: string): string[] {
    const order: string[] = [];
    const seen = new Set<string>([name]);
    const stack: { n: string; i: number }[] = [{ n: name, i: 0 }];
    while (stack.length) {
      const top = stack[stack.length - 1];
      const ds = own(this.direct, top.n) ?? [];
      if (top.i < ds.length) {
        const d = ds[top.i++];
        if (!seen.has(d)) {
          seen.add(d);
          stack.push({ n: d, i: 0 });
        }
        continue;
      }
      stack.pop();
      if (stack.length) order.push(top.n);
    }
    return order;
  }
}

/**
 * depmod: X depends on Y when X has an undefined symbol that Y exports. Symbols nobody exports
 * are taken as vmlinux's. Returns modules.dep (see ModulesDep) and cycle errors worded like kmod's
 * depmod. The search is iterative, so a chain of any length fits the JavaScript stack.
 */
export function depmod(
  files: Record<string, ModuleFile>,
  exporters: Record<string, string[]>,
): { deps: ModulesDep; errors: string[] } {
  const direct = dict<string[]>();
  for (const f of Object.values(files)) {
    direct[f.name] = uniq(
      f.imports.map((s) => own(exporters, s)?.[0]).filter((p): p is string => !!p && p !== f.name),
    );
  }
  const errors: string[] = [];
  /** true: has a line; false: in a cycle or depending on one. */
  const ok = new Map<string, boolean>();
  for (const root of Object.keys(files)) {
    if (ok.has(root)) continue;
    // Depth-first, as depmod walks: a dependency already on the path closes a cycle.
    const path: { n: string; i: number; broken: boolean }[] = [{ n: root, i: 0, broken: false }];
    const onPath = new Map<string, number>([[root, 0]]);
    while (path.length) {
      const top = path[path.length - 1];
      const ds = own(direct, top.n) ?? [];
      if (top.i < ds.length) {
        const d = ds[top.i++];
        const at = onPath.get(d);
        if (at !== undefined) {
          const c = [...path.slice(at).map((f) => f.n), d];
          errors.push(`depmod: ERROR: Cycle detected: ${c.join(' -> ')}`);
          errors.push(`depmod: ERROR: Found ${c.length - 1} modules in dependency cycles!`);
          for (const m of c) ok.set(m, false);
          top.broken = true;
        } else if (ok.has(d)) {
          if (!ok.get(d)) top.broken = true;
        } else {
          onPath.set(d, path.length);
          path.push({ n: d, i: 0, broken: false });
        }
        continue;
      }
      path.pop();
      onPath.delete(top.n);
      // A module in a cycle (or depending on one) gets no modules.dep line.
      const fine = !top.broken && ok.get(top.n) !== false;
      ok.set(top.n, fine);
      if (!fine && path.length) path[path.length - 1].broken = true;
    }
  }
  const listed = new Set([...ok].filter(([, v]) => v).map(([n]) => n));
  return { deps: new ModulesDep(direct, listed), errors };
}
