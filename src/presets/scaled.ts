/**
 * scaled.ts - the seed's situation 2 grown to a size: N users run `modprobe MK` on a chain
 * M1 <- M2 <- ... <- MK (each Mi uses a symbol of M(i-1)) while one more user runs `modprobe P`;
 * P patches every Mi and each per-object module P__Mi imports a symbol of P (type C). The
 * explorer's benchmark and its reduction tests use it; the split POC deadlocks at location i,
 * split + 19/23 never does.
 */
import type { Scenario } from '../model/scenario';
import { scenario, task } from './build';

export function scaledSituation2(n: number, k: number): Scenario {
  if (!(Number.isInteger(n) && n >= 1 && Number.isInteger(k) && k >= 1)) {
    throw new Error(`scaledSituation2: N and K must be positive integers (got ${n}, ${k})`);
  }
  const modules = Array.from({ length: k }, (_, i) => ({
    name: `M${i + 1}`,
    exports: [`m${i + 1}_fn`],
    ...(i ? { imports: [`m${i}_fn`] } : {}),
  }));
  return scenario(`situation 2 scaled: N=${n} users, K=${k} modules`, {
    modules,
    livepatches: [
      {
        name: 'P',
        objects: [
          { name: 'vmlinux', exports: ['p_shared_cb'] },
          ...modules.map((m) => ({ name: m.name, funcs: [m.exports[0]], imports: ['p_shared_cb'] })),
        ],
      },
    ],
    tasks: [...Array.from({ length: n }, () => task(`modprobe M${k}`)), task('modprobe P')],
  });
}
