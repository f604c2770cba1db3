/**
 * kernelGraphs.ts - small hand-made module graphs for the tests of src/kernelGraph/, written the way
 * depmod would see them: each module's exports and the modules it imports from.
 *
 * Test support only: imported by *.test.ts files, never by the engine.
 */
import { buildModuleGraph } from '../kernelGraph/importKernel';
import type { ModuleGraphJson } from '../kernelGraph/format';

/** name -> { exports, uses: { provider: [symbols] } , vmlinux?: [symbols] }; paths kernel/<dir>/<name>.ko. */
export function smallGraph(spec: Record<string, { dir?: string; exports?: string[]; uses?: Record<string, string[]>; vmlinux?: string[] }>): ModuleGraphJson {
  return buildModuleGraph(
    Object.entries(spec).map(([name, m]) => ({
      path: `kernel/${m.dir ?? 'drivers/misc'}/${name}.ko`,
      exports: m.exports ?? [],
      undefined: [...Object.values(m.uses ?? {}).flat(), ...(m.vmlinux ?? [])],
    })),
    { kernel: 'test-1.0', source: 'hand-made test graph' },
  );
}

/**
 * core <- mid <- top (a chain), core <- side, plus lone (nobody uses it, uses nobody):
 *
 *   top -> mid -> core      side -> core      lone
 */
export const CHAIN = {
  core: { dir: 'lib', exports: ['core_fn', 'core_get'], vmlinux: ['printk'] },
  mid: { dir: 'net/mid', exports: ['mid_fn'], uses: { core: ['core_fn'] } },
  top: { dir: 'net/mid', exports: ['top_fn'], uses: { mid: ['mid_fn'] } },
  side: { dir: 'drivers/side', uses: { core: ['core_get'] } },
  lone: { dir: 'drivers/side', exports: ['lone_fn'] },
};
