/**
 * The Cypher console end to end: a read query shows rows and its graph in the network view, a
 * write query is refused by the read-only database session and changes nothing, parameters and
 * Ctrl+Enter work, and history survives a reload.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { QueryResponse, StatsResponse } from '../../src/shared/api';
import { nodeCount } from './support';

async function openConsole(page: Page): Promise<void> {
  await page.goto('/?debug');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'ok');
  await page.locator('[data-tab="workbench"]').click();
  await expect(page.getByTestId('cypher-editor')).toBeVisible();
}

async function typeQuery(page: Page, query: string): Promise<void> {
  const content = page.getByTestId('cypher-editor').locator('.cm-content');
  await content.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(query);
  await page.keyboard.press('Escape');
}

const stats = async (page: Page): Promise<StatsResponse> =>
  (await (await page.request.get('/api/v1/graph/stats')).json()) as StatsResponse;

test.describe.configure({ mode: 'serial' });

test('a Cypher query shows rows and its graph in the network', async ({ page, request }) => {
  const query = "MATCH (c:CONSULTANT {region: 'NAI'})-[e:EMPLOYS]->(f) RETURN c, e, f LIMIT 6";
  const expected = (await (
    await request.post('/api/v1/graph/query', { data: { query } })
  ).json()) as QueryResponse;
  expect(expected.rows.length).toBeGreaterThan(0);
  const graph = expected.graph;
  if (!graph) throw new Error('the query returned no graph');

  await openConsole(page);
  await expect(page.getByTestId('access-mode')).toHaveText('Read-only');
  await typeQuery(page, query);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('results-summary')).toContainText(`${expected.rows.length} rows`);
  await expect(page.getByTestId('results-table').locator('tbody tr')).toHaveCount(
    expected.rows.length,
  );
  await expect(page.getByTestId('results-table').locator('thead th')).toHaveText(['c', 'e', 'f']);

  await page.getByRole('button', { name: /Show in network/ }).click();
  // The result is in the network, and the network is what the analyst sees now.
  await expect(page.locator('[data-tab="explore"]')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('network')).toBeVisible();
  await expect.poll(() => nodeCount(page)).toBe(graph.nodes.length);
  await expect
    .poll(() => page.evaluate(() => globalThis.__SN__?.edgeCount() ?? -1))
    .toBe(graph.relationships.length);
  await page.screenshot({ path: 'test-results/e2e-workbench-graph.png' });
});

test('a write query is refused with a clear message and changes nothing', async ({ page }) => {
  const before = await stats(page);
  const write = "CREATE (n:CONSULTANT {id: 'E2E-WRITE', name: 'x', region: 'NAI'}) RETURN n";
  await openConsole(page);
  await typeQuery(page, write);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('query-error')).toContainText(/read-only/i);
  // This server refuses every write: the console says so and does not offer to ask.
  await expect(page.getByTestId('server-writes')).toHaveText(
    'This server is read-only (ALLOW_WRITE_QUERIES=false)',
  );
  await expect(page.getByLabel('Allow writes')).toBeDisabled();
  await expect(page.getByTestId('access-mode')).toHaveText('Read-only');
  // Asking anyway (as another client could) is refused by the server, naming the setting.
  const refused = await page.request.post('/api/v1/graph/query', {
    data: { query: write, read_only: false },
  });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toMatch(/ALLOW_WRITE_QUERIES/);
  const after = await stats(page);
  expect(after.total_nodes).toBe(before.total_nodes);
  expect(after.total_relationships).toBe(before.total_relationships);
  await page.screenshot({ path: 'test-results/e2e-workbench-refused.png' });
});

test('parameters, Ctrl+Enter and a history that survives a reload', async ({ page }) => {
  await openConsole(page);
  const query = 'MATCH (c:CONSULTANT) WHERE c.region = $region RETURN c.id AS id LIMIT 3';
  await typeQuery(page, query);
  await page.getByText('Parameters', { exact: true }).click();
  await page.getByLabel('Parameters (JSON)').fill('{"region": "NAI"}');
  await page.getByTestId('cypher-editor').locator('.cm-content').click();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('results-summary')).toContainText('3 rows');
  await expect(page.getByTestId('results-table').locator('tbody td').first()).toHaveText(/^NAI-/);

  // A bad parameters text is explained before anything runs.
  await page.getByLabel('Parameters (JSON)').fill('{region: NAI}');
  await expect(page.getByText(/Parameters are not valid JSON/)).toBeVisible();

  await page.reload();
  await page.locator('[data-tab="workbench"]').click();
  const history = page.getByTestId('history-list');
  await expect(history.getByRole('button').first()).toContainText('c.region = $region');
  await page.getByLabel('Search history').fill('no-such-query-text');
  await expect(history).toHaveCount(0);
  await page.getByLabel('Search history').fill('region');
  await history.getByRole('button').first().click();
  await expect(page.getByTestId('cypher-editor')).toContainText('c.region = $region');
  await expect(page.getByLabel('Parameters (JSON)')).toHaveValue(/"region": "NAI"/);
});
