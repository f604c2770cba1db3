/**
 * InspectorFields.tsx - the inspector's small editors: a name committed on Enter or blur (a name
 * is an identity, half-typed ones must not rename anything), symbol lists with instant checks,
 * and a "uses a symbol of" picker that does what drawing an edge does.
 */
import { useState } from 'react';
import { useStore } from '../../store';
import { SYMBOL, type ItemRef } from './builderDoc';
import { connect, type Source } from './connect';
import { MAX_SCENARIO_SECONDS } from '@engine';

/** Rename field: Enter or leaving the field renames; Escape restores; refusals show under it. */
export function NameField({ item, label }: { item: ItemRef; label: string }) {
  const rename = useStore((s) => s.builderRename);
  const [draft, setDraft] = useState(item.name);
  const [error, setError] = useState<string | null>(null);
  const commit = () => setError(draft === item.name ? null : rename(item, draft));
  return (
    <div className="insp-field">
      <label>
        {label}
        <input
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            setError(null);
          }}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') {
              setDraft(item.name);
              setError(null);
            }
          }}
          aria-invalid={!!error}
          data-testid="insp-name"
          spellCheck={false}
        />
      </label>
      {error && (
        <div className="insp-error" role="alert" data-testid="insp-name-error">
          {error}
        </div>
      )}
    </div>
  );
}

/** A list of symbols: each removable, a new one added when it is a C identifier. */
export function SymbolList({ label, list, onChange, testId }: { label: string; list: string[] | undefined; onChange: (next: string[] | undefined) => void; testId: string }) {
  const [draft, setDraft] = useState('');
  const items = list ?? [];
  const bad = draft !== '' && !SYMBOL.test(draft);
  const dup = items.includes(draft);
  const add = () => {
    if (!draft || bad || dup) return;
    onChange([...items, draft]);
    setDraft('');
  };
  return (
    <div className="insp-field" data-testid={testId}>
      <span className="insp-label">{label}</span>
      <div className="chips">
        {items.map((x) => (
          <span key={x} className="chip">
            <code>{x}</code>
            <button type="button" className="chip-x" aria-label={`remove ${x}`} onClick={() => onChange(items.length > 1 ? items.filter((y) => y !== x) : undefined)}>
              ×
            </button>
          </span>
        ))}
        {items.length === 0 && <span className="muted">none</span>}
      </div>
      <div className="insp-row">
        <input
          value={draft}
          placeholder="symbol"
          aria-label={`new ${label} symbol`}
          onChange={(e) => setDraft(e.target.value.trim())}
          onKeyDown={(e) => e.key === 'Enter' && add()}
          aria-invalid={bad}
          spellCheck={false}
        />
        <button type="button" onClick={add} disabled={!draft || bad || dup}>
          add
        </button>
      </div>
      {bad && <div className="insp-error">not a C identifier</div>}
    </div>
  );
}

/** "Uses a symbol of X": the click alternative to drawing an edge from this source to X. */
export function UsesPicker({ source, exclude }: { source: Source; exclude?: string }) {
  const doc = useStore((s) => s.builder.present);
  const edit = useStore((s) => s.builderEdit);
  const options = [
    ...doc.modules.filter((m) => m.name !== exclude).map((m) => ({ value: `module:${m.name}`, label: `module ${m.name}` })),
    ...doc.livepatches
      .filter((p) => !(source.kind === 'object' && source.object === 'vmlinux' && source.patch === p.name))
      .map((p) => ({ value: `livepatch:${p.name}`, label: `livepatch ${p.name} (its vmlinux object)` })),
  ];
  const [pick, setPick] = useState('');
  const chosen = options.some((o) => o.value === pick) ? pick : '';
  if (!options.length) return null;
  const use = () => {
    const [kind, name] = [chosen.slice(0, chosen.indexOf(':')), chosen.slice(chosen.indexOf(':') + 1)];
    if (!name) return;
    edit((s) => connect(s, source, kind === 'module' ? { kind: 'module', name } : { kind: 'livepatch', patch: name }));
  };
  return (
    <div className="insp-row">
      <select value={chosen} onChange={(e) => setPick(e.target.value)} aria-label="uses a symbol of" data-testid="uses-select">
        <option value="">uses a symbol of…</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <button type="button" onClick={use} disabled={!chosen} data-testid="uses-add">
        connect
      </button>
    </div>
  );
}

/** A number of seconds, or absent when emptied. */
export function SecondsInput({ value, onChange, label, testId }: { value: number | undefined; onChange: (v: number | undefined) => void; label: string; testId?: string }) {
  return (
    <label className="insp-field">
      {label}
      <input
        type="number"
        min={0}
        max={MAX_SCENARIO_SECONDS}
        step="any"
        value={value ?? ''}
        placeholder="0"
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        data-testid={testId}
      />
    </label>
  );
}
