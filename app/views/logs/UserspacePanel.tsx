/**
 * UserspacePanel.tsx - what the user's shell shows: commands, their output and exit statuses,
 * up to the current step. The newest lines are rendered, the earlier ones on request.
 */
import { memo, useDeferredValue, useMemo, useState } from 'react';
import type { UserLine } from '@engine';
import { useStore } from '../../store';
import { Panel } from '../../components/Panel';
import { linesUpTo } from './linesUpTo';
import { EarlierLines, TAIL } from './LogWindow';

const UserLineView = memo(function UserLineView({ line, current, who, multi, onJump }: { line: UserLine; current: boolean; who: string; multi: boolean; onJump: (s: number) => void }) {
  return (
    <li>
      <button type="button" className={`log-line stream-${line.stream}${current ? ' is-current' : ''}`} onClick={() => onJump(line.step)} data-testid="user-line" data-step={line.step}>
        {line.stream === 'cmd' && <span className="prompt">{who} $ </span>}
        {multi && (line.stream === 'stdout' || line.stream === 'stderr') && <span className="prompt">{who}: </span>}
        {line.stream === 'exit' ? `[${who}: ${line.text}]` : line.text}
      </button>
    </li>
  );
});

export function UserspacePanel() {
  const lines = useStore((s) => s.trace.final.userspace);
  const tasks = useStore((s) => s.trace.final.tasks);
  const step = useDeferredValue(useStore((s) => s.viewStep));
  const setStep = useStore((s) => s.setStep);
  const [all, setAll] = useState(false);
  const labelOf = useMemo(() => new Map(tasks.map((t) => [t.pid, t.label])), [tasks]);
  // With several shells, say whose output a line is.
  const multi = useMemo(() => tasks.filter((t) => t.kind === 'user').length > 1, [tasks]);
  const count = linesUpTo(lines, step);
  const from = all ? 0 : Math.max(0, count - TAIL);
  return (
    <Panel title="User space" hint="commands and their output" testId="panel-userspace" className="panel-log">
      {/* Anchored at the bottom by CSS (column-reverse), like `dmesg -w`: no scroll code, no forced layout. */}
      <div className="log-scroll">
      <ol className="log term" aria-label="Shell output up to the current step">
        {count === 0 && <li className="log-empty">(no command started yet)</li>}
        <EarlierLines hidden={from} onShow={() => setAll(true)} />
        {lines.slice(from, count).map((l, k) => (
          <UserLineView key={from + k} line={l} current={l.step === step} who={labelOf.get(l.pid) ?? ''} multi={multi} onJump={setStep} />
        ))}
      </ol>
      </div>
    </Panel>
  );
}
