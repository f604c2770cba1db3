// Mutation testing of the engine: `npm run mutate`. It changes the kernel procedures and the
// interpreter one small edit at a time and reports which edits no test notices. Slow by nature
// (minutes to an hour on two cores); not part of `npm test`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: ['src/kernel/**/*.ts', 'src/engine/**/*.ts', '!src/**/*.test.ts'],
  coverageAnalysis: 'perTest',
  // Mutants in module-level constants run for every test; they are few and reached anyway.
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 10000,
  // The first run of every test under coverage instrumentation is slow on a busy machine.
  dryRunTimeoutMinutes: 30,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
  // Reuse the results of mutants whose code and tests did not change since the last run.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
