// The unit tests of the engine only (src/), for `npm run mutate`: the UI's tests cannot notice a
// change in the kernel procedures that the engine's own tests miss, and they double the time.
// Left out as well: the explorer's, the benchmarks' and the real-kernel graph's tests. They rerun
// the engine thousands of times (a mutant in step.ts would cost minutes each), and the kernel code
// must be pinned down by its own tests, the presets and the kernel's selftests, not by a search.
import base from './vite.config';

export default {
  ...base,
  test: {
    ...base.test,
    include: ['src/**/*.test.ts'],
    exclude: ['src/explorer/**', 'src/bench/**', 'src/kernelGraph/**', 'src/fuzz/**', 'node_modules/**'],
  },
};
