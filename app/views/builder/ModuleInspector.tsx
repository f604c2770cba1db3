/**
 * ModuleInspector.tsx - edits an ordinary module: name, symbols, the scripted init and exit
 * functions (print, sleep, return an errno, request_module) or a behaviour modelled in code, and
 * its module parameters.
 */
import { MODULE_MODEL_NAMES, type ModuleOp, type ModuleSpec } from '@engine';
import { useStore } from '../../store';
import { updateModule } from './docOps';
import { NameField, SymbolList, UsesPicker } from './InspectorFields';
import { OpsEditor } from './OpsEditor';
import { ParamsEditor } from './ParamsEditor';
import { ModelSelect } from './ModelSelect';
import { FieldProblem } from './FieldProblem';

export function ModuleInspector({ m, path }: { m: ModuleSpec; path: string }) {
  const edit = useStore((s) => s.builderEdit);
  const set = (f: (m: ModuleSpec) => ModuleSpec, field?: string) => edit((s) => updateModule(s, m.name, f), field && `module:${m.name}:${field}`);
  const init = m.init ?? [];
  const setInit = (next: ModuleOp[], field?: string) => set((x) => ({ ...x, init: next }), field);
  const setExit = (next: ModuleOp[], field?: string) => set((x) => ({ ...x, exit: next }), field);
  return (
    <>
      <NameField key={m.name} item={{ kind: 'module', name: m.name }} label="Module name" />
      <FieldProblem path={`${path}.name`} />
      <SymbolList label="exports" list={m.exports} onChange={(exports) => set(({ exports: _e, ...x }) => (exports ? { ...x, exports } : x))} testId="insp-exports" />
      <SymbolList label="imports" list={m.imports} onChange={(imports) => set(({ imports: _i, ...x }) => (imports ? { ...x, imports } : x))} testId="insp-imports" />
      <UsesPicker source={{ kind: 'module', name: m.name }} exclude={m.name} />
      <ModelSelect
        value={m.model}
        names={MODULE_MODEL_NAMES}
        onChange={(model) => set(({ model: _m, ...x }) => (model ? { ...x, model } : x))}
        path={`${path}.model`}
        note="Its init runs the modelled code (src/modules/): the init steps below are not run."
      />
      <fieldset className="insp-group">
        <legend>init function</legend>
        {init.length === 0 && <div className="muted">no init function: the load just succeeds</div>}
        <OpsEditor ops={init} module={m.name} fn="init" onChange={setInit} path={`${path}.init`} />
      </fieldset>
      <fieldset className="insp-group" data-testid="insp-exit">
        <legend>exit function</legend>
        <label className="insp-check">
          <input
            type="checkbox"
            checked={m.exit === null}
            onChange={(e) => set((x) => ({ ...x, exit: e.target.checked ? null : [{ print: `${x.name}_exit` }] }))}
            data-testid="insp-no-exit"
          />
          no exit function (rmmod refuses: the module stays)
        </label>
        {m.exit !== null && <OpsEditor ops={m.exit ?? []} module={m.name} fn="exit" onChange={setExit} path={`${path}.exit`} />}
      </fieldset>
      <ParamsEditor params={m.params} onChange={(params, field) => set(({ params: _p, ...x }) => (params ? { ...x, params } : x), field)} path={`${path}.params`} />
    </>
  );
}
