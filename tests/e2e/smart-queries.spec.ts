/**
 * Smart queries end to end: each bundled query runs read-only with the region filter and shows
 * the rows the API gives for the same request; a result goes to the network view; a bad
 * imported entry is reported while the good one is added.
 */
import { expect, test } from '@playwright/test';
import type { QueryResponse } from '../../src/shared/api';
import catalogue from '../../src/renderer/src/features/smart-queries/catalogue.json' with { type: 'json' };
import { z } from 'zod';
import { nodeCount, openApp } from './support';

type Entry = (typeof catalogue.queries)[number];
const ParameterSpecs = z.record(
  z.string(),
  z.object({ from: z.string().optional(), value: z.unknown().optional() }),
);

/** The request the panel sends with only the region filter set. */
function requestFor(entry: Entry, region: string) {
  const specs = ParameterSpecs.parse(entry.parameters);
  const parameters: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.from === undefined) parameters[name] = spec.value;
    else parameters[name] = spec.from === 'regions' ? [region] : null;
  }
  return { query: entry.cypher, parameters, read_only: true, limit: 5000 };
}

test('each smart query runs with the current filter and shows its rows', async ({
  page,
  request,
}) => {
  await openApp(page);
  await page.locator('[data-region="NAI"]').click();
  await expect(page.locator('[data-region="NAI"]')).toHaveAttribute('aria-pressed', 'true');
  await page.locator('[data-tab="workbench"]').click();
  await page.getByRole('tab', { name: 'Smart queries' }).click();

  for (const entry of catalogue.queries) {
    const expected = (await (
      await request.post('/api/v1/graph/query', { data: requestFor(entry, 'NAI') })
    ).json()) as QueryResponse;
    expect(expected.rows.length, entry.id).toBeGreaterThan(0);
    const card = page.getByTestId(`smart-query-${entry.id}`);
    await expect(card.locator('dd').first()).toHaveText('NAI');
    await card.getByRole('button', { name: 'Run' }).click();
    const result = page.getByTestId('smart-query-result');
    await expect(result.getByRole('heading')).toHaveText(entry.title);
    await expect(result.getByTestId('results-summary')).toContainText(
      `${expected.rows.length} ${expected.rows.length === 1 ? 'row' : 'rows'}`,
    );
    await expect(result.getByTestId('results-table').locator('thead th')).toHaveText(
      expected.columns,
    );
  }
  await page.screenshot({ path: 'test-results/e2e-smart-queries.png' });

  // The last result (products by rating) into the network.
  const last = catalogue.queries[catalogue.queries.length - 1];
  if (!last) throw new Error('empty catalogue');
  const expected = (await (
    await request.post('/api/v1/graph/query', { data: requestFor(last, 'NAI') })
  ).json()) as QueryResponse;
  await page
    .getByTestId('smart-query-result')
    .getByRole('button', { name: /Show in network/ })
    .click();
  await expect(page.locator('[data-tab="explore"]')).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => nodeCount(page)).toBe(expected.graph?.nodes.length ?? 0);
});

test('imported entries: the good one is added, a bad one is explained', async ({ page }) => {
  await page.goto('/?debug');
  await page.locator('[data-tab="workbench"]').click();
  await page.getByRole('tab', { name: 'Smart queries' }).click();
  const file = {
    queries: [
      {
        id: 'e2e-companies',
        title: 'E2E companies by AUM',
        cypher:
          'MATCH (co:COMPANY) WHERE $regions IS NULL OR co.region IN $regions RETURN co.name AS name ORDER BY co.aum DESC LIMIT 3',
        parameters: { regions: { from: 'regions' } },
      },
      { id: 'Broken Entry', title: '', cypher: 'RETURN 1' },
    ],
  };
  await page.getByTestId('import-smart-queries').setInputFiles({
    name: 'mine.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(file)),
  });
  const problems = page.getByTestId('smart-query-problems');
  await expect(problems).toContainText('mine.json: 1 query added, 1 refused');
  await expect(problems).toContainText('Entry 2 ("Broken Entry")');
  const card = page.getByTestId('smart-query-e2e-companies');
  await card.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByTestId('smart-query-result').getByTestId('results-summary')).toContainText(
    '3 rows',
  );
  // Kept across a reload, and removable.
  await page.reload();
  await page.locator('[data-tab="workbench"]').click();
  await page.getByRole('tab', { name: 'Smart queries' }).click();
  await page
    .getByTestId('smart-query-e2e-companies')
    .getByRole('button', { name: 'Remove' })
    .click();
  await expect(page.getByTestId('smart-query-e2e-companies')).toHaveCount(0);
});
