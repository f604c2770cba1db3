import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { run } from '../engine/run';
import { CHAIN, smallGraph } from '../test/kernelGraphs';
import { validateModuleGraph } from './format';
import { indexGraph } from './graph';
import { classifyImport, hazardMap } from './hazards';
import { scenarioFromModule } from './simulate';

const g = indexGraph(smallGraph(CHAIN));

describe('classifyImport: which imports of lp__M recurse through "loading M loads lp__M"', () => {
  it('types each import by its provider and flags B and the dependents D', () => {
    const v = (m: string, s: string) => {
      const x = classifyImport(g, m, s);
      return `${x.type} ${x.relation} ${x.hazard ? 'hazard' : 'safe'}`;
    };
    expect(v('mid', 'printk')).toBe('A vmlinux safe');
    expect(v('mid', 'mid_fn')).toBe('B self hazard');
    // top depends on mid: importing from a user of mid recurses.
    expect(v('mid', 'top_fn')).toBe('D dependent hazard');
    // core is mid's dependency: live before mid loads.
    expect(v('mid', 'core_fn')).toBe('D dependency safe');
    expect(v('mid', 'lone_fn')).toBe('D unrelated safe');
    // Indirect users count: top depends on core through mid.
    expect(v('core', 'top_fn')).toBe('D dependent hazard');
    expect(v('top', 'core_fn')).toBe('D dependency safe');
  });
});

describe('hazardMap', () => {
  it('counts blocked providers and symbols per module and sums them up', () => {
    const h = hazardMap(g);
    const row = (n: string) => h.rows.find((r) => r.module === n)!;
    // core: itself (2 exports) + mid (1) + top (1); side exports nothing.
    expect(row('core')).toMatchObject({ exports: 2, usedBy: 2, dependents: 3, exportingDependents: 2, blockedProviders: 3, blockedSymbols: 4 });
    expect(row('core').example).toEqual({ symbol: 'mid_fn', provider: 'mid', type: 'D' });
    expect(row('mid')).toMatchObject({ blockedProviders: 2, blockedSymbols: 2, example: { symbol: 'top_fn', provider: 'top', type: 'D' } });
    // top has no users: only its own export (B).
    expect(row('top')).toMatchObject({ exportingDependents: 0, blockedProviders: 1, example: { symbol: 'top_fn', provider: 'top', type: 'B' } });
    expect(row('side')).toMatchObject({ blockedProviders: 0, blockedSymbols: 0, example: null });
    expect(h.summary).toEqual({ kernel: 'test-1.0', modules: 5, withHazards: 4, cannotImportFromUsers: 2, typeB: 4, blockedPairs: 7 });
  });
});

describe('the simulator confirms the hazards', () => {
  const outcome = (module: string, imports: string[], variant: 'split' | 'split-poc19' | 'upstream') => {
    const { scenario } = scenarioFromModule(g, module, { imports });
    const t = run(scenario, { variant });
    return t.outcome.kind === 'deadlock' ? `deadlock ${t.outcome.location}` : t.outcome.kind;
  };

  it('every import of every module: deadlock at add_unformed_module exactly when flagged, in both split kernels', () => {
    for (const m of g.modules) {
      const symbols = [...new Set([...g.exporter.keys(), 'printk'])];
      for (const s of symbols) {
        const v = classifyImport(g, m.name, s);
        for (const variant of ['split', 'split-poc19'] as const) {
          expect(outcome(m.name, [s], variant), `${m.name} imports ${s} (${v.type}, ${v.relation}) in ${variant}`).toBe(v.hazard ? 'deadlock add_unformed_module' : 'ok');
        }
      }
    }
  });

  it('upstream has no per-object module and no hidden edge: never deadlocks', () => {
    expect(outcome('mid', ['top_fn'], 'upstream')).toBe('ok');
    expect(outcome('mid', ['mid_fn'], 'upstream')).toBe('ok');
  });
});

describe('hazard map of the shipped Debian 6.1 kernel', () => {
  const json = validateModuleGraph(JSON.parse(readFileSync(new URL('../../public/data/debian-6.1.0-47-cloud-amd64.modules.json', import.meta.url), 'utf8')));
  const deb = indexGraph(json);
  const h = hazardMap(deb);
  const row = (n: string) => h.rows.find((r) => r.module === n)!;

  it('covers every module and agrees with modules.dep for spot checks', () => {
    expect(h.rows).toHaveLength(1121);
    // nfnetlink: every nf_tables/nft_* module depends on it, so they are all blocked for lp__nfnetlink.
    const nfnl = row('nfnetlink');
    expect(nfnl.dependents).toBe(Object.values(json.modules).filter((m) => m.depends.includes('nfnetlink')).length);
    expect(classifyImport(deb, 'nfnetlink', 'nft_register_expr')).toMatchObject({ provider: 'nf_tables', type: 'D', hazard: true });
    // libcrc32c is in nf_tables' closure: lp__nf_tables may call crc32c.
    expect(classifyImport(deb, 'nf_tables', 'crc32c')).toMatchObject({ provider: 'libcrc32c', type: 'D', hazard: false });
    // A module nobody uses and that exports nothing has no blocked import.
    expect(row('xt_u32')).toMatchObject({ usedBy: 0, exports: 0, blockedProviders: 0 });
    // Independently from modules.dep: modules that appear in the depends line of a module with exports.
    const blocked = new Set(Object.values(json.modules).filter((m) => m.exports.length > 0).flatMap((m) => m.depends));
    expect(h.summary.cannotImportFromUsers).toBe(blocked.size);
    expect(h.summary.cannotImportFromUsers).toBeGreaterThan(50);
    expect(h.summary.typeB).toBe(Object.values(json.modules).filter((m) => m.exports.length > 0).length);
  });

  it('the example row of a few modules deadlocks in the simulator, the default imports do not', () => {
    for (const name of ['nfnetlink', 'x_tables', 'nf_conntrack', 'libcrc32c', 'nf_tables']) {
      const ex = row(name).example!;
      const bad = run(scenarioFromModule(deb, name, { imports: [ex.symbol] }).scenario, { variant: 'split' });
      expect(bad.outcome, `${name} importing ${ex.symbol}`).toMatchObject({ kind: 'deadlock', location: 'add_unformed_module' });
      const good = run(scenarioFromModule(deb, name).scenario, { variant: 'split' });
      expect(good.outcome.kind, `${name} with its default imports`).toBe('ok');
    }
  });
});

describe('every row of the shipped hazard tables, run in the simulator', () => {
  const load = (f: string) => indexGraph(validateModuleGraph(JSON.parse(readFileSync(new URL(`../../public/data/${f}.modules.json`, import.meta.url), 'utf8'))));

  it('Debian cloud: each demonstration deadlocks at add_unformed_module in split and split-poc19', () => {
    const deb = load('debian-6.1.0-47-cloud-amd64');
    const rows = hazardMap(deb).rows.filter((r) => r.example);
    expect(rows.length).toBeGreaterThan(200);
    for (const r of rows) {
      const { scenario } = scenarioFromModule(deb, r.module, { imports: [r.example!.symbol] });
      for (const variant of ['split', 'split-poc19'] as const) {
        const o = run(scenario, { variant }).outcome;
        expect(`${o.kind} ${o.location}`, `${r.module} importing ${r.example!.symbol} in ${variant}`).toBe('deadlock add_unformed_module');
      }
    }
  });

  it('Debian generic (4022 modules): every row, same verdict in split', () => {
    const gen = load('debian-6.1.0-47-amd64');
    const rows = hazardMap(gen).rows.filter((r) => r.example);
    expect(rows.length).toBeGreaterThan(800);
    for (const r of rows) {
      const o = run(scenarioFromModule(gen, r.module, { imports: [r.example!.symbol] }).scenario, { variant: 'split' }).outcome;
      expect(`${o.kind} ${o.location}`, `${r.module} importing ${r.example!.symbol}`).toBe('deadlock add_unformed_module');
    }
  });
});
