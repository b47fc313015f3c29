/**
 * The desktop app end to end: its renderer and preload over the real main process (IPC
 * handlers, runtime, profiles, menu, save dialog) and a real managed Neo4j. One app for the
 * file, in order: start-up, generation progress (which also writes the data the menu checks
 * use), the save dialog, every native menu command, refused senders, then profiles, which
 * start a second managed Neo4j and switch to it and back.
 */
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { loadConfig } from '../../src/main/config/env';
import { resolveAppPaths } from '../../src/main/config/paths';
import { startManaged, type ManagedInstance } from '../../src/main/db/managed/server';
import type { GenerationJob, HealthResponse, StatsResponse } from '../../src/shared/api';
import { MENU_COMMAND_IDS, commandSpec } from '../../src/shared/commands';
import { contract } from '../../src/shared/contract';
import type { AppInfo } from '../../src/shared/desktop';
import type { IpcResult } from '../../src/shared/ipc';
import { CHECKS, expectOverlayListsCommands, reset, type Env } from '../e2e/command-checks';
import { nodeCount, snap } from '../e2e/support';
import { launchDesktop, type DesktopApp } from './app';

test.describe.configure({ mode: 'serial' });

let app: DesktopApp;
const files = mkdtempSync(join(tmpdir(), 'sn-desktop-files-'));

test.beforeAll(async () => {
  app = await launchDesktop();
});
test.afterAll(async () => {
  await app?.close();
});

const appInfo = async (page: Page): Promise<AppInfo> => {
  const answer = await page.evaluate(() => window.api!.getAppInfo({}));
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
};

const rest = async <T>(info: AppInfo, path: string): Promise<T> => {
  const response = await fetch(`${info.api_url}${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
};

const menu = (id: (typeof MENU_COMMAND_IDS)[number]): Promise<void> =>
  app.clickMenu(commandSpec(id).title);

test('start-up shows the managed database’s progress, then the connection', async () => {
  const { page } = app;
  await menu('show-connection');
  const startup = page.getByTestId('connection-startup');
  await expect(startup).toHaveAttribute('data-state', 'starting');
  await expect(startup).toContainText(/Starting: (Using Java|Downloading Neo4j|Starting Neo4j)/);
  await snap(page, 'desktop-startup');
  await expect(startup).toHaveAttribute('data-state', 'running', { timeout: 300_000 });
  await expect(startup).toContainText('managed local database');
  const info = await appInfo(page);
  expect(info.database?.managed).toBe(true);
  await expect(page.getByTestId('connection-app-info')).toContainText(info.api_url ?? 'no API');
  await snap(page, 'desktop-connected');
  await page.keyboard.press('Escape');
});

test('generation progress arrives over IPC at most ten times a second', async () => {
  const { page } = app;
  const updates = await page.evaluate(async () => {
    const api = window.api!;
    const started = await api.startGeneration({
      consultants_per_region: 2,
      seed: 7,
      batch_size: 4,
    });
    if (!started.ok) throw new Error(started.error.message);
    return new Promise<{ at: number; job: GenerationJob }[]>((resolve, reject) => {
      const seen: { at: number; job: GenerationJob }[] = [];
      const timer = setTimeout(() => reject(new Error('no final update')), 240_000);
      const stop = api.onGenerationProgress(started.value.id, (raw) => {
        const job = raw as GenerationJob;
        seen.push({ at: performance.now(), job });
        if (job.status === 'running') return;
        clearTimeout(timer);
        stop();
        resolve(seen);
      });
    });
  });
  const final = updates.at(-1)!.job;
  expect(final.status).toBe('succeeded');
  const running = updates.filter((u) => u.job.status === 'running');
  // One update per batch of four rows was reported; what reached the window is at most ten a
  // second, counted over the whole run and over every stretch of eleven updates.
  expect(running.length).toBeGreaterThan(2);
  const seconds = (running.at(-1)!.at - running[0]!.at) / 1000;
  expect(running.length).toBeLessThanOrEqual(10 * seconds + 2);
  // Eleven updates never fit in less than a second (the final one may come at once).
  for (let i = 0; i + 10 < running.length; i += 1)
    expect(running[i + 10]!.at - running[i]!.at).toBeGreaterThanOrEqual(950);
  // The window shows the new data.
  await page.reload();
  await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'ok');
  await expect.poll(() => nodeCount(page)).toBeGreaterThan(0);
});

test('the save dialog: the chosen file is written; cancelling writes nothing', async () => {
  const { page } = app;
  const chosen = join(files, 'my view.json');
  await app.answerDialogs([chosen]);
  await menu('save-view');
  // Main writes the whole file: once it is there, it parses as a saved view.
  const savedView = (): string[] => {
    try {
      return Object.keys(JSON.parse(readFileSync(chosen, 'utf8')) as Record<string, unknown>);
    } catch {
      return [];
    }
  };
  await expect.poll(savedView).toContain('view');
  const requests = await app.dialogRequests();
  expect(basename(requests.at(-1) ?? '')).toMatch(/view.*\.json$/);

  const cancelled = join(files, 'never.json');
  await app.answerDialogs([null]);
  const before = (await app.dialogRequests()).length;
  await menu('save-view');
  await expect.poll(async () => (await app.dialogRequests()).length).toBe(before + 1);
  expect(existsSync(cancelled)).toBe(false);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('import: files chosen in the native dialog are checked (dry run), then imported', async () => {
  const { page } = app;
  const info = await appInfo(page);
  const regionCounts = async (): Promise<{ region: string; nodes: number }[]> =>
    (await rest<StatsResponse>(info, contract.getStats.http.path)).regions;
  const region = (await regionCounts())[0]!.region;
  const csv = join(files, 'COMPANY.csv');
  writeFileSync(
    csv,
    ['id,name,region,sales_region,channel,pca,aca,privacy,aum']
      .concat(
        [1, 2].map(
          (n) => `${region}-CO-IMP-${n},Imported ${n},${region},East,Direct,Ann,Bo,Public,${n}000`,
        ),
      )
      .join('\n') + '\n',
  );
  const before = (await regionCounts()).find((r) => r.region === region)!.nodes;
  await page.getByTestId('data-tool').locator('summary').click();
  await page.getByRole('button', { name: 'Import files…' }).click();
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await app.answerDialogs([csv]);
  await dialog.getByRole('button', { name: 'Choose files…' }).click();
  await expect(dialog.getByTestId('import-chosen')).toHaveText('COMPANY.csv');
  await dialog.getByRole('button', { name: 'Check (dry run)' }).click();
  await expect(dialog.getByTestId('import-report')).toContainText('Checked 2 rows');
  expect((await regionCounts()).find((r) => r.region === region)!.nodes).toBe(before);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByTestId('import-report')).toContainText(
    'Imported 2 rows: 2 nodes created',
  );
  expect((await regionCounts()).find((r) => r.region === region)!.nodes).toBe(before + 2);
  await snap(page, 'desktop-import');
  await dialog.getByText('Close', { exact: true }).click();
  await expect(dialog).toBeHidden();
});

test('the native menu has every menu command of the table', async () => {
  const labels = await app.menuLabels();
  expect(labels).toEqual(
    expect.arrayContaining(MENU_COMMAND_IDS.map((id) => commandSpec(id).title)),
  );
});

test('every native menu command does what its label says', async () => {
  const { page } = app;
  let saved = 0;
  const env: Env = {
    opens: async (trigger) => {
      // The view the save dialog test wrote, opened through main's open dialog.
      await app.answerDialogs([join(files, 'my view.json')]);
      await trigger();
      await expect(page.getByText('Opened ')).toBeVisible();
    },
    saves: async (trigger, name) => {
      saved += 1;
      const file = join(files, `menu-${saved}`);
      await app.answerDialogs([file]);
      await trigger();
      await expect.poll(() => existsSync(file) && statSync(file).size > 0).toBe(true);
      expect(basename((await app.dialogRequests()).at(-1) ?? '')).toMatch(name);
    },
    fetches: async (trigger, operation) => {
      const before = (await app.ipcCalls()).length;
      await trigger();
      await expect
        .poll(async () => (await app.ipcCalls()).slice(before))
        .toContain(`sn:${operation}`);
    },
  };
  for (const id of MENU_COMMAND_IDS) {
    await test.step(`${commandSpec(id).title} (${id})`, async () => {
      await reset(page);
      await CHECKS[id](page, () => menu(id), env);
    });
  }
  await reset(page);
  await menu('help');
  await expectOverlayListsCommands(page, 'desktop');
  await snap(page, 'desktop-help-overlay');
});

test('a sender from another origin is refused', async () => {
  const server: Server = createServer((_req, res) => {
    res
      .writeHead(200, { 'Content-Type': 'text/html' })
      .end('<!doctype html><title>Elsewhere</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const foreignUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  try {
    const foreign = await app.openForeignPage(foreignUrl);
    const answers = await foreign.evaluate(async () => {
      const api = window.api!;
      return Promise.all([
        api.getAppInfo({}),
        api.getStats({}),
        api.clearGraph({ confirm: true }),
      ] as Promise<IpcResult<unknown>>[]);
    });
    for (const answer of answers)
      expect(answer).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    await foreign.close();
    // The app's own window still gets its answers, and its data is untouched.
    const info = await appInfo(app.page);
    const stats = await rest<StatsResponse>(info, contract.getStats.http.path);
    expect(stats.total_nodes).toBeGreaterThan(0);
    expect(readFileSync(info.log_file ?? '', 'utf8')).toContain(
      'IPC call from an unexpected sender',
    );
  } finally {
    server.close();
  }
});

test('profiles: add, test and switch to a second managed Neo4j and back; the REST API follows', async () => {
  const { page } = app;
  const config = loadConfig();
  const secondDir = mkdtempSync(join(tmpdir(), 'sn-desktop-second-'));
  const second: ManagedInstance = await startManaged({
    dataDir: secondDir,
    cacheDir: resolveAppPaths(config).cacheDir,
    boltPort: 0,
    heapMax: '512m',
    pageCache: '128m',
  });
  try {
    const first = await appInfo(page);
    const firstHealth = await rest<HealthResponse>(first, '/health');
    expect(firstHealth.database.managed).toBe(true);

    await menu('show-connection');
    const panel = page.getByTestId('connection-panel');
    await panel.getByRole('button', { name: 'Add profile…' }).click();
    const editor = panel.getByTestId('profile-editor');
    await editor.locator('input[name="name"]').fill('Second');
    await editor.locator('input[name="uri"]').fill(second.uri);
    await editor.locator('input[name="username"]').fill(second.credentials.username);
    await editor.locator('input[name="password"]').fill('not-the-password');
    await editor.getByRole('button', { name: 'Test connection' }).click();
    await expect(editor.getByRole('alert')).toBeVisible();
    await editor.locator('input[name="password"]').fill(second.credentials.password);
    await editor.getByRole('button', { name: 'Test connection' }).click();
    await expect(editor.getByRole('status')).toContainText(`Neo4j ${second.version}`);
    await snap(page, 'desktop-profile-tested');
    await editor.getByRole('button', { name: 'Save profile' }).click();

    const row = panel.getByTestId('profile-list').locator('li', { hasText: 'Second' });
    await row.getByRole('button', { name: 'Use' }).click();
    await expect(row).toHaveAttribute('aria-current', 'true', { timeout: 120_000 });
    const startup = page.getByTestId('connection-startup');
    await expect(startup).toHaveAttribute('data-state', 'running');
    await expect(startup).toContainText(second.uri);
    // The window shows the second database, which is empty.
    await expect.poll(() => nodeCount(page)).toBe(0);
    await snap(page, 'desktop-profile-second');

    const switched = await appInfo(page);
    expect(switched.database).toMatchObject({ uri: second.uri, managed: false });
    expect(switched.api_url).toBe(first.api_url);
    const secondHealth = await rest<HealthResponse>(switched, '/health');
    expect(secondHealth.database.uri).toBe(second.uri);
    expect((await rest<StatsResponse>(switched, contract.getStats.http.path)).total_nodes).toBe(0);

    const configuration = panel.getByTestId('profile-list').locator('li', {
      hasText: 'Configuration',
    });
    await configuration.getByRole('button', { name: 'Use' }).click();
    await expect(configuration).toHaveAttribute('aria-current', 'true', { timeout: 300_000 });
    await expect(startup).toContainText('managed local database');
    const back = await appInfo(page);
    expect(back.api_url).toBe(first.api_url);
    const backHealth = await rest<HealthResponse>(back, '/health');
    expect(backHealth.database.managed).toBe(true);
    expect(
      (await rest<StatsResponse>(back, contract.getStats.http.path)).total_nodes,
    ).toBeGreaterThan(0);
    await expect.poll(() => nodeCount(page)).toBeGreaterThan(0);
  } finally {
    await second.stop();
  }
});
