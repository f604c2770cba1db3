/**
 * ModuleDetails.tsx - the side panel of a focused module: where it lives, what it exports, its
 * closure and users as links, what its split livepatch must not import from, and Simulate.
 */
import { hazardRow, type KernelGraph } from '@engine';
import { useStore } from '../../store';
import { SimulatePanel } from './SimulatePanel';

const LIST = 40;

function Links({ names, testId }: { names: string[]; testId: string }) {
  const setKernelModule = useStore((s) => s.setKernelModule);
  if (names.length === 0) return <span className="muted">none</span>;
  return (
    <span className="mod-links" data-testid={testId}>
      {names.slice(0, LIST).map((n, i) => (
        <span key={n}>
          {i > 0 && ', '}
          <button type="button" className="link" onClick={() => setKernelModule(n)}>
            {n}
          </button>
        </span>
      ))}
      {names.length > LIST && <span className="muted"> +{names.length - LIST} more</span>}
    </span>
  );
}

export function ModuleDetails({ graph, module }: { graph: KernelGraph; module: string }) {
  const setKernelModule = useStore((s) => s.setKernelModule);
  const m = graph.byName.get(module)!;
  const row = hazardRow(graph, m);
  const blocked = m.dependents.filter((d) => graph.byName.get(d)!.exports.length > 0);
  return (
    <div className="kernel-sel" data-testid="kernel-selected" data-module={module}>
      <button type="button" className="link" onClick={() => setKernelModule(null)} data-testid="kernel-overview">
        ← overview
      </button>
      <h3>{module}</h3>
      <div className="argv">{m.path}</div>
      <p>
        <b>{m.exports.length}</b> exports{m.exports.length > 0 && <span className="muted">: {m.exports.slice(0, 6).join(', ')}{m.exports.length > 6 ? ', …' : ''}</span>}
      </p>
      <p>
        <span className="swatch dependency" /> loads first (modules.dep, {m.depends.length}): <Links names={m.depends} testId="kernel-closure" />
      </p>
      <p>
        <span className="swatch user" /> used by ({m.usedBy.length}
        {m.dependents.length > m.usedBy.length ? `, ${m.dependents.length} with indirect users` : ''}): <Links names={m.usedBy} testId="kernel-users" />
      </p>
      <div className={`hazard-note${row.blockedProviders ? ' is-bad' : ''}`} data-testid="kernel-hazard">
        {row.blockedProviders === 0 ? (
          <>A split livepatch of {module} can import from any module: nothing it could import depends on {module}.</>
        ) : (
          <>
            A split livepatch of {module} must not import from {m.exports.length > 0 && <>{module} itself (type B, {m.exports.length} symbols)</>}
            {m.exports.length > 0 && blocked.length > 0 && ' or '}
            {blocked.length > 0 && (
              <>
                the {blocked.length} user{blocked.length === 1 ? '' : 's'} that export something (type D, {row.blockedSymbols - m.exports.length} symbols, <span className="blocked-swatch" /> in the graph)
              </>
            )}
            : loading {module} would load <code>lp__{module}</code>, whose modprobe loads {module} again while it is COMING.
          </>
        )}
      </div>
      <SimulatePanel key={`${graph.kernel}:${module}`} graph={graph} module={module} />
    </div>
  );
}
