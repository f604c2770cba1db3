/**
 * OpsEditor.tsx - a scripted init or exit function: print, sleep, return an errno, request_module
 * ([S] the simulator's vocabulary for a module's code, see src/model/scenario.ts).
 */
import { ERRNO, MAX_SCENARIO_SECONDS, type ModuleOp } from '@engine';
import { FieldProblem } from './FieldProblem';

type OpKind = 'print' | 'sleep' | 'return' | 'request_module';
const OP_KINDS: OpKind[] = ['print', 'sleep', 'return', 'request_module'];
const ERRNO_NAMES = Object.keys(ERRNO);

const kindOf = (op: ModuleOp): OpKind => Object.keys(op)[0] as OpKind;

function defaultOp(kind: OpKind, module: string, fn: 'init' | 'exit'): ModuleOp {
  if (kind === 'print') return { print: `${module}_${fn}` };
  if (kind === 'sleep') return { sleep: 1 };
  if (kind === 'return') return { return: 'ENODEV' };
  return { request_module: 'M1' };
}

function OpEditor({ op, module, onChange }: { op: ModuleOp; module: string; onChange: (op: ModuleOp) => void }) {
  if ('print' in op) return <input value={op.print} onChange={(e) => onChange({ print: e.target.value })} aria-label="text to print" />;
  if ('sleep' in op)
    return (
      <input
        type="number"
        min={0}
        max={MAX_SCENARIO_SECONDS}
        step="any"
        value={op.sleep}
        // An unfinished number reads as '' here: keep the last one rather than save NaN.
        onChange={(e) => e.target.value !== '' && Number.isFinite(Number(e.target.value)) && onChange({ sleep: Number(e.target.value) })}
        aria-label="seconds to sleep"
      />
    );
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

export function OpsEditor({
  ops,
  module,
  fn,
  onChange,
  path,
}: {
  ops: ModuleOp[];
  module: string;
  fn: 'init' | 'exit';
  onChange: (next: ModuleOp[], field?: string) => void;
  path: string;
}) {
  return (
    <>
      <ol className="insp-ops">
        {ops.map((op, i) => (
          <li key={i} className="insp-row" data-testid={`${fn}-step`}>
            <select
              value={kindOf(op)}
              onChange={(e) => onChange(ops.map((o, j) => (j === i ? defaultOp(e.target.value as OpKind, module, fn) : o)))}
              aria-label={`${fn} step ${i + 1} kind`}
            >
              {OP_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
            <OpEditor op={op} module={module} onChange={(next) => onChange(ops.map((o, j) => (j === i ? next : o)), `${fn}:${i}`)} />
            <button type="button" className="chip-x" aria-label={`remove ${fn} step ${i + 1}`} onClick={() => onChange(ops.filter((_o, j) => j !== i))}>
              ×
            </button>
          </li>
        ))}
      </ol>
      <div className="insp-row">
        {OP_KINDS.map((k) => (
          <button key={k} type="button" onClick={() => onChange([...ops, defaultOp(k, module, fn)])} data-testid={fn === 'init' ? `add-step-${k}` : `add-exit-step-${k}`}>
            + {k}
          </button>
        ))}
      </div>
      <FieldProblem path={path} />
    </>
  );
}
