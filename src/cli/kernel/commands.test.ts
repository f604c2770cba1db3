import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli';
import { run } from '../../test/run';
import { validateScenario } from '../../scenario/validate';

const GRAPH = 'public/data/debian-6.1.0-47-cloud-amd64.modules.json';

function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { log: (l) => out.push(l), error: (l) => err.push(l) });
  return { code, out, err };
}

describe('klp kernel-graph', () => {
  it('--module --json gives the closure, the users and the hazards', () => {
    const r = cli('kernel-graph', GRAPH, '--module', 'nf_tables', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out.join('\n'));
    expect(j.depends).toEqual(['nfnetlink', 'libcrc32c']);
    expect(j.usedBy).toContain('nft_ct');
    expect(j.hazards.blocked[0]).toBe('nf_tables');
    expect(j.hazards.blocked).toContain('nft_reject');
    expect(j.defaultImports.every((v: { hazard: boolean }) => !v.hazard)).toBe(true);
  });

  it('prints an overview with the hazard counts', () => {
    const r = cli('kernel-graph', GRAPH);
    expect(r.out[0]).toMatch(/^# 6.1.0-47-cloud-amd64: 1121 modules in \d+ directory groups$/);
    expect(r.out.join('\n')).toMatch(/\d+ modules cannot import from any of their users/);
  });

  it('names a missing module and a bad graph file (exit 2)', () => {
    expect(cli('kernel-graph', GRAPH, '--module', 'nope').err[0]).toBe(`klp: ${GRAPH}: no module 'nope' in 6.1.0-47-cloud-amd64`);
    const bad = join(mkdtempSync(join(tmpdir(), 'klp-kg-')), 'bad.json');
    writeFileSync(bad, JSON.stringify({ kernel: 'k', modules: { a: { depends: ['b'] } } }));
    const r = cli('kernel-graph', bad);
    expect(r.code).toBe(2);
    expect(r.err[0]).toBe(`klp: ${bad}: modules.a.depends[0]: 'b' is not a module of this graph`);
  });
});

describe('klp scenario-from', () => {
  it('writes a scenario that runs, and deadlocks with a hazardous import', () => {
    const dir = mkdtempSync(join(tmpdir(), 'klp-sf-'));
    const ok = join(dir, 'ok.json');
    expect(cli('scenario-from', GRAPH, 'nf_tables', '--out', ok).code).toBe(0);
    expect(run(validateScenario(JSON.parse(readFileSync(ok, 'utf8'))), { variant: 'split' }).outcome.kind).toBe('ok');
    const bad = join(dir, 'bad.json');
    const r = cli('scenario-from', GRAPH, 'nfnetlink', '--import', 'nft_register_expr', '--out', bad);
    expect(r.err[0]).toMatch(/^klp: lp__nfnetlink imports nft_register_expr from nf_tables: type D: /);
    expect(run(JSON.parse(readFileSync(bad, 'utf8')), { variant: 'split-poc19' }).outcome).toMatchObject({ kind: 'deadlock', location: 'add_unformed_module' });
  });
});
