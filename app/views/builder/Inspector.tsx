/**
 * Inspector.tsx - the side panel for the selected item: its editor and a Delete that also drops
 * the references to it (undoable like every edit).
 */
import { useStore } from '../../store';
import { taskLabel } from './builderDoc';
import { ModuleInspector } from './ModuleInspector';
import { LivepatchInspector } from './LivepatchInspector';
import { TaskInspector } from './TaskInspector';
import { KernelSettings } from './KernelSettings';

export function Inspector() {
  const doc = useStore((s) => s.builder.present);
  const sel = useStore((s) => s.builderSelection);
  const remove = useStore((s) => s.builderDelete);
  const m = sel?.kind === 'module' ? doc.modules.find((x) => x.name === sel.name) : undefined;
  const p = sel?.kind === 'livepatch' ? doc.livepatches.find((x) => x.name === sel.name) : undefined;
  const ti = sel?.kind === 'task' ? doc.tasks.findIndex((_t, i) => taskLabel(doc, i) === sel.name) : -1;
  const found = m || p || ti >= 0;
  const mi = m ? doc.modules.indexOf(m) : -1;
  const pi = p ? doc.livepatches.indexOf(p) : -1;
  return (
    <aside className="builder-inspector" aria-label="Inspector" data-testid="builder-inspector">
      {!sel || !found ? (
        <>
          <p className="muted">Select an item on the canvas to edit it. Draw an edge from an item’s right handle to a module: the first uses a symbol the second exports. From a livepatch’s header, the edge makes it patch the module.</p>
          <KernelSettings />
        </>
      ) : (
        <>
          <div className="insp-title">
            <span className="bnode-kind">{sel.kind}</span>
            <button type="button" className="danger" onClick={() => remove(sel)} data-testid="insp-delete">
              Delete {sel.name}
            </button>
          </div>
          {m && <ModuleInspector m={m} path={`modules[${mi}]`} />}
          {p && <LivepatchInspector p={p} path={`livepatches[${pi}]`} />}
          {ti >= 0 && <TaskInspector t={doc.tasks[ti]} label={sel.name} path={`tasks[${ti}]`} />}
        </>
      )}
    </aside>
  );
}
