/**
 * UserspacePanel.tsx - what the user's shell shows: commands, their output and exit statuses,
 * up to the current step.
 */
import { useMemo } from 'react';
import { useStore } from '../../store';
import { Panel } from '../../components/Panel';
import { linesUpTo } from './linesUpTo';
import { useFollowScroll } from './useFollowScroll';

export function UserspacePanel() {
  const lines = useStore((s) => s.trace.final.userspace);
  const tasks = useStore((s) => s.trace.final.tasks);
  const step = useStore((s) => s.step);
  const setStep = useStore((s) => s.setStep);
  const labelOf = useMemo(() => new Map(tasks.map((t) => [t.pid, t.label])), [tasks]);
  // With several shells, say whose output a line is.
  const multi = useMemo(() => tasks.filter((t) => t.kind === 'user').length > 1, [tasks]);
  const count = linesUpTo(lines, step);
  const ref = useFollowScroll<HTMLOListElement>(count);
  return (
    <Panel title="User space" hint="commands and their output" testId="panel-userspace" className="panel-log">
      <ol className="log term" ref={ref} aria-label="Shell output up to the current step">
        {count === 0 && <li className="log-empty">(no command started yet)</li>}
        {lines.slice(0, count).map((l, k) => (
          <li key={k}>
            <button type="button" className={`log-line stream-${l.stream}${l.step === step ? ' is-current' : ''}`} onClick={() => setStep(l.step)} data-testid="user-line" data-step={l.step}>
              {l.stream === 'cmd' && <span className="prompt">{labelOf.get(l.pid)} $ </span>}
              {multi && (l.stream === 'stdout' || l.stream === 'stderr') && <span className="prompt">{labelOf.get(l.pid)}: </span>}
              {l.stream === 'exit' ? `[${labelOf.get(l.pid)}: ${l.text}]` : l.text}
            </button>
          </li>
        ))}
      </ol>
    </Panel>
  );
}
