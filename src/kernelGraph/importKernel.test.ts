import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildModuleGraph, closures, moduleNameOfPath, parseModulesDep, type KoSymbols } from './importKernel';
import { validateModuleGraph, VMLINUX, type ModuleGraphJson } from './format';

const shipped = validateModuleGraph(JSON.parse(readFileSync(new URL('../../public/data/debian-6.1.0-47-cloud-amd64.modules.json', import.meta.url), 'utf8')));

/** The .ko symbol tables the shipped graph was made from, recovered from it. */
function kosOf(json: ModuleGraphJson): KoSymbols[] {
  return Object.entries(json.modules).map(([, m]) => ({ path: m.path, exports: m.exports, undefined: Object.values(m.imports).flat() }));
}

/** modules.dep text as depmod writes it. */
function modulesDepOf(json: ModuleGraphJson): string {
  return Object.values(json.modules)
    .map((m) => `${m.path}:${m.depends.map((d) => ` ${json.modules[d].path}`).join('')}\n`)
    .join('');
}

describe('module names and modules.dep', () => {
  it('names a module as depmod does', () => {
    expect(moduleNameOfPath('kernel/arch/x86/events/intel/intel-uncore.ko')).toBe('intel_uncore');
    expect(moduleNameOfPath('kernel/net/netfilter/nf_tables.ko.zst')).toBe('nf_tables');
    expect(moduleNameOfPath('updates/x.ko.xz')).toBe('x');
  });

  it('parses modules.dep lines, empty dependencies included', () => {
    const m = parseModulesDep('kernel/a/x.ko: kernel/b/y-z.ko.xz kernel/c/w.ko\nkernel/c/w.ko:\n');
    expect([...m]).toEqual([
      ['x', ['y_z', 'w']],
      ['w', []],
    ]);
    expect(() => parseModulesDep('garbage line')).toThrow(/line 1: no ':'/);
  });
});

describe('buildModuleGraph', () => {
  it('rebuilds the shipped Debian graph exactly from its symbols and modules.dep', () => {
    const again = buildModuleGraph(kosOf(shipped), { kernel: shipped.kernel, source: shipped.source!, modulesDep: modulesDepOf(shipped) });
    expect(again).toEqual(shipped);
  });

  it('without modules.dep computes the same closures as depmod (as sets), users before providers', () => {
    const again = buildModuleGraph(kosOf(shipped), { kernel: shipped.kernel, source: 'x' });
    for (const [n, m] of Object.entries(shipped.modules)) {
      expect(new Set(again.modules[n].depends), n).toEqual(new Set(m.depends));
      const dep = again.modules[n].depends;
      // Every module listed comes before each of its own providers.
      dep.forEach((d, i) => {
        for (const p of Object.keys(again.modules[d].imports).filter((k) => k !== VMLINUX)) expect(dep.indexOf(p), `${n}: ${d} before ${p}`).toBeGreaterThan(i);
      });
    }
  });

  it('groups undefined symbols by exporter, the rest under vmlinux, sorted', () => {
    const g = buildModuleGraph(
      [
        { path: 'kernel/a.ko', exports: ['a2', 'a1'], undefined: ['printk', 'b1', 'kfree'] },
        { path: 'kernel/b.ko.xz', exports: ['b1'], undefined: [] },
      ],
      { kernel: 'k', source: 's' },
    );
    expect(g.modules.a).toEqual({ path: 'kernel/a.ko', depends: ['b'], exports: ['a1', 'a2'], imports: { b: ['b1'], vmlinux: ['kfree', 'printk'] } });
    expect(g.modules.b.path).toBe('kernel/b.ko');
  });

  it('refuses two files of one module, a modules.dep that disagrees, and a symbol cycle', () => {
    const a = { path: 'kernel/a.ko', exports: [], undefined: [] };
    expect(() => buildModuleGraph([a, { ...a, path: 'kernel/x/a.ko.xz' }], { kernel: 'k', source: 's' })).toThrow(/two files for module a/);
    expect(() => buildModuleGraph([a], { kernel: 'k', source: 's', modulesDep: 'kernel/b.ko:\n' })).toThrow(/no line for a/);
    expect(() => closures(['x', 'y'], new Map([['x', ['y']], ['y', ['x']]]))).toThrow(/dependency cycle: x -> y -> x/);
  });
});
