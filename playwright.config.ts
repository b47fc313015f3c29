/**
 * Browser tests: Debian's Chromium (WebGL through SwiftShader) against `npm run serve`, which
 * starts its own managed Neo4j in a temporary data folder and seeds the small sample data.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium';

// Worker processes re-evaluate this file: the port and folder are chosen once and inherited.
process.env.SN_E2E_PORT ??= String(20_000 + Math.floor(Math.random() * 20_000));
process.env.SN_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'sn-e2e-'));
const port = Number(process.env.SN_E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'tests/e2e',
  // The renderer modules the tests import use its path aliases.
  tsconfig: './tsconfig.renderer-tests.json',
  outputDir: 'test-results/e2e',
  globalTeardown: './tests/e2e/global-teardown.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  use: {
    baseURL,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    // serve builds the web UI first when it is missing or stale.
    command: 'npm run serve',
    url: `${baseURL}/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      API_HOST: '127.0.0.1',
      API_PORT: String(port),
      SMART_NETWORK_DATA_DIR: process.env.SN_E2E_DATA_DIR,
      LOG_LEVEL: 'warn',
      // Always the run's own managed database, whatever a developer's .env names.
      NEO4J_URI: '',
    },
  },
});
