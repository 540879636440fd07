import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Node resolves `graphql` to its CommonJS build (no "exports" map); Vite would pick index.mjs.
    // One copy for our code and for type-graphql, or `instanceof` checks fail (dual package hazard).
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['server/**/*.test.ts', 'seeds/**/*.test.ts', 'web/src/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/bench/**', 'node_modules/**'],
    // Builds the SPA for the browser tests when it is missing or older than its sources.
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // PGlite and the server databases are heavy: a few files at a time on a 2-core machine.
    maxWorkers: 2,
  },
});
