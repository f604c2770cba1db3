/**
 * KernelGraphView.tsx - real kernels: a shipped Debian kernel or a graph file opened by the user
 * (made with `klp import-kernel`). Opens on an overview of the modules grouped by directory;
 * picking a module (`#view=kernel&module=nf_tables`) shows its neighbourhood, what a split
 * livepatch of it must not import, and Simulate. The hazard table covers the whole kernel.
 */
import { useMemo, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { groupByDirectory, searchModules, type KernelGraph } from '@engine';
import { useStore } from '../../store';
import { Panel } from '../../components/Panel';
import { FILE_GRAPH_ID } from '../../store/kernelSlice';
import { SHIPPED_GRAPHS } from './shippedGraphs';
import { useKernelGraph } from './useKernelGraph';
import { DropZone, FilePicker, useGraphFile } from './GraphFileOpen';
import { OverviewMap } from './OverviewMap';
import { OverviewSide } from './OverviewSide';
import { FocusGraph } from './FocusGraph';
import { ModuleDetails } from './ModuleDetails';
import { HazardTable } from './HazardTable';

/** The overview stays readable: at most this many directory groups. */
const MAX_GROUPS = 120;

function Search({ graph }: { graph: KernelGraph }) {
  const setKernelModule = useStore((s) => s.setKernelModule);
  const setKernelTab = useStore((s) => s.setKernelTab);
  const [q, setQ] = useState('');
  const hits = q.trim() ? searchModules(graph, q, 10) : [];
  const pick = (n: string) => {
    setKernelModule(n);
    setKernelTab('graph');
    setQ('');
  };
  return (
    <div className="kernel-search">
      <input
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && hits[0]) pick(hits[0]);
        }}
        placeholder="Find a module, e.g. nf_tables"
        aria-label="Find a module"
        data-testid="kernel-search"
      />
      {hits.length > 0 && (
        <ul className="search-hits" role="listbox" aria-label="Matching modules">
          {hits.map((n) => (
            <li key={n}>
              <button type="button" onClick={() => pick(n)} data-testid="kernel-search-hit">
                {n} <span className="muted">{graph.byName.get(n)!.dir}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Body({ graph, graphKey, text }: { graph: KernelGraph; graphKey: string; text: string }) {
  const module = useStore((s) => s.kernelModule);
  const tab = useStore((s) => s.kernelTab);
  const setKernelModule = useStore((s) => s.setKernelModule);
  const overview = useMemo(() => groupByDirectory(graph, { maxGroups: MAX_GROUPS }), [graph]);
  const [group, setGroup] = useState<{ key: string; id: string | null }>({ key: graphKey, id: null });
  const selectedGroup = group.key === graphKey ? group.id : null;
  const focus = module && graph.byName.has(module) ? module : null;
  if (tab === 'hazards') return <HazardTable graph={graph} graphKey={graphKey} text={text} />;
  return (
    <>
      {module && !focus && (
        <div className="kernel-error" role="alert" data-testid="kernel-missing">
          No module <code>{module}</code> in {graph.kernel}: showing the overview.{' '}
          <button type="button" className="link" onClick={() => setKernelModule(null)}>
            dismiss
          </button>
        </div>
      )}
      <div className="kernel-body">
        <aside className="kernel-side">
          {focus ? (
            <ModuleDetails graph={graph} module={focus} />
          ) : (
            <OverviewSide graph={graph} overview={overview} group={selectedGroup} onGroup={(id) => setGroup({ key: graphKey, id })} />
          )}
        </aside>
        {focus ? (
          <div className="flow-wrap" data-testid="kernel-graph" data-mode="focus" data-module={focus}>
            <ReactFlowProvider>
              <FocusGraph graph={graph} module={focus} />
            </ReactFlowProvider>
            <div className="focus-legend">
              <span className="swatch dependency" /> loads first <span className="swatch self" /> selected <span className="swatch user" /> users <span className="blocked-swatch" /> lp__{focus} cannot
              import from it · arrows: imports from
            </div>
          </div>
        ) : (
          <OverviewMap overview={overview} selected={selectedGroup} onSelect={(id) => setGroup({ key: graphKey, id })} />
        )}
      </div>
    </>
  );
}

export function KernelGraphView() {
  const state = useKernelGraph();
  const graphId = useStore((s) => s.kernelGraphId);
  const file = useStore((s) => s.kernelFile);
  const tab = useStore((s) => s.kernelTab);
  const setKernelGraph = useStore((s) => s.setKernelGraph);
  const setKernelModule = useStore((s) => s.setKernelModule);
  const setKernelTab = useStore((s) => s.setKernelTab);
  const { open, error, clear } = useGraphFile();
  const ready = state.status === 'ready' ? state : null;
  const hint = ready ? ready.graph.source || ready.graph.kernel : state.status === 'loading' ? `loading ${state.label}…` : '';
  return (
    <DropZone onFile={open}>
      <Panel title="Real kernels" hint={hint} testId="panel-kernel" className="panel-kernel">
        <div className="kernel-toolbar">
          <select
            value={graphId}
            onChange={(e) => {
              setKernelModule(null);
              setKernelGraph(e.target.value);
            }}
            aria-label="Kernel"
            data-testid="kernel-choice"
          >
            {SHIPPED_GRAPHS.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label} ({g.modules} modules)
              </option>
            ))}
            {file && <option value={FILE_GRAPH_ID}>{file.name} (your file)</option>}
          </select>
          <FilePicker onFile={open} />
          {ready && <Search graph={ready.graph} />}
          <nav className="view-tabs kernel-tabs" aria-label="Kernel view">
            <button type="button" aria-pressed={tab === 'graph'} onClick={() => setKernelTab('graph')} data-testid="kernel-tab-graph">
              Graph
            </button>
            <button type="button" aria-pressed={tab === 'hazards'} onClick={() => setKernelTab('hazards')} data-testid="kernel-tab-hazards">
              Hazards
            </button>
          </nav>
        </div>
        {error && (
          <div className="kernel-error" role="alert" data-testid="graph-file-error">
            <b>Could not open the graph:</b> {error}{' '}
            <button type="button" className="link" onClick={clear}>
              dismiss
            </button>
          </div>
        )}
        {state.status === 'loading' && <div className="flow-status">Loading {state.label}…</div>}
        {state.status === 'error' && <div className="flow-status is-error">Could not load the module graph: {state.message}</div>}
        {ready && <Body graph={ready.graph} graphKey={ready.key} text={ready.text} />}
      </Panel>
    </DropZone>
  );
}
