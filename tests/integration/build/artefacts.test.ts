/**
 * Checks the built artefacts (`npm test` builds them first with `electron-vite build`): the
 * sandboxed preload loads nothing but `electron`, and the headless CLI bundle runs under plain
 * Node against the test database.
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatsResponse } from '../../../src/shared/api';
import { removeRegions, testDatabase, testDriver, testRegions } from '../../support/db';
import { built, OUT, reachableModules, specifiers } from '../../support/bundles';

const run = promisify(execFile);
const PRELOAD = join(OUT, 'preload/index.cjs');
const CLI = join(OUT, 'main/cli.js');
const MAIN = join(OUT, 'main/index.js');

describe('preload bundle', () => {
  it('requires nothing but electron, which the sandbox provides', () => {
    const code = built(PRELOAD);
    expect(specifiers(code)).toEqual(['electron']);
    expect(code).toMatch(/exposeInMainWorld\(\s*["']api["']/);
  });

  it('is CommonJS, as sandboxed preloads must be', () => {
    expect(built(PRELOAD)).not.toMatch(/^\s*(import|export)\s/m);
  });
});

describe('main bundles', () => {
  it('keeps Electron out of everything the CLI bundle loads', () => {
    const modules = reachableModules(CLI);
    expect(modules.has('neo4j-driver')).toBe(true);
    expect([...modules].filter((m) => m === 'electron' || m.startsWith('electron/'))).toEqual([]);
  });

  it('loads Electron in the desktop entry only', () => {
    expect(reachableModules(MAIN).has('electron')).toBe(true);
  });

  it('compiles every main-process file (the desktop main cannot be started here)', async () => {
    const files = readdirSync(join(OUT, 'main'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.js'))
      .map((file) => join(OUT, 'main', file));
    expect(files).toEqual(expect.arrayContaining([MAIN, CLI]));
    for (const file of files) await run(process.execPath, ['--check', file]);
  });

  it('starts the CLI bundle as an executable script', () => {
    expect(built(CLI).startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});

describe('headless CLI under plain Node', () => {
  const [region] = testRegions(1);
  const driver = testDriver();

  beforeAll(async () => {
    await driver.executeQuery(
      `UNWIND range(1, 3) AS i
       CREATE (:CONSULTANT {id: $region + '-C-' + i, name: 'Consultant ' + i, region: $region})`,
      { region },
      { database: testDatabase().database },
    );
  });
  afterAll(async () => {
    await removeRegions(driver, [region!]);
    await driver.close();
  });

  it('prints the statistics of the test database as JSON', async () => {
    const db = testDatabase();
    const { stdout } = await run(process.execPath, [CLI, 'stats', '--json'], {
      cwd: resolve(OUT, '..'),
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NEO4J_URI: db.uri,
        NEO4J_USERNAME: db.username,
        NEO4J_PASSWORD: db.password,
        NEO4J_DATABASE: db.database,
        LOG_LEVEL: 'silent',
      },
      timeout: 60_000,
    });
    const stats = StatsResponse.parse(JSON.parse(stdout));
    expect(stats.regions.find((r) => r.region === region)).toMatchObject({
      nodes: 3,
      nodes_by_label: { CONSULTANT: 3 },
    });
    expect(stats.nodes_by_label.CONSULTANT).toBeGreaterThanOrEqual(3);
  });

  it('fails with a clear message and a non-zero code when the database is unreachable', async () => {
    const failure = await run(process.execPath, [CLI, 'stats', '--json'], {
      env: {
        PATH: process.env.PATH,
        NEO4J_URI: 'bolt://127.0.0.1:1',
        NEO4J_CONNECT_TIMEOUT: '3',
        LOG_LEVEL: 'silent',
      },
      timeout: 60_000,
    }).catch((error: unknown) => error as { code: number; stderr: string });
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toMatch(
      /unreachable at bolt:\/\/127\.0\.0\.1:1/,
    );
  });
});
