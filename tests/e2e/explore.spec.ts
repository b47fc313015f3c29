/**
 * The explore screen end to end: real Chromium, real server, real Neo4j with the first-start
 * sample data. Expectations are computed through the API, never hard-coded.
 */
import { expect, test } from '@playwright/test';
import type { GraphResponse, SearchResponse } from '../../src/shared/api';
import {
  clickNode,
  nodeCount,
  openRegion,
  outsideViewport,
  overlappingPanels,
  settled,
  snap,
} from './support';

const SEED_FILTER = {
  regions: ['NAI'],
  node_types: ['CONSULTANT', 'PRODUCT'],
  mandate_statuses: ['Active'],
  ratings: ['Positive'],
};
const DRAW_LIMIT = 5000;

test.describe.configure({ mode: 'serial' });

test('explore: region, seed filter, details, search, expand/undo, theme, recommendations', async ({
  page,
  request,
}) => {
  // Load a region.
  const region = await openRegion(page, request);
  await snap(page, '1-region');

  // The seed README's filter example.
  const filtered = (await (
    await request.post('/api/v1/graph/filter', { data: { ...SEED_FILTER, limit: DRAW_LIMIT } })
  ).json()) as GraphResponse;
  const panel = page.getByTestId('filters');
  await panel
    .locator('[data-field="node_types"]')
    .getByLabel('Consultant', { exact: true })
    .check();
  await panel.locator('[data-field="node_types"]').getByLabel('Product', { exact: true }).check();
  await panel.locator('[data-field="mandate_statuses"]').getByLabel('Active').check();
  await panel.locator('[data-field="ratings"]').getByLabel('Positive').check();
  await page.getByTestId('apply-filters').click();
  await expect(page.getByTestId('filter-chips')).toContainText('Rating: Positive');
  await expect.poll(() => nodeCount(page)).toBe(filtered.nodes.length);
  expect(filtered.nodes.length).toBeGreaterThan(0);
  await settled(page);
  await snap(page, '2-seed-filter');

  // Select a node and read its details.
  const consultant = filtered.nodes.find((n) => n.label === 'CONSULTANT') ?? filtered.nodes[0];
  if (!consultant) throw new Error('the filter returned no node');
  await clickNode(page, consultant.key);
  const details = page.getByTestId('node-details');
  await expect(details).toHaveAttribute('data-node-key', /.+/);
  const shownKey = await details.getAttribute('data-node-key');
  const shown = filtered.nodes.find((n) => n.key === shownKey);
  expect(shown).toBeDefined();
  await expect(page.getByTestId('details-name')).toHaveText(shown?.name ?? '');
  await snap(page, '3-details');

  // Search a company (not drawn under this filter), focus and highlight it.
  const company = region.nodes.find((n) => n.label === 'COMPANY');
  if (!company) throw new Error('the region has no company');
  const before = await nodeCount(page);
  await page.getByTestId('search-input').fill(company.name);
  const hits = (await (
    await request.get(`/api/v1/search?q=${encodeURIComponent(company.name)}`)
  ).json()) as SearchResponse;
  expect(hits.results.some((r) => r.node.key === company.key)).toBe(true);
  await page
    .getByTestId('search-results')
    .getByRole('button', { name: company.name })
    .first()
    .click();
  await expect(details).toHaveAttribute('data-node-key', company.key);
  await expect.poll(() => nodeCount(page)).toBe(before + 1);
  await expect
    .poll(() => page.evaluate(() => globalThis.__SN__?.camera()?.ratio ?? 1))
    .toBeLessThan(0.5);
  await snap(page, '4-search-focus');

  // Expand it, then undo.
  const withCompany = await nodeCount(page);
  await page.getByTestId('expand').click();
  await expect.poll(() => nodeCount(page)).toBeGreaterThan(withCompany);
  await settled(page);
  await snap(page, '5-expanded');
  await page.getByTestId('undo').click();
  await expect.poll(() => nodeCount(page)).toBe(withCompany);
  await snap(page, '6-undone');

  // Switch theme (and it is remembered).
  const theme = await page.locator('html').getAttribute('data-theme');
  await page.getByTestId('theme-toggle').click();
  const flipped = theme === 'dark' ? 'light' : 'dark';
  await expect(page.locator('html')).toHaveAttribute('data-theme', flipped);
  await snap(page, '7-theme');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', flipped);

  // Recommendations mode on the whole region.
  await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'ok');
  await page.getByTestId('reset-filters').click();
  await page.locator('[data-region="NAI"]').click();
  await page.locator('[data-mode-option="recommendations"]').click();
  await expect(page.getByTestId('mode')).toHaveAttribute('data-mode', 'recommendations');
  const recs = (await (
    await request.get(`/api/v1/graph/region/NAI?mode=recommendations&limit=${DRAW_LIMIT}`)
  ).json()) as GraphResponse;
  await expect.poll(() => nodeCount(page)).toBe(recs.nodes.length);
  await settled(page);
  await snap(page, '8-recommendations');
});

for (const size of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`no panel overlaps another at ${size.width}×${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto('/?debug');
    await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'ok');
    await page.locator('[data-region="NAI"]').click();
    await expect.poll(() => nodeCount(page)).toBeGreaterThan(0);
    expect(await overlappingPanels(page)).toEqual([]);
    expect(await outsideViewport(page)).toEqual([]);
    await page.locator('[data-tab="statistics"]').click();
    await expect(page.getByTestId('statistics')).toBeVisible();
    expect(await outsideViewport(page)).toEqual([]);
    await snap(page, `statistics-${size.width}x${size.height}`);
    await page.locator('[data-tab="explore"]').click();
    expect(await overlappingPanels(page)).toEqual([]);
    await snap(page, `layout-${size.width}x${size.height}`);
  });
}
