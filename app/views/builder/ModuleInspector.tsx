/**
 * ModuleInspector.tsx - edits an ordinary module: name, symbols, the scripted init function
 * (print, sleep, return an errno, request_module) and whether it has an exit function.
 */
import { ERRNO, MAX_SCENARIO_SECONDS, type ModuleOp, type ModuleSpec } from '@engine';
import { useStore } from '../../store';
import { updateModule } from './docOps';
import { NameField, SymbolList, UsesPicker } from './InspectorFields';

type OpKind = 'print' | 'sleep' | 'return' | 'request_module';
const OP_KINDS: OpKind[] = ['print', 'sleep', 'return', 'request_module'];
const ERRNO_NAMES = Object.keys(ERRNO);

const kindOf = (op: ModuleOp): OpKind => Object.keys(op)[0] as OpKind;

function defaultOp(kind: OpKind, module: string): ModuleOp {
  if (kind === 'print') return { print: `${module}_init` };
  if (kind === 'sleep') return { sleep: 1 };
  if (kind === 'return') return { return: 'ENODEV' };
  return { request_module: 'M1' };
}

function OpEditor({ op, module, onChange }: { op: ModuleOp; module: string; onChange: (op: ModuleOp) => void }) {
  if ('print' in op) return <input value={op.print} onChange={(e) => onChange({ print: e.target.value })} aria-label="text to print" />;
  if ('sleep' in op)
    return <input type="number" min={0} max={MAX_SCENARIO_SECONDS} step="any" value={op.sleep} onChange={(e) => onChange({ sleep: Number(e.target.value) })} aria-label="seconds to sleep" />;
  if ('return' in op)
    return (
      <select value={String(op.return).replace(/^-/, '')} onChange={(e) => onChange({ return: e.target.value })} aria-label="errno to return">
        {typeof op.return === 'number' && <option value={String(op.return)}>{op.return}</option>}
        {ERRNO_NAMES.map((n) => (
          <option key={n} value={n}>
            -{n}
          </option>
        ))}
      </select>
    );
  return <input value={op.request_module} onChange={(e) => onChange({ request_module: e.target.value })} aria-label="module to request" placeholder={module} spellCheck={false} />;
}

export function ModuleInspector({ m }: { m: ModuleSpec }) {
  const edit = useStore((s) => s.builderEdit);
  const set = (f: (m: ModuleSpec) => ModuleSpec, field?: string) => edit((s) => updateModule(s, m.name, f), field && `module:${m.name}:${field}`);
  const init = m.init ?? [];
  const setInit = (next: ModuleOp[], field?: string) => set((x) => ({ ...x, init: next }), field);
  return (
    <>
      <NameField key={m.name} item={{ kind: 'module', name: m.name }} label="Module name" />
      <SymbolList label="exports" list={m.exports} onChange={(exports) => set(({ exports: _e, ...x }) => (exports ? { ...x, exports } : x))} testId="insp-exports" />
      <SymbolList label="imports" list={m.imports} onChange={(imports) => set(({ imports: _i, ...x }) => (imports ? { ...x, imports } : x))} testId="insp-imports" />
      <UsesPicker source={{ kind: 'module', name: m.name }} exclude={m.name} />
      <fieldset className="insp-group">
        <legend>init function</legend>
        {init.length === 0 && <div className="muted">no init function: the load just succeeds</div>}
        <ol className="insp-ops">
          {init.map((op, i) => (
            <li key={i} className="insp-row" data-testid="init-step">
              <select
                value={kindOf(op)}
                onChange={(e) => setInit(init.map((o, j) => (j === i ? defaultOp(e.target.value as OpKind, m.name) : o)))}
                aria-label={`step ${i + 1} kind`}
              >
                {OP_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
              <OpEditor op={op} module={m.name} onChange={(next) => setInit(init.map((o, j) => (j === i ? next : o)), `init:${i}`)} />
              <button type="button" className="chip-x" aria-label={`remove step ${i + 1}`} onClick={() => setInit(init.filter((_o, j) => j !== i))}>
                ×
              </button>
            </li>
          ))}
        </ol>
        <div className="insp-row">
          {OP_KINDS.map((k) => (
            <button key={k} type="button" onClick={() => setInit([...init, defaultOp(k, m.name)])} data-testid={`add-step-${k}`}>
              + {k}
            </button>
          ))}
        </div>
      </fieldset>
      <label className="insp-check">
        <input
          type="checkbox"
          checked={m.exit === null}
          onChange={(e) => set((x) => ({ ...x, exit: e.target.checked ? null : [{ print: `${x.name}_exit` }] }))}
          data-testid="insp-no-exit"
        />
        no exit function (rmmod refuses: the module stays)
      </label>
    </>
  );
}
