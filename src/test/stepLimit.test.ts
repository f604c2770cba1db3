/**
 * The unit tests that `npm run mutate` runs (vitest.mutate.config.ts: all of src/ but the
 * explorer's, the benchmarks', the real-kernel graph's and the fuzzer's) reach the engine's run()
 * only with the tests' step limit: through test/run.ts, runIn() or runSelftest(..., { maxSteps }).
 * A test that imported the engine's run() directly would let a looping mutant spin to the
 * default 50,000 steps and time out, which costs a worker restart per mutant.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = dirname(dirname(fileURLToPath(import.meta.url)));
const LEFT_OUT = ['explorer/', 'bench/', 'kernelGraph/', 'fuzz/'];

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? testFiles(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

/** Does this file import the value `run` from engine/run.ts? (`type` imports and other names are fine.) */
function importsEngineRun(fileRel: string, text: string): boolean {
  for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/g)) {
    const spec = m[2];
    const resolved = join(dirname(fileRel), spec).split(sep).join('/');
    if (resolved !== 'engine/run') continue;
    if (m[1].split(',').some((n) => n.trim() === 'run' || /^run\s+as\s/.test(n.trim()))) return true;
  }
  return false;
}

describe("the mutation-tested unit tests run the engine with the tests' step limit", () => {
  it('none imports the engine run() itself', () => {
    const offenders = testFiles(SRC)
      .map((f) => relative(SRC, f).split(sep).join('/'))
      .filter((r) => !LEFT_OUT.some((d) => r.startsWith(d)) && r !== 'test/stepLimit.test.ts') // (this file plants examples)
      .filter((r) => importsEngineRun(r, readFileSync(join(SRC, r), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the check catches a planted import, and lets the allowed ones through', () => {
    expect(importsEngineRun('sim/x.test.ts', "import { run } from '../engine/run';")).toBe(true);
    expect(importsEngineRun('engine/x.test.ts', "import { makeEnv, run as go } from './run';")).toBe(true);
    expect(importsEngineRun('engine/x.test.ts', "import { makeEnv, type RunOptions } from './run';")).toBe(false);
    expect(importsEngineRun('sim/x.test.ts', "import { run } from '../test/run';")).toBe(false);
  });
});
