/**
 * chainScenario.ts - a benchmark scenario: `modprobe` of the last of a chain of modules where
 * module i imports a symbol of module i-1, so modprobe loads all of them (about 30 steps each).
 */
export function chainScenario(n: number): unknown {
  const modules = Array.from({ length: n }, (_, i) => ({
    name: `m${i}`,
    exports: [`m${i}_fn`],
    imports: i ? [`m${i - 1}_fn`] : [],
    init: [{ print: `m${i}_init` }],
  }));
  return {
    type: 'klp-playground/scenario',
    version: 1,
    title: `chain of ${n} modules`,
    modules,
    livepatches: [],
    tasks: [{ commands: [`modprobe m${n - 1}`] }],
  };
}
