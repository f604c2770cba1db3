/**
 * exportText.ts - what the Export menu saves, as text: the kernel log and the shells' output up to
 * the step shown (as the panels show them), and the trace as JSON.
 */
import type { LogLine, Task, Trace, UserLine } from '@engine';
import { dmesgTime, linesUpTo } from '../logs/linesUpTo';

/** dmesg as `dmesg` prints it: one `[    0.000000] text` line each, up to and including `step`. */
export function dmesgText(lines: readonly LogLine[], step: number): string {
  return lines
    .slice(0, linesUpTo(lines, step))
    .map((l) => `${dmesgTime(l.time)} ${l.text}\n`)
    .join('');
}

/**
 * The shells' output as a terminal shows it: `U1 $ command`, the program's lines (prefixed with
 * the task when several shells run), and the shell's report of an exit status.
 */
export function userspaceText(lines: readonly UserLine[], tasks: readonly Pick<Task, 'pid' | 'label' | 'kind'>[], step: number): string {
  const labelOf = new Map(tasks.map((t) => [t.pid, t.label]));
  const multi = tasks.filter((t) => t.kind === 'user').length > 1;
  return lines
    .slice(0, linesUpTo(lines, step))
    .map((l) => {
      const who = labelOf.get(l.pid) ?? String(l.pid);
      if (l.stream === 'cmd') return `${who} $ ${l.text}\n`;
      if (l.stream === 'exit') return `[${who}: ${l.text}]\n`;
      return multi ? `${who}: ${l.text}\n` : `${l.text}\n`;
    })
    .join('');
}

export const TRACE_EXPORT_TYPE = 'klp-playground/trace';

/**
 * The run as JSON: its inputs (scenario, kernel, schedule), every step and the verdict. The
 * worlds the trace keeps for replay are left out: running the scenario again rebuilds them.
 */
export function traceJson(trace: Trace): string {
  const { scenario, variant, schedule, granularity, steps, outcome, depmodErrors } = trace;
  return `${JSON.stringify({ type: TRACE_EXPORT_TYPE, version: 1, variant, schedule, granularity, scenario, outcome, depmodErrors, steps }, null, 1)}\n`;
}

/** A file name's stem: `P10-split-step42`, or the scenario's title made safe for a file name. */
export function fileStem(presetId: string | null, title: string, variant: string, step: number): string {
  const what = presetId ?? (title.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'scenario');
  return `${what}-${variant}-step${step}`;
}
