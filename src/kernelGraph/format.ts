/**
 * format.ts - the module-graph JSON of a real kernel, as `klp import-kernel` writes it and the
 * page reads it (public/data/*.modules.json):
 *
 *   { kernel, source, modules: { NAME: { path, depends, exports, imports: { PROVIDER: [symbols] } } } }
 *
 * - `depends` is the module's modules.dep line: its whole dependency closure, in depmod's order
 *   (modprobe loads it last to first).
 * - `exports` are the module's EXPORT_SYMBOL()s (its `__ksymtab_*` entries).
 * - `imports` are its undefined symbols grouped by the module that exports them; those that no
 *   module exports are under `vmlinux`. The keys other than vmlinux are the direct providers.
 *
 * validateModuleGraph() checks an untrusted file (a drop on the page, a CLI argument) and names
 * the first problem and where it is, e.g. `modules.xt_state.depends[1]: 'foo' is not a module of
 * this graph`.
 */
import { MODULE_NAME_RE } from '../rules/names';

/** A symbol as ELF symbol tables hold it: C identifiers, plus '.' and '$' some toolchains use. */
export const GRAPH_SYMBOL_RE = /^[A-Za-z0-9_.$]{1,255}$/;

export interface ModuleEntry {
  /** Path below /lib/modules/VERSION, e.g. kernel/net/netfilter/nf_tables.ko. */
  path: string;
  depends: string[];
  exports: string[];
  imports: Record<string, string[]>;
}

export interface ModuleGraphJson {
  kernel: string;
  source?: string;
  modules: Record<string, ModuleEntry>;
}

/** The provider key of imports that no module exports. */
export const VMLINUX = 'vmlinux';

/** More than any distribution kernel ships (Debian's generic amd64 has about 4000). */
export const MAX_GRAPH_MODULES = 20_000;

export class ModuleGraphError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(path ? `${path}: ${problem}` : problem);
    this.name = 'ModuleGraphError';
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function need(cond: unknown, path: string, problem: string): asserts cond {
  if (!cond) throw new ModuleGraphError(path, problem);
}

function stringList(v: unknown, path: string, re: RegExp, what: string): string[] {
  need(Array.isArray(v), path, `must be a list of ${what}s`);
  // A graph holds half a million symbols: build a message only for the bad one.
  for (let i = 0; i < v.length; i++) {
    const s: unknown = v[i];
    if (typeof s !== 'string' || !re.test(s)) throw new ModuleGraphError(`${path}[${i}]`, `${JSON.stringify(s)} is not a valid ${what}`);
  }
  return v as string[];
}

/**
 * Validate; returns the graph or throws ModuleGraphError. Besides the shape, the graph must be
 * consistent as depmod makes it: every dependency and provider is a module of the graph, a
 * module's providers are in its closure, what it imports from a provider is exported there, and
 * no module depends on itself.
 */
export function validateModuleGraph(input: unknown): ModuleGraphJson {
  need(isObj(input), '', 'a module graph must be a JSON object with "kernel" and "modules"');
  need(input.kernel === undefined || (typeof input.kernel === 'string' && input.kernel.length > 0), 'kernel', 'must be a non-empty string (the kernel release)');
  need(input.source === undefined || typeof input.source === 'string', 'source', 'must be a string');
  need(isObj(input.modules), 'modules', 'must map module names to {path, depends, exports, imports}');
  const names = Object.keys(input.modules);
  need(names.length > 0, 'modules', 'is empty: a graph needs at least one module');
  need(names.length <= MAX_GRAPH_MODULES, 'modules', `has ${names.length} modules, more than the ${MAX_GRAPH_MODULES} this page handles`);
  const mods = input.modules as Record<string, unknown>;
  const exports = new Map<string, Set<string>>();
  for (const n of names) {
    const p = `modules.${n}`;
    need(MODULE_NAME_RE.test(n), p, 'a module name is 1-55 letters, digits or underscores (depmod writes - as _)');
    const m = mods[n];
    need(isObj(m), p, 'must be an object {path, depends, exports, imports}');
    need(m.path === undefined || typeof m.path === 'string', `${p}.path`, 'must be a string');
    exports.set(n, new Set(stringList(m.exports ?? [], `${p}.exports`, GRAPH_SYMBOL_RE, 'symbol')));
    stringList(m.depends ?? [], `${p}.depends`, MODULE_NAME_RE, 'module name');
    need(m.imports === undefined || isObj(m.imports), `${p}.imports`, 'must map providers (vmlinux or a module) to lists of symbols');
  }
  for (const n of names) {
    const p = `modules.${n}`;
    const m = mods[n] as Obj;
    const depends = (m.depends ?? []) as string[];
    for (let i = 0; i < depends.length; i++) {
      const d = depends[i];
      if (d === n) throw new ModuleGraphError(`${p}.depends[${i}]`, 'a module cannot depend on itself');
      if (!exports.has(d)) throw new ModuleGraphError(`${p}.depends[${i}]`, `'${d}' is not a module of this graph`);
    }
    const deps = new Set(depends);
    for (const [provider, syms] of Object.entries((m.imports ?? {}) as Obj)) {
      const q = `${p}.imports.${provider}`;
      const list = stringList(syms, q, GRAPH_SYMBOL_RE, 'symbol');
      if (provider === VMLINUX) continue;
      need(exports.has(provider), q, `'${provider}' is not a module of this graph (imports that no module exports go under "vmlinux")`);
      need(deps.has(provider), q, `${n} imports from ${provider}, so ${provider} must be in its depends (modules.dep)`);
      const own = exports.get(provider)!;
      for (let i = 0; i < list.length; i++) if (!own.has(list[i])) throw new ModuleGraphError(`${q}[${i}]`, `'${list[i]}' is not exported by ${provider}`);
    }
  }
  const modules: Record<string, ModuleEntry> = {};
  for (const n of names) {
    const m = mods[n] as Obj;
    modules[n] = {
      path: (m.path as string | undefined) ?? '',
      depends: (m.depends as string[] | undefined) ?? [],
      exports: (m.exports as string[] | undefined) ?? [],
      imports: (m.imports as Record<string, string[]> | undefined) ?? {},
    };
  }
  return { kernel: (input.kernel as string | undefined) ?? 'unknown kernel', ...(typeof input.source === 'string' ? { source: input.source } : {}), modules };
}

/** Parse and validate a graph file's text; a JSON syntax error is a ModuleGraphError too. */
export function parseModuleGraph(text: string): ModuleGraphJson {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new ModuleGraphError('', `not JSON: ${(e as Error).message}`);
  }
  return validateModuleGraph(v);
}
