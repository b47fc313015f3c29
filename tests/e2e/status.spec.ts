/**
 * The status the app shows, end to end against the real server and its managed Neo4j: the
 * footer counts what is drawn; filters that do not apply in recommendations mode are disabled
 * with the reason and never sent; chips name the graph's source; and when the database stops
 * answering (its process suspended), the header says so within 5 s and a load waiting on it can
 * be cancelled, saying so, with the graph drawn before kept.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { GraphResponse } from '../../src/shared/api';
import { nodeCount, openApp, settled, snap } from './support';

test.describe.configure({ mode: 'serial' });

async function open(page: Page, region: string): Promise<void> {
  await openApp(page);
  await page.locator(`[data-region="${region}"]`).click();
  await expect(page.getByTestId('filter-chips')).toContainText(`Region: ${region}`);
  await settled(page);
}

test('the footer counts the nodes and relationships drawn', async ({ page, request }) => {
  await open(page, 'NAI');
  const region = (await (
    await request.get('/api/v1/graph/region/NAI?limit=5000')
  ).json()) as GraphResponse;
  await expect.poll(() => nodeCount(page)).toBe(region.nodes.length);
  const status = page.getByTestId('status-text');
  const drawn = await nodeCount(page);
  const edges = await page.evaluate(() => globalThis.__SN__?.edgeCount() ?? -1);
  await expect(status).toHaveAttribute('data-drawn-nodes', String(drawn));
  await expect(status).toHaveAttribute('data-drawn-edges', String(edges));
  await expect(status).toContainText(
    `${drawn.toLocaleString('en-US')} nodes and ${edges.toLocaleString('en-US')} relationships drawn`,
  );
  await expect(page.getByTestId('filter-chips')).toHaveAttribute('data-source', 'filter');
});

test('filters that do not apply in recommendations mode are disabled, say why and are never sent', async ({
  page,
  request,
}) => {
  await open(page, 'NAI');
  const sent: string[] = [];
  const record = (r: Request): void => {
    if (new URL(r.url()).pathname.startsWith('/api/v1/'))
      sent.push(`${r.url()} ${r.postData() ?? ''}`);
  };
  page.on('request', record);

  const panel = page.getByTestId('filters');
  await panel.locator('[data-field="ratings"]').getByLabel('Positive').check();
  await page.getByTestId('apply-filters').click();
  await expect(page.getByTestId('filter-chips')).toContainText('Rating: Positive');
  await settled(page);
  // In standard mode the rating is part of the request.
  expect(sent.some((s) => s.includes('"ratings":["Positive"]'))).toBe(true);

  sent.length = 0;
  await page.locator('[data-mode-option="recommendations"]').click();
  await expect(page.getByTestId('mode')).toHaveAttribute('data-mode', 'recommendations');
  const expected = (await (
    await request.get('/api/v1/graph/region/NAI?mode=recommendations&limit=5000')
  ).json()) as GraphResponse;
  await expect.poll(() => nodeCount(page)).toBe(expected.nodes.length);
  await settled(page);

  const ratings = panel.locator('[data-field="ratings"]');
  await expect(ratings).toHaveAttribute('disabled');
  await expect(ratings.getByLabel('Positive')).toBeDisabled();
  await expect(ratings).toContainText('Does not apply in recommendations mode');
  await expect(panel.locator('[data-field="opportunity_types"]')).not.toHaveAttribute('disabled');
  await expect(panel.locator('[data-field="field_consultant_ids"] select')).toBeDisabled();
  const chip = page.getByTestId('filter-chips').locator('[data-off="true"]');
  await expect(chip).toHaveText(/Rating: Positive/);
  await expect(chip).toHaveAttribute('title', 'Does not apply in recommendations mode');
  await expect(page.getByTestId('error')).toHaveCount(0);
  await snap(page, 'filters-off-in-recommendations');
  // Nothing sent since the switch carries the rating.
  expect(sent.length).toBeGreaterThan(0);
  expect(sent.filter((s) => s.includes('ratings'))).toEqual([]);
  page.off('request', record);
});

/** The pid of the run's own managed Neo4j (started by `npm run serve` in its data folder). */
function managedPid(): number {
  const dir = process.env.SN_E2E_DATA_DIR;
  if (!dir) throw new Error('SN_E2E_DATA_DIR is not set');
  const state = JSON.parse(readFileSync(join(dir, 'neo4j', 'run', 'managed.json'), 'utf8')) as {
    pid: number;
  };
  return state.pid;
}

test('a database that stops answering: the header says so within 5 s, a waiting load can be cancelled', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await open(page, 'APAC');
  const before = await nodeCount(page);
  expect(before).toBeGreaterThan(0);

  const pid = managedPid();
  process.kill(pid, 'SIGSTOP');
  try {
    await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'error', {
      timeout: 5_000,
    });
    await expect(page.getByTestId('error')).toContainText('did not answer');
    await snap(page, 'database-not-answering');

    // A filter no earlier request used, so no cached answer can stand in for the database.
    const panel = page.getByTestId('filters');
    await panel
      .getByLabel('Minimum FC plan assets')
      .fill(String(1_000 + Math.floor(Math.random() * 1e6)));
    await page.getByTestId('apply-filters').click();
    const loading = page.getByTestId('loading');
    await expect(loading).toBeVisible();
    await expect(page.getByTestId('cancel-load')).toBeVisible();
    await expect(loading).toHaveAttribute('data-slow', 'true', { timeout: 40_000 });
    await expect(loading).toContainText(/The database has not answered for 3\d s/);
    await snap(page, 'load-waiting-30s');
    await page.getByTestId('cancel-load').click();
    await expect(loading).toHaveCount(0);
    await expect(page.getByTestId('error')).toContainText(
      'Cancelled: the database had not answered',
    );
    expect(await nodeCount(page)).toBe(before);
    await snap(page, 'load-cancelled');
  } finally {
    process.kill(pid, 'SIGCONT');
  }
  await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'ok', {
    timeout: 30_000,
  });
});
