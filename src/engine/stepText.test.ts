/**
 * Step texts speak the kernel's language: procedures declare their kernel names (sim/ops.ts
 * ProcInfo) and the interpreter uses the declarations, so no simulator-only name reaches a reader.
 */
import { describe, expect, it } from 'vitest';
import { PRESETS, getPreset } from '../presets/index';
import { run } from '../test/run';
import { infoOf, kernelName, procNames } from './procs';
import { VARIANT_IDS } from '../model/variant';
import { runIn, scn, sh, TEST_MAX_STEPS } from '../test/helpers';

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

describe("a call's arguments and its return value, as the step line shows them", () => {
  it('a module argument names the instance the call is about, not the newest module', () => {
    // rmmod B while A, loaded after it, is first on the module list (list_add_rcu() at the head).
    const t = runIn('upstream', scn({ modules: [{ name: 'A' }, { name: 'B', exit: [] }], tasks: [sh('modprobe B', 'modprobe A', 'rmmod B')] }), { maxSteps: 300 });
    expect(t.final.modules.map((m) => m.name)).toEqual(['A']);
    const exit = t.steps.find((s) => s.kind === 'call' && s.fn === 'scriptedExit')!;
    expect([exit.text, exit.arg]).toEqual(['mod->exit(B#1)', 'B#1']);
  });

  it('module parameters read as name=value, space-separated, after the module name', () => {
    const s = scn({ modules: [{ name: 'A', params: { x: { type: 'int', default: '0' }, y: { type: 'int', default: '0' } } }], tasks: [sh('modprobe A x=1 y=2')] });
    const t = runIn('upstream', s, { maxSteps: 200 });
    const calls = t.steps.filter((x) => x.kind === 'call' && ['modprobe', 'load_module'].includes(x.fn));
    expect(calls.map((x) => [x.text, x.arg])).toEqual([
      ['modprobe(A, x=1 y=2)', 'A'],
      ['load_module(A, x=1 y=2)', 'A'],
    ]);
  });

  it('a list argument (the commands of a capture) is left out of the line', () => {
    const s = scn({ modules: [{ name: 'A' }], tasks: [sh("capture 'loaded: ' -- modprobe A && lsmod")] });
    const t = runIn('upstream', s, { maxSteps: 200 });
    expect(t.steps.find((x) => x.kind === 'call' && x.fn === 'capture')?.text).toBe('capture(loaded: , log)');
  });

  it('a call without arguments shows empty parentheses and names no argument; a pid is returned as a number', () => {
    // test_klp-call_getpid: syscall(SYS_getpid) -> __x64_sys_getpid() returns the caller's tgid.
    const t = runIn('upstream', scn({ tasks: [sh('spawn P 1 test_klp-call_getpid', 'kill $P')] }), { maxSteps: 100 });
    const pid = t.final.tasks.find((x) => x.label === 'U1.1')!.pid;
    const call = t.steps.find((x) => x.kind === 'call' && x.fn === '__x64_sys_getpid')!;
    expect(call.text).toBe('__x64_sys_getpid()');
    expect(call.arg).toBeUndefined();
    expect(t.steps[call.i + 1].text).toBe(`__x64_sys_getpid() = ${pid}`);
  });
  it('a step to a label its procedure gives no words reads as the label, words apart', () => {
    // parse_args() rejects the value: load_module() goes to its coming_cleanup path.
    const s = scn({ modules: [{ name: 'A', params: { x: { type: 'int', default: '0' } } }], tasks: [sh('modprobe A x=abc')] });
    const t = runIn('upstream', s, { maxSteps: 200 });
    const bad = t.steps.find((x) => x.dmesg?.includes("A: `abc' invalid for parameter `x'"))!;
    expect([bad.kind, bad.fn, bad.text]).toEqual(['step', 'load_module', 'load_module(): coming cleanup']);
  });
});
