/**
 * OverviewSide.tsx - beside the overview: what the kernel is, its heaviest links between
 * directories, and the modules of the group picked on the map (most used first).
 */
import type { GroupOverview, KernelGraph } from '@engine';
import { useStore } from '../../store';

export function OverviewSide({ graph, overview, group, onGroup }: { graph: KernelGraph; overview: GroupOverview; group: string | null; onGroup: (g: string | null) => void }) {
  const setKernelModule = useStore((s) => s.setKernelModule);
  const g = group ? overview.groups.find((x) => x.id === group) : undefined;
  const links = group ? overview.links.filter((l) => l.source === group || l.target === group) : overview.links.slice(0, 8);
  const modules = g ? [...g.modules].sort((a, b) => graph.byName.get(b)!.usedBy.length - graph.byName.get(a)!.usedBy.length || a.localeCompare(b)) : [];
  return (
    <div data-testid="kernel-overview-side">
      <p>
        <b>{graph.modules.length}</b> modules of <code>{graph.kernel}</code> in <b>{overview.groups.length}</b> directory groups (small directories folded into their parent). Pick a group,
        or find a module above.
      </p>
      {g && (
        <div className="group-detail" data-testid="group-detail">
          <h3>
            {g.id} <span className="muted">({g.modules.length})</span>
          </h3>
          <ul className="matches">
            {modules.map((n) => {
              const m = graph.byName.get(n)!;
              return (
                <li key={n}>
                  <button type="button" className="link mono" onClick={() => setKernelModule(n)}>
                    {n}
                  </button>{' '}
                  {m.usedBy.length > 0 && <span className="muted">used by {m.usedBy.length}</span>}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <h4>{g ? `Links of ${g.id}` : 'Heaviest links'} (module pairs)</h4>
      <ul className="matches link-list">
        {links.map((l) => (
          <li key={`${l.source}>${l.target}`}>
            <button type="button" className="link mono" onClick={() => onGroup(l.source)}>
              {l.source}
            </button>{' '}
            →{' '}
            <button type="button" className="link mono" onClick={() => onGroup(l.target)}>
              {l.target}
            </button>{' '}
            <span className="muted">{l.count}</span>
          </li>
        ))}
        {links.length === 0 && <li className="muted">none: its modules use only vmlinux and each other</li>}
      </ul>
    </div>
  );
}
