/**
 * DmesgPanel.tsx - the kernel log up to the current step; the current step's lines stand out,
 * and a click on a line jumps to the step that printed it.
 */
import { useStore } from '../../store';
import { Panel } from '../../components/Panel';
import { dmesgTime, linesUpTo } from './linesUpTo';
import { useFollowScroll } from './useFollowScroll';

export function DmesgPanel() {
  const lines = useStore((s) => s.trace.final.dmesg);
  const step = useStore((s) => s.step);
  const setStep = useStore((s) => s.setStep);
  const count = linesUpTo(lines, step);
  const ref = useFollowScroll<HTMLOListElement>(count);
  return (
    <Panel title="dmesg" hint={`${count} of ${lines.length} lines`} testId="panel-dmesg" className="panel-log">
      <ol className="log" ref={ref} aria-label="Kernel log up to the current step">
        {count === 0 && <li className="log-empty">(nothing printed yet)</li>}
        {lines.slice(0, count).map((l, k) => (
          <li key={k}>
            <button type="button" className={`log-line${l.step === step ? ' is-current' : ''}`} onClick={() => setStep(l.step)} data-testid="dmesg-line" data-step={l.step} title={`printed at step ${l.step}`}>
              <span className="log-time">{dmesgTime(l.time)}</span> {l.text}
            </button>
          </li>
        ))}
      </ol>
    </Panel>
  );
}
