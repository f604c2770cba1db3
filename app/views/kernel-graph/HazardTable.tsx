/**
 * HazardTable.tsx - the hazard map of the whole kernel, computed in a Web Worker: for every
 * module, the imports a split livepatch's per-object module must avoid (type B: its own exports;
 * type D: its users' exports), sortable, each row able to open the scenario that shows it.
 */
import { useEffect, useMemo, useState } from 'react';
import { scenarioFromModule, type HazardRow, type KernelGraph } from '@engine';
import { useStore } from '../../store';
import { hazardsInWorker, type HazardResult } from './hazardClient';
import { playScenario } from './openScenario';

type Col = 'module' | 'dir' | 'exports' | 'usedBy' | 'dependents' | 'exportingDependents' | 'blockedSymbols';

const COLS: { id: Col; label: string; title: string; num: boolean }[] = [
  { id: 'module', label: 'Module', title: 'the patched module M', num: false },
  { id: 'dir', label: 'Directory', title: 'where it lives below kernel/', num: false },
  { id: 'exports', label: 'B: own exports', title: 'symbols lp__M cannot import from M itself', num: true },
  { id: 'usedBy', label: 'Direct users', title: 'modules importing from M', num: true },
  { id: 'dependents', label: 'All users', title: 'modules whose modules.dep line holds M', num: true },
  { id: 'exportingDependents', label: 'D: blocked users', title: 'users that export symbols lp__M cannot import', num: true },
  { id: 'blockedSymbols', label: 'Blocked symbols', title: 'every symbol lp__M cannot import (B + D)', num: true },
];

const PAGE = 200;

export function HazardTable({ graph, graphKey, text }: { graph: KernelGraph; graphKey: string; text: string }) {
  const setKernelModule = useStore((s) => s.setKernelModule);
  const setKernelTab = useStore((s) => s.setKernelTab);
  const [result, setResult] = useState<{ key: string; r: HazardResult } | { key: string; error: string } | null>(null);
  const [sort, setSort] = useState<{ col: Col; desc: boolean }>({ col: 'exportingDependents', desc: true });
  const [filter, setFilter] = useState('');
  const [onlyHazards, setOnlyHazards] = useState(true);
  const [shown, setShown] = useState(PAGE);
  useEffect(() => {
    let live = true;
    hazardsInWorker(graphKey, text).then(
      (r) => live && setResult({ key: graphKey, r }),
      (e: Error) => live && setResult({ key: graphKey, error: e.message }),
    );
    return () => {
      live = false;
    };
  }, [graphKey, text]);
  const done = result && result.key === graphKey ? result : null;
  const rows = useMemo(() => {
    if (!done || !('r' in done)) return [];
    const q = filter.trim().toLowerCase();
    const list = done.r.map.rows.filter((r) => (!onlyHazards || r.blockedSymbols > 0) && (!q || r.module.includes(q) || r.dir.includes(q)));
    const k = sort.col;
    const cmp = (a: HazardRow, b: HazardRow) => {
      const x = a[k];
      const y = b[k];
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return (sort.desc ? -c : c) || a.module.localeCompare(b.module);
    };
    return list.sort(cmp);
  }, [done, filter, onlyHazards, sort]);
  if (!done) return <div className="flow-status" data-testid="hazard-pending">Computing the hazard map of {graph.modules.length} modules in a Web Worker…</div>;
  if ('error' in done) return <div className="flow-status is-error">Hazard map failed: {done.error}</div>;
  const s = done.r.map.summary;
  const open = (r: HazardRow) => {
    if (!r.example) return;
    playScenario(scenarioFromModule(graph, r.module, { imports: [r.example.symbol] }).scenario);
  };
  return (
    <div className="hazards" data-testid="hazard-table">
      <p className="hazard-summary" data-testid="hazard-summary">
        In <code>{s.kernel}</code>, <b data-testid="hazard-count">{s.cannotImportFromUsers}</b> of {s.modules} modules cannot import from any of their users, and{' '}
        <b>{s.typeB}</b> cannot import their own exports: a per-object livepatch module <code>lp__M</code> that does deadlocks <code>modprobe M</code> once the patch is
        enabled (the hidden edge “loading M loads lp__M”). <span className="muted">Computed in {Math.round(done.r.ms)} ms in a Web Worker.</span>
      </p>
      <div className="hazard-tools">
        <input type="search" placeholder="filter by module or directory" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="Filter the table" data-testid="hazard-filter" />
        <label>
          <input type="checkbox" checked={onlyHazards} onChange={(e) => setOnlyHazards(e.target.checked)} /> only modules with a blocked import
        </label>
        <span className="muted" data-testid="hazard-rows" data-count={rows.length}>
          {rows.length} rows
        </span>
      </div>
      <div className="hazard-scroll">
        <table>
          <thead>
            <tr>
              {COLS.map((c) => (
                <th key={c.id} className={c.num ? 'num' : ''} title={c.title} aria-sort={sort.col === c.id ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                  <button type="button" onClick={() => setSort({ col: c.id, desc: sort.col === c.id ? !sort.desc : c.num })} data-testid={`sort-${c.id}`}>
                    {c.label} {sort.col === c.id ? (sort.desc ? '▼' : '▲') : ''}
                  </button>
                </th>
              ))}
              <th>Demonstration</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, shown).map((r) => (
              <tr key={r.module} data-testid="hazard-row" data-module={r.module}>
                <td>
                  <button
                    type="button"
                    className="link mono"
                    onClick={() => {
                      setKernelModule(r.module);
                      setKernelTab('graph');
                    }}
                  >
                    {r.module}
                  </button>
                </td>
                <td className="muted mono">{r.dir}</td>
                <td className="num">{r.exports}</td>
                <td className="num">{r.usedBy}</td>
                <td className="num">{r.dependents}</td>
                <td className="num">{r.exportingDependents}</td>
                <td className="num">{r.blockedSymbols}</td>
                <td>
                  {r.example && (
                    <button type="button" className="open-demo" onClick={() => open(r)} title={`lp__${r.module} imports ${r.example.symbol} from ${r.example.provider}`} data-testid="hazard-open">
                      ▶ {r.example.type}: <code>{r.example.symbol}</code>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length > shown && (
          <button type="button" className="link more" onClick={() => setShown(rows.length)}>
            Show all {rows.length} rows
          </button>
        )}
      </div>
    </div>
  );
}
