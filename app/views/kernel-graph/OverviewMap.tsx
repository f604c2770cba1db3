/**
 * OverviewMap.tsx - a kernel at a glance: its modules grouped by directory, one section per
 * top-level area, each group a tile with its module count. Picking a group shows, on the other
 * tiles, how many module links go between them ("provides": the picked group imports from this
 * one; "imports": this one imports from the picked group), and lists its modules beside. Plain
 * HTML: readable at any width, on screen at once for any kernel.
 */
import { useMemo } from 'react';
import type { GroupOverview } from '@engine';
import { linksOfGroup, overviewSections } from './overviewSections';

export function OverviewMap({ overview, selected, onSelect }: { overview: GroupOverview; selected: string | null; onSelect: (g: string | null) => void }) {
  const sections = useMemo(() => overviewSections(overview.groups), [overview]);
  const linked = useMemo(() => (selected ? linksOfGroup(overview.links, selected) : null), [overview, selected]);
  const biggest = overview.groups[0]?.modules.length ?? 1;
  return (
    <div className="overview-map" data-testid="kernel-overview" aria-label="Modules grouped by directory">
      {sections.map((s) => (
        <section key={s.area} className="area">
          <h3>
            {s.area}/ <span className="muted">{s.modules} modules</span>
          </h3>
          <div className="tiles">
            {s.groups.map((g) => {
              const l = linked?.get(g.id);
              const state = !selected ? '' : g.id === selected ? ' is-selected' : l ? ' is-linked' : ' is-dim';
              return (
                <button
                  type="button"
                  key={g.id}
                  className={`kgroup${state}`}
                  aria-pressed={g.id === selected}
                  onClick={() => onSelect(g.id === selected ? null : g.id)}
                  data-testid="kgroup"
                  data-group={g.id}
                >
                  <span className="kgroup-name" title={g.folded ? `${g.id} and ${g.folded} smaller subdirectories` : g.id}>
                    {g.id}
                    {g.folded > 0 && <span className="muted">{g.folded === 1 ? ' +1 subdir' : ` +${g.folded} subdirs`}</span>}
                  </span>
                  <span className="kgroup-count">
                    <b>{g.modules.length}</b> module{g.modules.length === 1 ? '' : 's'}
                    {g.used > 0 && <span className="muted"> · {g.used} used by others</span>}
                  </span>
                  <span className="kgroup-bar" style={{ width: `${Math.max(4, (100 * g.modules.length) / biggest)}%` }} />
                  {l && (
                    <span className="kgroup-links">
                      {l.uses > 0 && <span title={`${l.uses} modules of ${selected} import from modules here (module pairs)`}>provides {l.uses}</span>}
                      {l.usedBy > 0 && <span title={`${l.usedBy} modules here import from modules of ${selected} (module pairs)`}>imports {l.usedBy}</span>}
                    </span>
                  )}
                </button>
              );
            })}
          </div>
        </section>
      ))}
    </div>
  );
}
