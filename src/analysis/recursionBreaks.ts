/**
 * recursionBreaks.ts - the moments patch 19/23 acts in a trace: klp_break_recursion() finds that
 * a nested load is of the livepatch module being enabled (klp_loading_patch) and makes
 * add_unformed_module() return -EEXIST instead of sleeping; the caller (modprobe, via finit_module)
 * takes -EEXIST as "already loaded" and goes on.
 */
import type { Trace } from '../model/trace';

export interface RecursionBreak {
  /** The step klp_break_recursion() returned true (the trace's 'klp_break_recursion' mark). */
  step: number;
  /** The first step where the loading program carries on as if the module were loaded. */
  until: number;
  task: string;
  /** The module whose nested load gave up. */
  module: string;
}

export function recursionBreaks(trace: Trace): RecursionBreak[] {
  const out: RecursionBreak[] = [];
  const steps = trace.steps;
  steps.forEach((s, i) => {
    if (!s.marks?.includes('klp_break_recursion')) return;
    // The load that gave up: this task's last load_module() call before the mark.
    let call = i;
    while (call >= 0 && !(steps[call].pid === s.pid && steps[call].kind === 'call' && steps[call].fn === 'load_module')) call--;
    if (call < 0) return;
    // load_module() runs under finit_module()/init_module(); the program is one frame further out.
    const programDepth = steps[call].depth - 2;
    let until = i;
    for (let j = i + 1; j < steps.length; j++) {
      const x = steps[j];
      if (x.pid !== s.pid) continue;
      until = j;
      if (x.kind !== 'ret' && x.depth <= programDepth) break;
    }
    out.push({ step: i, until, task: s.label, module: steps[call].arg ?? '' });
  });
  return out;
}
