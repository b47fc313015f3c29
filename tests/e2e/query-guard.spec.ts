/**
 * A query result larger than the draw limit goes through the same guard as a view: Show in
 * network holds it back with the count, the limit and where the limit comes from, and draws the
 * first part only on request; the Workbench's own Graph tab does the same.
 */
import { expect, test } from '@playwright/test';
import type { QueryResponse } from '../../src/shared/api';
import { nodeCount, snap } from './support';

const LIMIT = 100;
const QUERY = 'MATCH (n:COMPANY) RETURN n LIMIT 150';

test('a query result over the draw limit is guarded in the network and in the result graph', async ({
  page,
  request,
}) => {
  const expected = (await (
    await request.post('/api/v1/graph/query', { data: { query: QUERY } })
  ).json()) as QueryResponse;
  const total = expected.graph?.nodes.length ?? 0;
  expect(total).toBeGreaterThan(LIMIT);

  // The user's own limit, as the guard's limit field saves it.
  await page.addInitScript((n) => {
    localStorage.setItem('smart-network.maxDrawNodes', String(n));
  }, LIMIT);
  await page.goto('/?debug');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'ok');
  await page.locator('[data-tab="workbench"]').click();
  const content = page.getByTestId('cypher-editor').locator('.cm-content');
  await content.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(QUERY);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('results-summary')).toContainText(`${total} rows`);

  // The Workbench's Graph tab: the notice first, the first LIMIT drawn on request.
  await page.getByRole('tab', { name: 'Graph' }).click();
  const inResult = page.getByTestId('result-too-large');
  await expect(inResult).toContainText(
    `${total} nodes in the query result: more than the ${LIMIT} this view draws.`,
  );
  await expect(page.getByTestId('result-graph')).toHaveCount(0);
  await inResult.getByRole('button', { name: `Draw the first ${LIMIT} anyway` }).click();
  await expect(page.getByTestId('result-graph')).toBeVisible();

  // Show in network: held back with the same notice, the network keeps nothing of it.
  await page.getByRole('button', { name: /Show in network/ }).click();
  const guard = page.getByTestId('too-large');
  await expect(guard).toContainText(
    `${total} nodes in the query result: more than the ${LIMIT} this view draws.`,
  );
  await expect(page.getByTestId('draw-capacity')).toContainText('Draw limit set by you');
  await snap(page, 'query-guard');
  await guard.getByRole('button', { name: `Draw the first ${LIMIT} anyway` }).click();
  await expect(guard).toHaveCount(0);
  await expect.poll(() => nodeCount(page)).toBe(LIMIT);
});
