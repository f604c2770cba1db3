import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { validateScenario } from '../scenario/validate';
import { makeEnv, run } from '../engine/run';
import { dependencyGraph } from '../analysis/dependencyGraph';
import { validateModuleGraph } from './format';
import { indexGraph } from './graph';
import { defaultImports, importCandidates, scenarioFromModule } from './simulate';
import { CHAIN, smallGraph } from '../test/kernelGraphs';

const deb = indexGraph(validateModuleGraph(JSON.parse(readFileSync(new URL('../../public/data/debian-6.1.0-47-cloud-amd64.modules.json', import.meta.url), 'utf8'))));

describe('scenarioFromModule on nf_tables', () => {
  const { scenario, verdicts, hazard } = scenarioFromModule(deb, 'nf_tables');

  it('is a valid scenario with the real closure, whose depmod agrees with modules.dep', () => {
    expect(validateScenario(scenario)).toBe(scenario);
    expect(scenario.modules.map((m) => m.name).sort()).toEqual(['libcrc32c', 'nf_tables', 'nfnetlink']);
    const env = makeEnv(scenario, { variant: 'split' });
    expect(new Set(env.deps.get('nf_tables'))).toEqual(new Set(deb.byName.get('nf_tables')!.depends));
    expect(scenario.modules.find((m) => m.name === 'nf_tables')!.exports).toContain('nft_register_expr');
    expect(scenario.tasks[0].commands).toEqual(['modprobe lp', 'modprobe nf_tables']);
  });

  it('imports what nf_tables imports from its providers by default: all type D and safe', () => {
    expect(verdicts.map((v) => v.symbol)).toEqual(defaultImports(deb, 'nf_tables'));
    expect(verdicts.map((v) => v.provider)).toContain('nfnetlink');
    expect(verdicts.every((v) => v.type === 'D' && !v.hazard)).toBe(true);
    expect(hazard).toBe(false);
  });

  it('runs: the patch applies to the loading module in the split kernel', () => {
    const t = run(scenario, { variant: 'split' });
    expect(t.outcome.kind).toBe('ok');
    expect(t.final.dmesg.map((l) => l.text)).toContain("livepatch: applying patch 'lp' to loading module 'nf_tables'");
  });

  it("the engine's dependency graph gives each import the type shown before running", () => {
    const picked = ['nfnl_lock', 'nft_register_expr', 'crc32c', 'kfree'];
    const s = scenarioFromModule(deb, 'nf_tables', { imports: picked });
    const dg = dependencyGraph(s.scenario, 'split');
    for (const v of s.verdicts) {
      const e = dg.edges.find((x) => x.from === 'lp__nf_tables' && x.symbols.includes(v.symbol));
      expect(e?.type, v.symbol).toBe(v.type);
    }
    expect(s.verdicts.map((v) => `${v.symbol}:${v.type}${v.hazard ? '!' : ''}`)).toEqual(['nfnl_lock:D', 'nft_register_expr:B!', 'crc32c:D', 'kfree:A']);
  });
});

describe('import candidates and defaults', () => {
  const g = indexGraph(smallGraph(CHAIN));
  it('lists own exports (B), dependents (D, hazard), dependencies (D) and vmlinux (A)', () => {
    expect(importCandidates(g, 'mid').map((c) => `${c.provider} ${c.type} ${c.relation} ${c.hazard}`)).toEqual([
      'mid B self true',
      'top D dependent true',
      'core D dependency false',
    ]);
    expect(importCandidates(g, 'core').map((c) => c.provider)).toEqual(['core', 'mid', 'top', 'vmlinux']);
  });

  it('falls back to a few vmlinux imports for a module that uses no module', () => {
    expect(defaultImports(g, 'core')).toEqual(['printk']);
    expect(defaultImports(g, 'top')).toEqual(['mid_fn']);
  });

  it('names an unknown module or a clashing patch name', () => {
    expect(() => scenarioFromModule(g, 'nope')).toThrow("no module 'nope' in test-1.0");
    expect(() => scenarioFromModule(g, 'mid', { patch: 'core' })).toThrow(/clashes/);
  });
});
