/**
 * LivepatchInspector.tsx - edits a livepatch: name, callbacks, replace, the modules it patches
 * and, per object (vmlinux first), its functions, symbols and [S] init delay.
 */
import { useState } from 'react';
import { LIVEPATCH_MODEL_NAMES, type LivepatchObjectSpec, type LivepatchSpec } from '@engine';
import { useStore } from '../../store';
import { updateLivepatch } from './docOps';
import { connect } from './connect';
import { NameField, SecondsInput, SymbolList, UsesPicker } from './InspectorFields';
import { ParamsEditor } from './ParamsEditor';
import { ModelSelect } from './ModelSelect';
import { StatesEditor } from './StatesEditor';
import { FieldProblem } from './FieldProblem';

type ListKey = 'funcs' | 'imports' | 'exports';

function PatchPicker({ p }: { p: LivepatchSpec }) {
  const modules = useStore((s) => s.builder.present.modules);
  const edit = useStore((s) => s.builderEdit);
  const free = modules.filter((m) => !p.objects.some((o) => o.name === m.name));
  const [pick, setPick] = useState('');
  const chosen = free.some((m) => m.name === pick) ? pick : (free[0]?.name ?? '');
  if (!modules.length) return <div className="muted">Add a module to patch it.</div>;
  return (
    <div className="insp-row">
      <select value={chosen} onChange={(e) => setPick(e.target.value)} aria-label="module to patch" data-testid="patch-select" disabled={!free.length}>
        {free.map((m) => (
          <option key={m.name} value={m.name}>
            {m.name}
          </option>
        ))}
        {!free.length && <option value="">every module is patched</option>}
      </select>
      <button
        type="button"
        disabled={!chosen}
        onClick={() => edit((s) => connect(s, { kind: 'patch', patch: p.name }, { kind: 'module', name: chosen }))}
        data-testid="patch-add"
      >
        patch it
      </button>
    </div>
  );
}

export function LivepatchInspector({ p, path }: { p: LivepatchSpec; path: string }) {
  const edit = useStore((s) => s.builderEdit);
  const set = (f: (p: LivepatchSpec) => LivepatchSpec, field?: string) => edit((s) => updateLivepatch(s, p.name, f), field && `livepatch:${p.name}:${field}`);
  const setObj = (name: string, f: (o: LivepatchObjectSpec) => LivepatchObjectSpec, field?: string) =>
    set((x) => ({ ...x, objects: x.objects.map((o) => (o.name === name ? f(o) : o)) }), field && `${name}:${field}`);
  const setList = (name: string, key: ListKey, next: string[] | undefined) =>
    setObj(name, (o) => {
      const { [key]: _old, ...rest } = o;
      return next ? { ...rest, [key]: next } : rest;
    });
  return (
    <>
      <NameField key={p.name} item={{ kind: 'livepatch', name: p.name }} label="Patch name" />
      <FieldProblem path={`${path}.name`} />
      <label className="insp-field">
        callbacks
        <select value={p.callbacks ?? 'none'} onChange={(e) => set((x) => ({ ...x, callbacks: e.target.value as 'print' | 'none' }))} data-testid="insp-callbacks">
          <option value="print">print (like test_klp_callbacks_demo)</option>
          <option value="none">none</option>
        </select>
      </label>
      <label className="insp-check">
        <input type="checkbox" checked={!!p.replace} onChange={(e) => set(({ replace: _r, ...x }) => (e.target.checked ? { ...x, replace: true } : x))} />
        replace (atomic replace of older patches)
      </label>
      <ModelSelect
        value={p.model}
        names={LIVEPATCH_MODEL_NAMES}
        onChange={(model) => set(({ model: _m, ...x }) => (model ? { ...x, model } : x))}
        path={`${path}.model`}
        note="Its callbacks run the modelled code (src/modules/) instead of printing."
      />
      <StatesEditor states={p.states} onChange={(states, field) => set(({ states: _s, ...x }) => (states ? { ...x, states } : x), field)} path={`${path}.states`} />
      <ParamsEditor params={p.params} onChange={(params, field) => set(({ params: _p, ...x }) => (params ? { ...x, params } : x), field)} path={`${path}.params`} />
      <PatchPicker p={p} />
      <FieldProblem path={`${path}.objects`} />
      {p.objects.map((o, i) => (
        <fieldset key={o.name} className="insp-group" data-testid="insp-object" data-object={o.name}>
          <legend>
            object <b>{o.name}</b>
            {i > 0 && <span className="muted"> (split: module {p.name}__{o.name})</span>}
          </legend>
          {i > 0 && <SymbolList label="funcs (replaced functions)" list={o.funcs} onChange={(v) => setList(o.name, 'funcs', v)} testId="insp-funcs" />}
          <SymbolList label="exports" list={o.exports} onChange={(v) => setList(o.name, 'exports', v)} testId="insp-obj-exports" />
          <SymbolList label="imports" list={o.imports} onChange={(v) => setList(o.name, 'imports', v)} testId="insp-obj-imports" />
          <UsesPicker source={{ kind: 'object', patch: p.name, object: o.name }} />
          {i > 0 && (
            <>
              <SecondsInput
                label="[S] init delay before klp_add_object() (s)"
                value={o.initDelay}
                onChange={(v) => setObj(o.name, ({ initDelay: _d, ...x }) => (v === undefined ? x : { ...x, initDelay: v }), 'initDelay')}
              />
              <button type="button" className="link" onClick={() => set((x) => ({ ...x, objects: x.objects.filter((y) => y.name !== o.name) }))}>
                stop patching {o.name}
              </button>
            </>
          )}
        </fieldset>
      ))}
    </>
  );
}
