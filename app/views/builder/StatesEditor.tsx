/**
 * StatesEditor.tsx - a livepatch's system states (struct klp_state: id and version), which
 * klp_is_patch_compatible() checks against the patches already installed.
 */
import type { LivepatchSpec } from '@engine';
import { NumberField } from './NumberField';
import { FieldProblem } from './FieldProblem';

type States = NonNullable<LivepatchSpec['states']>;

export function StatesEditor({ states, onChange, path }: { states: States | undefined; onChange: (s: States | undefined, field?: string) => void; path: string }) {
  const list = states ?? [];
  const setAt = (i: number, next: States[number], field: string) => onChange(list.map((s, j) => (j === i ? next : s)), `state:${i}:${field}`);
  return (
    <fieldset className="insp-group" data-testid="insp-states">
      <legend>klp_state (system states)</legend>
      {list.length === 0 && <div className="muted">none</div>}
      {list.map((st, i) => (
        <div key={i} className="insp-row" data-testid="insp-state">
          <NumberField label="id" value={st.id} onChange={(id) => setAt(i, { ...st, id }, 'id')} testId="state-id" />
          <NumberField label="version" value={st.version} onChange={(version) => setAt(i, { ...st, version }, 'version')} testId="state-version" />
          <button type="button" className="chip-x" aria-label={`remove state ${i + 1}`} onClick={() => onChange(list.length > 1 ? list.filter((_s, j) => j !== i) : undefined)}>
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => onChange([...list, { id: list.reduce((m, s) => Math.max(m, s.id + 1), 1), version: 1 }])}
        data-testid="state-add"
      >
        + state
      </button>
      <FieldProblem path={path} />
    </fieldset>
  );
}
