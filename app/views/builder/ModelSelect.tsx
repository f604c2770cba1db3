/**
 * ModelSelect.tsx - picks one of the behaviours modelled in code (src/modules/) for a module or a
 * livepatch: the engine's list, never one spelled here.
 */
import { FieldProblem } from './FieldProblem';

export function ModelSelect({ value, names, onChange, path, note }: { value: string | undefined; names: readonly string[]; onChange: (v: string | undefined) => void; path: string; note: string }) {
  const unknown = value !== undefined && !names.includes(value);
  return (
    <div className="insp-field">
      <label>
        modelled behaviour
        <select value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)} data-testid="insp-model">
          <option value="">none</option>
          {unknown && <option value={value}>{value} (unknown)</option>}
          {names.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      {value && <div className="muted">{note}</div>}
      <FieldProblem path={path} />
    </div>
  );
}
