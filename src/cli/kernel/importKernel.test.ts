import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { validateModuleGraph } from '../../kernelGraph/index';
import { compressionOf, decompressModule } from './decompress';
import { ElfError, readElfModule } from './elf';
import { importKernelDir, KernelDirError, modulesDirOf } from './readKernelDir';
import { runCliAsync } from '../cli';

const ROOT = fileURLToPath(new URL('./fixtures/kernel-6.1.0-47-cloud-amd64', import.meta.url));
const MODS = join(ROOT, 'lib/modules/6.1.0-47-cloud-amd64');
const shipped = validateModuleGraph(JSON.parse(readFileSync(new URL('../../../public/data/debian-6.1.0-47-cloud-amd64.modules.json', import.meta.url), 'utf8')));

describe('reading .ko files', () => {
  it('recognises xz, zstd and gzip by their magic and decompresses each to an ELF module', async () => {
    for (const [file, kind] of [
      ['kernel/net/802/p8022.ko.xz', 'xz'],
      ['kernel/net/llc/llc.ko.zst', 'zstd'],
      ['kernel/net/802/stp.ko.gz', 'gzip'],
    ] as const) {
      const bytes = new Uint8Array(readFileSync(join(MODS, file)));
      expect(compressionOf(bytes), file).toBe(kind);
      const elf = await decompressModule(bytes);
      expect(compressionOf(elf)).toBe('none');
      expect([...elf.subarray(0, 4)]).toEqual([0x7f, 0x45, 0x4c, 0x46]);
    }
  });

  it('reads exports and undefined symbols as nm does (the shipped graph was made with nm)', async () => {
    for (const [file, name] of [
      ['kernel/net/802/p8022.ko.xz', 'p8022'],
      ['kernel/net/llc/llc.ko.zst', 'llc'],
    ]) {
      const info = readElfModule(await decompressModule(new Uint8Array(readFileSync(join(MODS, file)))));
      expect(info.exports, name).toEqual(shipped.modules[name].exports);
      expect(info.undefined, name).toEqual(Object.values(shipped.modules[name].imports).flat().sort());
      expect(info.modinfo.name).toEqual([name]);
    }
  });

  it('refuses what is not a module, naming why', async () => {
    expect(() => readElfModule(new TextEncoder().encode('#!/bin/sh\necho not a module\n'.repeat(4)))).toThrow(ElfError);
    const elf = await decompressModule(new Uint8Array(readFileSync(join(MODS, 'kernel/net/802/p8022.ko.xz'))));
    expect(() => readElfModule(elf.subarray(0, 2000))).toThrow(/past the end of the file/);
    expect(await decompressModule(gzipSync(Buffer.from('x')))).toEqual(new TextEncoder().encode('x'));
  });
});

describe('importKernelDir', () => {
  it('imports an unpacked package root: the entries match the shipped graph', async () => {
    expect(modulesDirOf(ROOT)).toBe(MODS);
    const r = await importKernelDir(ROOT);
    expect(r.usedModulesDep).toBe(true);
    expect(r.graph.kernel).toBe('6.1.0-47-cloud-amd64');
    expect(Object.keys(r.graph.modules)).toEqual(['llc', 'p8022', 'stp']);
    for (const n of ['llc', 'p8022', 'stp']) expect(r.graph.modules[n], n).toEqual(shipped.modules[n]);
    expect(r.modinfoDepends.get('p8022')).toEqual(['llc']);
  });

  it('without modules.dep computes the same dependencies', async () => {
    const r = await importKernelDir(MODS, { ignoreModulesDep: true });
    expect(r.usedModulesDep).toBe(false);
    expect(r.graph.modules.stp.depends).toEqual(['llc']);
    expect(r.graph.modules.llc.depends).toEqual([]);
  });

  it('names a directory that is no kernel', async () => {
    await expect(importKernelDir(join(ROOT, 'lib'))).rejects.toThrow(KernelDirError);
    await expect(importKernelDir('/nonexistent/x')).rejects.toThrow('/nonexistent/x: not a directory');
  });

  it('klp import-kernel writes the graph and says what it read', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'klp-import-')), 'g.json');
    const err: string[] = [];
    const code = await runCliAsync(['import-kernel', ROOT, '--out', out], { log: () => {}, error: (l) => err.push(l) });
    expect(code).toBe(0);
    expect(validateModuleGraph(JSON.parse(readFileSync(out, 'utf8'))).modules.p8022.depends).toEqual(['llc']);
    expect(err[0]).toMatch(/^klp: 6.1.0-47-cloud-amd64: 3 modules from .*, with modules.dep -> /);
    const bad = await runCliAsync(['import-kernel', '/nonexistent/x'], { log: () => {}, error: (l) => err.push(l) });
    expect(bad).toBe(2);
  });
});
