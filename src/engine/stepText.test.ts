/**
 * Step texts speak the kernel's language: procedures declare their kernel names (sim/ops.ts
 * ProcInfo) and the interpreter uses the declarations, so no simulator-only name reaches a reader.
 */
import { describe, expect, it } from 'vitest';
import { PRESETS, getPreset } from '../presets/index';
import { run } from './run';
import { infoOf, kernelName, procNames } from './procs';
import { VARIANT_IDS } from '../model/variant';
import { TEST_MAX_STEPS } from '../test/helpers';

/** Procedures whose own name is not the kernel's (they declare another, or are split versions). */
const simulatorNames = procNames().filter((n) => kernelName(n) !== n);

describe('step texts', () => {
  it('the registry has procedures that stand for kernel constructs under other names', () => {
    expect(simulatorNames).toEqual(expect.arrayContaining(['lockKlpMutex', 'shCommand', 'scriptedInit', 'klp_module_coming_split']));
  });

  it('no preset, in any kernel, shows a simulator-only procedure name in a step text', () => {
    const seen: string[] = [];
    for (const p of PRESETS.filter((x) => !x.id.startsWith('ST-'))) {
      for (const v of VARIANT_IDS) {
        for (const s of run(p.scenario, { variant: v, maxSteps: TEST_MAX_STEPS }).steps) {
          for (const n of simulatorNames) if (s.text.includes(`${n}(`)) seen.push(`${p.id}/${v} step ${s.i}: ${s.text}`);
        }
      }
    }
    expect(seen.slice(0, 5)).toEqual([]);
  });

  it("a variant's version of a function is called under the kernel's name, with the variant said", () => {
    const t = run(getPreset('P10')!.scenario, { variant: 'split' });
    expect(t.steps.some((s) => s.text === 'klp_module_coming(lp#1) [split POC version]')).toBe(true);
    expect(infoOf('klp_module_coming_split').versionOf).toBe('klp_module_coming');
  });

  it('a bool reads as a bool and an error by its errno name', () => {
    const t = run(getPreset('P10')!.scenario, { variant: 'split-poc19' });
    expect(t.steps.some((s) => s.text.endsWith('klp_break_recursion() = true'))).toBe(true);
    expect(t.steps.some((s) => s.text === 'add_unformed_module() = -EEXIST')).toBe(true);
  });

  it('the moment 19/23 acts is a marker, and only where it acts', () => {
    const marked = (v: 'split' | 'split-poc19' | 'split-break-only' | 'split-norefs-only') =>
      run(getPreset('P10')!.scenario, { variant: v }).steps.filter((s) => s.marks?.includes('klp_break_recursion')).length;
    expect(marked('split-poc19')).toBe(1);
    expect(marked('split-break-only')).toBe(1);
    expect(marked('split')).toBe(0);
    expect(marked('split-norefs-only')).toBe(0);
  });

  it('calls of klp_module_coming and request_module are markers, declared by the procedures', () => {
    const t = run(getPreset('P08')!.scenario, { variant: 'split' });
    const calls = (fn: string) => t.steps.filter((s) => s.kind === 'call' && s.fn === fn);
    expect(calls('klp_module_coming').every((s) => s.marks?.includes('klp_module_coming'))).toBe(true);
    expect(calls('request_module').length).toBeGreaterThan(0);
    expect(calls('request_module').every((s) => s.marks?.includes('request_module'))).toBe(true);
    expect(t.steps.filter((s) => s.marks?.includes('request_module')).every((s) => s.fn === 'request_module')).toBe(true);
  });
});
