import { defineConfig } from 'vitest/config';
import { aliases } from './scripts/lib/aliases';

export default defineConfig({
  resolve: { alias: aliases(import.meta.dirname) },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/neo4j-global-setup.ts'],
          // One database for the run: files take turns, each with its own data.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
