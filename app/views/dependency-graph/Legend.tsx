/**
 * Legend.tsx - what the edge colours and node states of the dependency graph mean.
 */
import type { DepType } from '@engine';
import { DEP_STYLE } from './depStyle';

const ORDER: DepType[] = ['A', 'B', 'C', 'D', 'plain', 'implicit', 'patches'];
const STATES = ['UNFORMED', 'COMING', 'LIVE', 'GOING'] as const;

export function Legend({ present }: { present: Set<DepType> }) {
  const shown = ORDER.filter((t) => ['A', 'B', 'C', 'D'].includes(t) || present.has(t));
  return (
    <div className="legend" data-testid="dep-legend" aria-label="Legend">
      <ul className="legend-edges">
        {shown.map((t) => {
          const st = DEP_STYLE[t];
          return (
            <li key={t} className={present.has(t) ? '' : 'is-unused'} title={`${st.name}: ${st.meaning}`}>
              <svg width="26" height="8" aria-hidden>
                <line x1="1" y1="4" x2="25" y2="4" stroke={st.color} strokeWidth="2.5" strokeDasharray={st.dash} />
              </svg>
              <b>{st.name}</b> <span>{st.short}</span>
            </li>
          );
        })}
      </ul>
      <div className="legend-states">
        {STATES.map((s) => (
          <span key={s} className={`state-pill st-${s.toLowerCase()}`}>
            {s}
          </span>
        ))}
        <span className="state-pill st-absent">not loaded</span>
      </div>
    </div>
  );
}
