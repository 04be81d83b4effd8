import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One real Neo4j for the whole run (test/support/global-setup.ts). Community edition has one
    // database, so test files run one after another and each sets up the graph state it needs.
    globalSetup: ['test/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    // The first run fetches Neo4j from Maven Central.
    hookTimeout: 600_000,
    // The JSON report lets .ci/run print the plain 'N passed, N failed' line CI counts.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
});
