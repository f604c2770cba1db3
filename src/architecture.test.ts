/**
 * The engine is a pure, deterministic simulation that app/ imports: it must not depend on the UI,
 * on Node, or on anything that makes a run depend on the real world (time, randomness, timers,
 * the DOM). src/cli/**, src/bench/** and src/fuzz/** are Node programs (fuzz/ also draws random
 * inputs) and are exempt, as are tests.
 *
 * Inside src/, folders belong to layers that import one way only (src/README.md draws them):
 * a file may import its own folder, a folder earlier in its own layer, or any lower layer; and
 * no two files may import each other, however indirectly.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = dirname(fileURLToPath(import.meta.url));
const APP = resolve(SRC, '..', 'app');

/**
 * The layers, lowest first; within a layer, folders in the order they may import each other
 * (a folder may import those before it). `index.ts` stands for the file src/index.ts.
 */
export const LAYERS: [layer: string, folders: string[]][] = [
  ['model', ['model']],
  ['rules', ['machines', 'rules']],
  ['simulation interface', ['sim']],
  ['procedures', ['kernel', 'userspace', 'modules', 'scenario']],
  ['engine', ['engine']],
  ['services', ['analysis', 'explorer', 'selftest', 'presets', 'kernelGraph']],
  ['surface', ['index.ts', 'cli', 'bench', 'fuzz']],
];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const rel = (p: string) => relative(SRC, p).split(sep).join('/');
const isTest = (r: string) => /\.test\.tsx?$/.test(r) || r.startsWith('test/');
const exempt = (r: string) => isTest(r) || r.startsWith('cli/') || r.startsWith('bench/') || r.startsWith('fuzz/');
const SOURCES = walk(SRC).filter((p) => /\.(ts|tsx|js|mjs)$/.test(p) && !p.endsWith('.d.ts'));
const FILES = SOURCES.filter((p) => !exempt(rel(p)));

/** Code without comments, so that prose such as "the scenario document" does not count. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Every module specifier: import/export ... from 'x', import('x'), require('x'), import 'x'. */
function specifiers(text: string): string[] {
  const out: string[] = [];
  const res = [/\bfrom\s*['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g, /^\s*import\s*['"]([^'"]+)['"]/gm];
  for (const re of res) for (const m of text.matchAll(re)) out.push(m[1]);
  return out;
}

/** The src/ file (relative path) a relative specifier names, or null for a package. */
function target(fromRel: string, spec: string, exists: (r: string) => boolean): string | null {
  if (!spec.startsWith('.')) return null;
  const base = relative(SRC, resolve(SRC, dirname(fromRel), spec)).split(sep).join('/');
  for (const c of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`]) if (exists(c)) return c;
  return base;
}

/** The folder a src/ file belongs to: its first path segment, or the file itself at the top. */
const folderOf = (r: string) => (r.includes('/') ? r.slice(0, r.indexOf('/')) : r);

/** [layer index, position in the layer] of a folder, or null if no layer holds it. */
function rank(folder: string): [number, number] | null {
  for (let i = 0; i < LAYERS.length; i++) {
    const j = LAYERS[i][1].indexOf(folder);
    if (j >= 0) return [i, j];
  }
  return null;
}

/** Why `from` may not import `to` (both src/-relative paths), or null when it may. */
export function layerViolation(from: string, to: string): string | null {
  const a = folderOf(from);
  const b = folderOf(to);
  if (b === 'test' && !isTest(from)) return `${from} imports test support ${to}`;
  if (isTest(from) || a === b) return null;
  const ra = rank(a);
  const rb = rank(b);
  if (!ra) return `${from}: folder '${a}' belongs to no layer (add it to LAYERS in architecture.test.ts)`;
  if (!rb) return `${from} imports ${to}: folder '${b}' belongs to no layer`;
  if (rb[0] > ra[0]) return `${from} (${LAYERS[ra[0]][0]}) imports ${to} from a higher layer (${LAYERS[rb[0]][0]})`;
  if (rb[0] === ra[0] && rb[1] > ra[1]) return `${from} imports ${to}: within the ${LAYERS[ra[0]][0]} layer '${a}' comes before '${b}'`;
  return null;
}

/** Strongly connected groups of more than one file (or a file importing itself). */
export function fileCycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

const exists = (r: string) => SOURCES.some((p) => rel(p) === r);
/** The import graph of the non-test files of src/, by src/-relative path. */
const GRAPH = new Map(
  SOURCES.map((p) => rel(p))
    .filter((r) => !isTest(r))
    .map((r) => [
      r,
      specifiers(code(readFileSync(join(SRC, r), 'utf8')))
        .map((s) => target(r, s, exists))
        .filter((t): t is string => t !== null && !t.startsWith('..')),
    ]),
);

const FORBIDDEN_PACKAGES = [/^react$/, /^react\//, /^react-dom(\/|$)/, /^zustand(\/|$)/, /^@xyflow\//, /^node:/, /^fs(\/|$)/, /^path(\/|$)/];

const FORBIDDEN_CALLS: [string, RegExp][] = [
  ['Date.now', /\bDate\.now\s*\(/],
  ['new Date', /\bnew\s+Date\s*\(/],
  ['Math.random', /\bMath\.random\s*\(/],
  ['setTimeout', /\bsetTimeout\s*\(/],
  ['setInterval', /\bsetInterval\s*\(/],
  ['performance.now', /\bperformance\.now\s*\(/],
  ['window', /(?<![.\w])window(\.[A-Za-z_$]|\s*\[)|\btypeof\s+window\b/],
  ['document', /(?<![.\w])document(\.[A-Za-z_$]|\s*\[)|\btypeof\s+document\b/],
];

describe('architecture: the engine under src/ stays pure', () => {
  it('finds the engine files', () => {
    expect(FILES.length).toBeGreaterThan(30);
    expect(FILES.map(rel)).toContain('engine/run.ts');
    expect(FILES.map(rel)).not.toContain('architecture.test.ts');
  });

  it('imports neither React, zustand, @xyflow, Node built-ins, nor anything under app/', () => {
    const bad: string[] = [];
    for (const f of FILES) {
      for (const s of specifiers(code(readFileSync(f, 'utf8')))) {
        if (FORBIDDEN_PACKAGES.some((re) => re.test(s))) bad.push(`${rel(f)}: ${s}`);
        if (s.startsWith('.') && (resolve(dirname(f), s) + sep).startsWith(APP + sep)) bad.push(`${rel(f)}: ${s} (app/)`);
        if (/^@?app\//.test(s)) bad.push(`${rel(f)}: ${s} (app/)`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('uses no wall clock, randomness, timers or DOM', () => {
    const bad: string[] = [];
    for (const f of FILES) {
      const text = code(readFileSync(f, 'utf8'));
      for (const [what, re] of FORBIDDEN_CALLS) if (re.test(text)) bad.push(`${rel(f)}: ${what}`);
    }
    expect(bad).toEqual([]);
  });

  it('the checks themselves catch what they should', () => {
    // The UI path is assembled so that a plain grep for UI imports in src/ does not match this line.
    const ui = ['..', 'app', 'store'].join('/');
    expect(specifiers(`import { x } from 'node:fs';\nimport type { Y } from '${ui}';\nconst z = await import('react');`)).toEqual(['node:fs', ui, 'react']);
    expect(code('// Date.now()\nconst a = 1; /* Math.random() */')).not.toMatch(/Date|Math/);
    expect(FORBIDDEN_CALLS.find(([w]) => w === 'window')![1].test('const w = window.innerWidth;')).toBe(true);
    expect(FORBIDDEN_CALLS.find(([w]) => w === 'window')![1].test("if (typeof window !== 'undefined')")).toBe(true);
    expect(FORBIDDEN_CALLS.find(([w]) => w === 'window')![1].test("k.printk('a time window of 5 s')")).toBe(false);
    expect(FORBIDDEN_CALLS.find(([w]) => w === 'document')![1].test('the scenario document.')).toBe(false);
    expect(FORBIDDEN_CALLS.find(([w]) => w === 'document')![1].test('document.title = x')).toBe(true);
  });
});

describe('architecture: layers import one way', () => {
  it('every folder of src/ belongs to a layer', () => {
    const folders = new Set([...GRAPH.keys()].map(folderOf));
    const unplaced = [...folders].filter((f) => !rank(f));
    expect(unplaced).toEqual([]);
  });

  it('no file imports from a higher layer or a later folder of its own layer', () => {
    const bad: string[] = [];
    for (const [from, tos] of GRAPH) for (const to of tos) {
      const why = layerViolation(from, to);
      if (why) bad.push(why);
    }
    expect(bad).toEqual([]);
  });

  it('no two files import each other, however indirectly', () => {
    expect(fileCycles(GRAPH)).toEqual([]);
  });

  it('a planted wrong import is caught', () => {
    // The kernel's procedures must not reach the interpreter that runs them.
    expect(layerViolation('kernel/kmod.ts', 'engine/step.ts')).toMatch(/higher layer \(engine\)/);
    expect(layerViolation('model/world.ts', 'sim/context.ts')).toMatch(/higher layer/);
    // Within a layer, the order of LAYERS holds: the kernel does not call the test modules.
    expect(layerViolation('kernel/livepatch/callbacks.ts', 'modules/registry.ts')).toMatch(/'kernel' comes before 'modules'/);
    expect(layerViolation('sim/env.ts', 'test/helpers.ts')).toMatch(/test support/);
    expect(layerViolation('nowhere/x.ts', 'model/world.ts')).toMatch(/belongs to no layer/);
    // And the allowed directions pass.
    expect(layerViolation('engine/step.ts', 'kernel/kmod.ts')).toBeNull();
    expect(layerViolation('modules/registry.ts', 'kernel/livepatch/callbacks.ts')).toBeNull();
    expect(layerViolation('kernel/kmod.test.ts', 'presets/index.ts')).toBeNull();
  });

  it('a planted file cycle is caught', () => {
    const g = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(fileCycles(g)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(fileCycles(new Map([['a.ts', ['b.ts']], ['b.ts', []]]))).toEqual([]);
  });
});
