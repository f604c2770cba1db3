/**
 * failureDetail.ts - why a run ended in 'error', in the words the user saw: the last stderr line
 * of the first failed command (e.g. "modprobe: ERROR: could not insert 'lp2': Device or resource
 * busy"). The outcome itself only says which command failed and its exit status.
 */
import type { Trace } from '@engine';

export function failureDetail(trace: Pick<Trace, 'outcome' | 'final'>): string | null {
  const f = trace.outcome.failures[0];
  if (!f) return null;
  const pid = trace.final.tasks.find((t) => t.label === f.task)?.pid;
  if (pid === undefined) return null;
  let stderr: string | null = null;
  for (const line of trace.final.userspace) {
    if (line.pid !== pid) continue;
    if (line.stream === 'cmd') stderr = null;
    else if (line.stream === 'stderr') stderr = line.text;
    else if (line.stream === 'exit' && line.text !== 'exit status 0' && stderr) return stderr;
  }
  return stderr;
}
