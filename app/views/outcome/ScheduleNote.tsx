/**
 * ScheduleNote.tsx - a line in the verdict box while a non-default schedule is on screen: which
 * picks it makes, whether this kernel could make them all, and the way back to the default.
 */
import { useStore } from '../../store';
import { scheduleFit, shortSchedule } from './scheduleFit';

export function ScheduleNote() {
  const schedule = useStore((s) => s.schedule);
  const granularity = useStore((s) => s.granularity);
  const trace = useStore((s) => s.trace);
  const setSchedule = useStore((s) => s.setSchedule);
  if (!schedule.length) return null;
  const fit = scheduleFit(trace);
  const partial = fit.honoured < fit.asked;
  return (
    <div className="schedule-note" data-testid="schedule-note">
      <span className="schedule-chip">interleaving</span>{' '}
      {granularity === 'fine' && (
        <span className="schedule-fit" title="Picks are made after every step that touches shared state, not only where a task sleeps">
          (fine granularity){' '}
        </span>
      )}
      <code className="schedule-labels" title={`Picks at successive scheduling choices: ${schedule.join(' → ')}`}>
        {shortSchedule(schedule)}
      </code>{' '}
      <span className={partial ? 'schedule-fit is-partial' : 'schedule-fit'}>
        {partial
          ? `· this kernel could make ${fit.honoured} of these ${fit.asked} picks; FIFO at the others`
          : `· ${fit.asked} pick${fit.asked === 1 ? '' : 's'}, then FIFO`}
      </span>{' '}
      <button type="button" className="link" onClick={() => setSchedule([])} data-testid="schedule-reset">
        back to the default schedule
      </button>
    </div>
  );
}
