import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

// graphql 16 ships CommonJS (main) and ESM (module) builds. Node, and so every package in
// node_modules, loads the CommonJS one; Vite would give our sources the ESM one, and two graphql
// instances refuse each other's schema objects. One instance, as in production:
const resolve = { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] };

export default defineConfig({
  resolve,
  test: {
    // The JSON report lets .ci/run print the plain 'N passed, N failed' line CI counts.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        resolve,
        test: {
          // Pure functions, no database: `npx vitest run test/unit` runs in seconds anywhere.
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        resolve,
        test: {
          name: 'integration',
          include: ['test/*.test.ts'],
          // One real Neo4j for the whole run (test/support/global-setup.ts). Community edition has one
          // database, so test files run one after another and each sets up the graph state it needs.
          globalSetup: ['test/support/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          // The first run fetches Neo4j from Maven Central.
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
