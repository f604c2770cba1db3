/**
 * The engine is a pure, deterministic simulation that app/ imports: it must not depend on the UI,
 * on Node, or on anything that makes a run depend on the real world (time, randomness, timers,
 * the DOM). src/cli/** and src/bench/** are Node programs and are exempt, as are tests.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = dirname(fileURLToPath(import.meta.url));
const APP = resolve(SRC, '..', 'app');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const rel = (p: string) => relative(SRC, p).split(sep).join('/');
const exempt = (r: string) => /\.test\.tsx?$/.test(r) || r.startsWith('cli/') || r.startsWith('bench/');
const FILES = walk(SRC)
  .filter((p) => /\.(ts|tsx|js|mjs)$/.test(p) && !p.endsWith('.d.ts'))
  .filter((p) => !exempt(rel(p)));

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
