/**
 * format.ts - how the CLI prints a run: the kernel log with logical timestamps, what each user
 * task printed, and the verdict.
 */
import type { Trace } from '../model/trace';
import { VARIANTS } from '../model/variant';

/** dmesg's `[    1.234567] ` prefix from logical milliseconds. */
export function timestamp(ms: number): string {
  return `[${(ms / 1000).toFixed(6).padStart(12)}]`;
}

function taskLabel(trace: Trace, pid: number): string {
  return trace.final.tasks.find((t) => t.pid === pid)?.label ?? String(pid);
}

export function formatRun(trace: Trace, label: string): string {
  const v = VARIANTS[trace.variant];
  const out: string[] = [`# ${trace.scenario.title} (${label}) on ${trace.variant}`, `# kernel: ${v.label}; follows ${v.follows}`, '', 'dmesg:'];
  for (const e of trace.depmodErrors) out.push(`  (depmod) ${e}`);
  for (const l of trace.final.dmesg) out.push(`  ${timestamp(l.time)} ${l.text}`);
  out.push('', 'user space:');
  for (const u of trace.final.userspace) {
    const who = taskLabel(trace, u.pid);
    if (u.stream === 'cmd') out.push(`  ${who}$ ${u.text}`);
    else if (u.stream === 'exit') out.push(`  ${who}  (${u.text})`);
    else out.push(`  ${who}  ${u.text}`);
  }
  out.push('', `outcome: ${trace.outcome.kind}: ${trace.outcome.summary}`, `steps: ${trace.steps.length}`);
  return out.join('\n');
}

export function runJson(trace: Trace, label: string): Record<string, unknown> {
  const o = trace.outcome;
  return {
    scenario: label,
    title: trace.scenario.title,
    variant: trace.variant,
    kernel: { label: VARIANTS[trace.variant].label, release: VARIANTS[trace.variant].kernel.release, hypothetical: VARIANTS[trace.variant].hypothetical, follows: VARIANTS[trace.variant].follows },
    outcome: o.kind,
    location: o.location ?? null,
    seedLocation: o.seedLocation ?? null,
    cycle: o.cycle ?? [],
    summary: o.summary,
    failures: o.failures,
    dmesg: trace.final.dmesg.map((l) => l.text),
    userspace: trace.final.userspace
      .filter((u) => u.stream !== 'exit')
      .map((u) => (u.stream === 'cmd' ? `${taskLabel(trace, u.pid)}$ ${u.text}` : u.text)),
    steps: trace.steps.length,
  };
}
