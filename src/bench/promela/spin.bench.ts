/**
 * spin.bench.ts - run SPIN on a Promela model, the way its manual suggests for a safety check of a
 * large model: `spin -a`, `gcc -O2 -DSAFETY -DCOLLAPSE`, `./pan -m1000000`. The benchmark's
 * reference, so that the explorer is measured against a model checker in the same run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SpinRun {
  /** pan's own search time (its "elapsed time"), seconds. */
  seconds: number;
  /** CPU seconds of pan (user + system), when /usr/bin/time could tell. */
  cpu: number | null;
  /** Generating and compiling the verifier, seconds. */
  compileSeconds: number;
  states: number;
  transitions: number;
  /** Peak resident memory of pan, MB (or pan's own total when /usr/bin/time is absent). */
  memoryMB: number;
  errors: number;
  /** The first error is an invalid end state: processes blocked for good (a deadlock). */
  deadlock: boolean;
  /** An assert() failed: the model reached a path it says cannot happen. */
  assertion: boolean;
}

/** The SPIN version line, or null when `spin` is not installed. */
export function spinVersion(): string | null {
  const r = spawnSync('spin', ['-V'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

const num = (text: string, re: RegExp): number => {
  const m = re.exec(text);
  return m ? Number(m[1]) : NaN;
};

/**
 * Verify `model`. `allErrors`: go on after errors (pan -c0), for the time to the full verdict;
 * otherwise pan stops at the first error (the time to a counterexample). `hashBits`: pan -w.
 */
export function runSpin(model: string, opts: { allErrors?: boolean; hashBits?: number; /** gcc -O0: compiles faster, for tests */ quick?: boolean } = {}): SpinRun {
  const dir = mkdtempSync(join(tmpdir(), 'klp-spin-'));
  try {
    writeFileSync(join(dir, 'model.pml'), model);
    const t0 = performance.now();
    const a = spawnSync('spin', ['-a', 'model.pml'], { cwd: dir, encoding: 'utf8' });
    if (a.status !== 0) throw new Error(`spin -a failed: ${a.stdout}${a.stderr}`);
    const cc = spawnSync('gcc', [opts.quick ? '-O0' : '-O2', '-DSAFETY', '-DCOLLAPSE', '-DMEMLIM=8000', '-w', '-o', 'pan', 'pan.c'], { cwd: dir, encoding: 'utf8' });
    if (cc.status !== 0) throw new Error(`gcc pan.c failed: ${cc.stderr}`);
    const compileSeconds = (performance.now() - t0) / 1000;
    const args = ['-m1000000', `-w${opts.hashBits ?? 24}`, ...(opts.allErrors ? ['-c0'] : [])];
    const timed = existsSync('/usr/bin/time');
    const r = timed
      ? spawnSync('/usr/bin/time', ['-f', 'TIME %U %S %M', './pan', ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 })
      : spawnSync('./pan', args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
    const out = r.stdout;
    const t = /TIME ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? '');
    return {
      seconds: num(out, /elapsed time ([\d.e+]+)/),
      cpu: t ? Number(t[1]) + Number(t[2]) : null,
      compileSeconds,
      states: num(out, /([\d.e+]+) states, stored/),
      transitions: num(out, /([\d.e+]+) transitions/),
      memoryMB: t ? Number(t[3]) / 1024 : num(out, /([\d.]+)\s+total actual memory usage/),
      errors: num(out, /errors: (\d+)/),
      deadlock: /invalid end state/.test(out.split('\n').find((l) => /^pan:\d+:/.test(l)) ?? ''),
      assertion: /assertion violated/.test(out),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
