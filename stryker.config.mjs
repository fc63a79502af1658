// Mutation testing of the core (`npm run mutate`, see README "Development"). Not part of
// `npm test` or CI: a full run takes long on a small machine.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['src/core/**/*.ts'],
  testRunner: 'vitest',
  // Child processes, not worker threads: the stats tally test sets TZ, which a worker thread ignores,
  // so under threads it fails Stryker's first run.
  vitest: { configFile: 'vitest.mutate.config.ts', pool: 'forks' },
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: 2,
  timeoutMS: 20_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
