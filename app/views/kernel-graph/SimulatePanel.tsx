/**
 * SimulatePanel.tsx - "Simulate" on a selected module: pick what its split livepatch's
 * per-object module lp__M imports (by default what M itself imports from other modules), see the
 * dependency type A-D of each import and whether it recurses before running, then open the
 * scenario in the playground or in the Build view.
 */
import { useMemo, useState } from 'react';
import { classifyImport, defaultImports, importCandidates, scenarioFromModule, type KernelGraph } from '@engine';
import { buildScenario, playScenario } from './openScenario';

const SHOWN = 6;

const RELATION: Record<string, string> = {
  self: 'its own exports',
  dependent: 'a user of it',
  dependency: 'a dependency',
  unrelated: 'unrelated',
  vmlinux: 'vmlinux (what it calls)',
};

function Provider({ g, picked, toggle, query }: { g: ReturnType<typeof importCandidates>[number]; picked: Set<string>; toggle: (s: string) => void; query: string }) {
  const [all, setAll] = useState(false);
  const matching = query ? g.symbols.filter((s) => s.includes(query)) : g.symbols;
  const syms = all || query ? matching : matching.slice(0, SHOWN);
  if (matching.length === 0) return null;
  return (
    <li className={`cand${g.hazard ? ' is-hazard' : ''}`}>
      <div className="cand-head">
        <span className={`dep-type t-${g.type}`}>{g.type}</span> <code>{g.provider}</code> <span className="muted">{RELATION[g.relation]}</span>
        {g.hazard && <span className="badge bad">recursion</span>}
      </div>
      <div className="cand-syms">
        {syms.map((s) => (
          <label key={s}>
            <input type="checkbox" checked={picked.has(s)} onChange={() => toggle(s)} data-testid="import-choice" data-symbol={s} /> <code>{s}</code>
          </label>
        ))}
        {!query && g.symbols.length > SHOWN && (
          <button type="button" className="link" onClick={() => setAll(!all)}>
            {all ? 'fewer' : `+${g.symbols.length - SHOWN} more`}
          </button>
        )}
      </div>
    </li>
  );
}

export function SimulatePanel({ graph, module }: { graph: KernelGraph; module: string }) {
  const [picked, setPicked] = useState(() => new Set(defaultImports(graph, module)));
  const [query, setQuery] = useState('');
  const candidates = useMemo(() => importCandidates(graph, module), [graph, module]);
  const verdicts = useMemo(() => [...picked].map((s) => classifyImport(graph, module, s)), [graph, module, picked]);
  const toggle = (s: string) => {
    const next = new Set(picked);
    if (next.has(s)) next.delete(s);
    else next.add(s);
    setPicked(next);
  };
  const hazard = verdicts.some((v) => v.hazard);
  // One row per provider: the type and the reason are the provider's.
  const byProvider = useMemo(() => {
    const m = new Map<string, typeof verdicts>();
    for (const v of verdicts) m.set(v.provider, [...(m.get(v.provider) ?? []), v]);
    return [...m.values()];
  }, [verdicts]);
  const scenario = () => scenarioFromModule(graph, module, { imports: [...picked] }).scenario;
  return (
    <section className="simulate" data-testid="simulate">
      <h4>Simulate a split livepatch of {module}</h4>
      <p className="muted">
        <code>lp</code> patches <code>{module}</code>; its per-object module <code>lp__{module}</code> imports the symbols ticked below. The task runs{' '}
        <code>modprobe lp</code>, then <code>modprobe {module}</code>, which makes <code>klp_module_coming()</code> load <code>lp__{module}</code>.
      </p>
      <table className="verdicts" data-testid="import-verdicts">
        <tbody>
          {verdicts.length === 0 && (
            <tr>
              <td className="muted">No import: tick some below.</td>
            </tr>
          )}
          {byProvider.map((vs) => (
            <tr key={vs[0].provider} className={vs[0].hazard ? 'is-hazard' : ''} data-type={vs[0].type} data-hazard={vs[0].hazard} data-provider={vs[0].provider}>
              <td>
                <span className={`dep-type t-${vs[0].type}`}>{vs[0].type}</span>
              </td>
              <td>
                {vs.map((v, i) => (
                  <span key={v.symbol}>
                    {i > 0 && ', '}
                    <code data-testid="import-verdict" data-symbol={v.symbol} data-type={v.type}>
                      {v.symbol}
                    </code>
                  </span>
                ))}{' '}
                <span className="muted">from {vs[0].provider}</span>
                <div className="why">{vs[0].why}</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={`expect ${hazard ? 'is-bad' : 'is-ok'}`} data-testid="simulate-expect">
        {hazard ? (
          <>
            <b>Expect a deadlock</b> in the split kernels when {module} loads after the patch.
          </>
        ) : (
          <>
            <b>Expect no recursion:</b> the patch applies to {module} as it loads.
          </>
        )}
      </p>
      <div className="simulate-actions">
        <button type="button" className="primary" onClick={() => playScenario(scenario())} data-testid="simulate-run">
          ▶ Simulate
        </button>
        <button type="button" onClick={() => buildScenario(scenario())} data-testid="simulate-build">
          Open in Build
        </button>
      </div>
      <details className="candidates" open={false}>
        <summary>Choose the imports ({candidates.reduce((a, c) => a + c.symbols.length, 0)} candidates)</summary>
        <input type="search" className="cand-filter" placeholder="find a symbol" value={query} onChange={(e) => setQuery(e.target.value.trim())} aria-label="Find a symbol to import" data-testid="import-filter" />
        <ul>
          {candidates.map((c) => (
            <Provider key={c.provider} g={c} picked={picked} toggle={toggle} query={query} />
          ))}
        </ul>
      </details>
    </section>
  );
}
