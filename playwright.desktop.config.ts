/**
 * The desktop suite (`npm run test:desktop`): the built desktop app — renderer and preload from
 * `npm run build`, main under Node — in Debian's Chromium through the harness of tests/desktop,
 * with its own managed Neo4j. `SN_DESKTOP_ELECTRON=1` runs the same suite on the real Electron.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/desktop',
  tsconfig: './tsconfig.renderer-tests.json',
  outputDir: 'test-results/desktop',
  fullyParallel: false,
  workers: 1,
  // The first test waits for the managed database to start (and, once per machine, download).
  timeout: 600_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  // The suite launches its own browser (tests/desktop/app.ts), or Electron.
  use: { trace: 'retain-on-failure' },
});
