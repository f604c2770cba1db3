/**
 * ParamsEditor.tsx - a module's or livepatch's module parameters (module_param(): int, bool, or an
 * int array; perm 0 hides the /sys/module/NAME/parameters/ file), as the scenario holds them.
 */
import { useState } from 'react';
import type { ModuleParamSpec } from '@engine';
import { SYMBOL } from './builderDoc';
import { FieldProblem } from './FieldProblem';

type Params = Record<string, ModuleParamSpec>;
const TYPES: ModuleParamSpec['type'][] = ['int', 'bool', 'intarray'];
const DEFAULTS: Record<ModuleParamSpec['type'], string> = { int: '0', bool: 'N', intarray: '' };

export function ParamsEditor({ params, onChange, path }: { params: Params | undefined; onChange: (p: Params | undefined, field?: string) => void; path: string }) {
  const [draft, setDraft] = useState('');
  const entries = Object.entries(params ?? {});
  const bad = draft !== '' && !SYMBOL.test(draft);
  const dup = entries.some(([n]) => n === draft);
  const setOne = (name: string, spec: ModuleParamSpec, field?: string) => onChange({ ...params, [name]: spec }, field && `param:${name}:${field}`);
  const add = () => {
    if (!draft || bad || dup) return;
    onChange({ ...params, [draft]: { type: 'int', default: DEFAULTS.int } });
    setDraft('');
  };
  return (
    <fieldset className="insp-group" data-testid="insp-params">
      <legend>module parameters</legend>
      {entries.length === 0 && <div className="muted">none</div>}
      {entries.map(([name, spec]) => (
        <div key={name} className="insp-row insp-param" data-testid="insp-param" data-param={name}>
          <code className="param-name">{name}</code>
          <select
            value={spec.type}
            onChange={(e) => {
              const type = e.target.value as ModuleParamSpec['type'];
              setOne(name, { ...spec, type, default: DEFAULTS[type] });
            }}
            aria-label={`${name} type`}
          >
            {TYPES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          <input
            value={spec.default}
            onChange={(e) => setOne(name, { ...spec, default: e.target.value }, 'default')}
            aria-label={`${name} default`}
            placeholder={spec.type === 'intarray' ? '1,2,3' : 'default'}
            className="mono"
            spellCheck={false}
            data-testid="param-default"
          />
          <label className="insp-check" title="perm 0: no file under /sys/module/NAME/parameters/">
            <input
              type="checkbox"
              checked={!!spec.hidden}
              onChange={(e) => {
                const { hidden: _h, ...rest } = spec;
                setOne(name, e.target.checked ? { ...rest, hidden: true } : rest);
              }}
            />
            hidden
          </label>
          <button
            type="button"
            className="chip-x"
            aria-label={`remove parameter ${name}`}
            onClick={() => {
              const { [name]: _gone, ...rest } = params ?? {};
              onChange(Object.keys(rest).length ? rest : undefined);
            }}
          >
            ×
          </button>
        </div>
      ))}
      <div className="insp-row">
        <input
          value={draft}
          placeholder="parameter name"
          aria-label="new parameter name"
          onChange={(e) => setDraft(e.target.value.trim())}
          onKeyDown={(e) => e.key === 'Enter' && add()}
          aria-invalid={bad || dup}
          spellCheck={false}
          data-testid="param-new"
        />
        <button type="button" onClick={add} disabled={!draft || bad || dup} data-testid="param-add">
          add parameter
        </button>
      </div>
      {bad && <div className="insp-error">not a C identifier</div>}
      {dup && <div className="insp-error">{draft} is already a parameter</div>}
      <FieldProblem path={path} />
    </fieldset>
  );
}
