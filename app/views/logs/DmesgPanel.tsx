/**
 * DmesgPanel.tsx - the kernel log up to the current step; the current step's lines stand out,
 * and a click on a line jumps to the step that printed it. The newest lines are rendered, the
 * earlier ones on request (LogWindow.ts).
 */
import { memo, useDeferredValue, useState } from 'react';
import type { LogLine } from '@engine';
import { useStore } from '../../store';
import { Panel } from '../../components/Panel';
import { dmesgTime, linesUpTo } from './linesUpTo';
import { EarlierLines, TAIL } from './LogWindow';

const DmesgLine = memo(function DmesgLine({ line, current, onJump }: { line: LogLine; current: boolean; onJump: (s: number) => void }) {
  return (
    <li>
      <button type="button" className={`log-line${current ? ' is-current' : ''}`} onClick={() => onJump(line.step)} data-testid="dmesg-line" data-step={line.step} title={`printed at step ${line.step}`}>
        <span className="log-time">{dmesgTime(line.time)}</span> {line.text}
      </button>
    </li>
  );
});

export function DmesgPanel() {
  const lines = useStore((s) => s.trace.final.dmesg);
  const step = useDeferredValue(useStore((s) => s.viewStep));
  const setStep = useStore((s) => s.setStep);
  const [all, setAll] = useState(false);
  const count = linesUpTo(lines, step);
  const from = all ? 0 : Math.max(0, count - TAIL);
  return (
    <Panel title="dmesg" hint={`${count} of ${lines.length} lines`} testId="panel-dmesg" className="panel-log">
      {/* Anchored at the bottom by CSS (column-reverse), like `dmesg -w`: no scroll code, no forced layout. */}
      <div className="log-scroll">
      <ol className="log" aria-label="Kernel log up to the current step">
        {count === 0 && <li className="log-empty">(nothing printed yet)</li>}
        <EarlierLines hidden={from} onShow={() => setAll(true)} />
        {lines.slice(from, count).map((l, k) => (
          <DmesgLine key={from + k} line={l} current={l.step === step} onJump={setStep} />
        ))}
      </ol>
      </div>
    </Panel>
  );
}
