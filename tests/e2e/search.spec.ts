/**
 * Ranked search end to end: find by id (first, marked exact), "no matches" for a missing id,
 * "N more" pages, and a found node drawn with its relationships to the nodes already drawn.
 * Expectations come from the API.
 */
import { expect, test, type Page } from '@playwright/test';
import type { GraphResponse, LinksResponse, SearchResponse } from '../../src/shared/api';
import { nodeCount, openApp, settled, snap } from './support';

const edgeCount = (page: Page) => page.evaluate(() => globalThis.__SN__?.edgeCount() ?? -1);

test('search: by id, no matches, more pages, found node linked to the drawn ones', async ({
  page,
  request,
}) => {
  await openApp(page);

  // NAI without its companies: consultants, field consultants and products are drawn.
  await page.locator('[data-region="NAI"]').click();
  const panel = page.getByTestId('filters');
  for (const label of ['Consultant', 'Field Consultant', 'Product'])
    await panel.locator('[data-field="node_types"]').getByLabel(label, { exact: true }).check();
  await page.getByTestId('apply-filters').click();
  const filtered = (await (
    await request.post('/api/v1/graph/filter', {
      data: { regions: ['NAI'], node_types: ['CONSULTANT', 'FIELD_CONSULTANT', 'PRODUCT'] },
    })
  ).json()) as GraphResponse;
  await expect.poll(() => nodeCount(page)).toBe(filtered.nodes.length);
  await settled(page);

  const region = (await (await request.get('/api/v1/graph/region/NAI')).json()) as GraphResponse;
  const company = region.nodes.find((n) => n.label === 'COMPANY');
  if (!company) throw new Error('no company in NAI');

  // By id: the company first, marked exact.
  const input = page.getByTestId('search-input');
  await input.fill(company.id.toLowerCase());
  const results = page.getByTestId('search-results');
  await expect(results.getByRole('option').first()).toHaveAttribute('data-rank', 'exact');
  await expect(results.getByRole('option').first()).toContainText(company.name);
  await snap(page, 'search-1-by-id');

  // Picking it draws it with its relationships to the drawn nodes (as the API counts them).
  const drawn = await page.evaluate(() => globalThis.__SN__?.nodes() ?? []);
  const links = (await (
    await request.post('/api/v1/nodes/links', {
      data: { node: { label: 'COMPANY', id: company.id }, among: drawn },
    })
  ).json()) as LinksResponse;
  expect(links.relationships.length).toBeGreaterThan(0);
  const edgesBefore = await edgeCount(page);
  await results.getByRole('option').first().getByRole('button').click();
  await expect(page.getByTestId('node-details')).toHaveAttribute('data-node-key', company.key);
  await expect.poll(() => nodeCount(page)).toBe(filtered.nodes.length + 1);
  await expect.poll(() => edgeCount(page)).toBe(edgesBefore + links.relationships.length);
  await settled(page);
  await snap(page, 'search-2-linked');

  // A missing id finds nothing, and says so.
  await input.fill('NAI-CO-99999');
  await expect(page.getByTestId('search-none')).toHaveText('No matches for “NAI-CO-99999”.');
  await snap(page, 'search-3-none');

  // A common word: a page of ten, then "N more" brings the next page.
  const word = 'fund';
  const all = (await (
    await request.get(`/api/v1/search?q=${word}&limit=100`)
  ).json()) as SearchResponse;
  expect(all.total).toBeGreaterThan(10);
  await input.fill(word);
  await expect(results.getByRole('option')).toHaveCount(10);
  const more = page.getByTestId('search-more');
  await expect(more).toHaveText(`${(all.total - 10).toLocaleString('en-US')} more`);
  await more.click();
  await expect(results.getByRole('option')).toHaveCount(Math.min(20, all.total));
  await snap(page, 'search-4-more');
});
