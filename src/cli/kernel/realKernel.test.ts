/**
 * A real distribution kernel, imported and checked against what its package confirms. .ci/run
 * downloads Debian's current cloud kernel package with apt, unpacks it, runs depmod on it (the
 * package's postinst would) and sets KLP_KERNEL_DIR to its /lib/modules/VERSION. Elsewhere the
 * test is skipped unless CI is set, where a missing kernel is a failure.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseModulesDep, VMLINUX } from '../../kernelGraph/index';
import { importKernelDir } from './readKernelDir';

const DIR = process.env.KLP_KERNEL_DIR;

function koCount(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? koCount(join(dir, e.name)) : /\.ko(\.(xz|zst|gz))?$/.test(e.name) ? 1 : 0), 0);
}

describe('a real Debian kernel package (KLP_KERNEL_DIR)', () => {
  it('imports with the module count, dependencies and exports the package confirms', { timeout: 300_000 }, async (ctx) => {
    if (!DIR) {
      expect(process.env.CI, 'CI must set KLP_KERNEL_DIR (see .ci/run)').toBeFalsy();
      ctx.skip('KLP_KERNEL_DIR is not set: no unpacked kernel package to import (.ci/run makes one)');
      return;
    }
    expect(existsSync(join(DIR, 'modules.dep')), `${DIR}/modules.dep (run depmod -b)`).toBe(true);
    const dep = parseModulesDep(readFileSync(join(DIR, 'modules.dep'), 'utf8'));
    // Computed from the ELF symbol tables alone, ignoring modules.dep: depmod's answer must come out.
    const own = await importKernelDir(DIR, { ignoreModulesDep: true });
    const names = Object.keys(own.graph.modules);
    expect(names.length).toBe(koCount(DIR));
    expect(names.length).toBe(dep.size);
    expect(names.length).toBeGreaterThan(500);
    for (const n of names) {
      expect(new Set(own.graph.modules[n].depends), `${n}: closure vs modules.dep`).toEqual(new Set(dep.get(n)));
      // The build's own .modinfo depends= lists the direct providers.
      const direct = Object.keys(own.graph.modules[n].imports).filter((k) => k !== VMLINUX).sort();
      expect(direct, `${n}: providers vs .modinfo depends=`).toEqual([...(own.modinfoDepends.get(n) ?? [])].sort());
    }
    // With modules.dep (as a user's import-kernel does): its lines verbatim.
    const g = (await importKernelDir(DIR)).graph;
    expect(g.modules.nf_tables.depends).toEqual(dep.get('nf_tables'));
    expect(g.modules.nf_tables.depends).toContain('nfnetlink');
    expect(g.modules.xt_state.depends).toEqual(expect.arrayContaining(['nf_conntrack', 'x_tables']));
    expect(g.modules.nf_tables.exports).toEqual(expect.arrayContaining(['nft_register_expr', 'nft_do_chain']));
    expect(g.modules.x_tables.exports).toContain('xt_register_match');
    expect(g.modules.nf_tables.imports.nfnetlink).toContain('nfnetlink_subsys_register');
  });
});
