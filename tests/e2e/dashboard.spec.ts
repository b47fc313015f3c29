/**
 * The statistics dashboard: its distributions and tables come from the server, and a row of a
 * top-N table shows its node in the network, selected; scoped to a region, everything is that
 * region's.
 */
import { expect, test } from '@playwright/test';
import type { CoverageGaps, Distributions, HistogramsResponse } from '../../src/shared/api';
import { nodeCount, openRegion, snap } from './support';

test('dashboard: distributions from the server; a top company opens in the network', async ({
  page,
  request,
}) => {
  await openRegion(page, request, 'EMEA');
  const before = await nodeCount(page);
  const expected = (await (
    await request.get('/api/v1/graph/distributions?top=10')
  ).json()) as Distributions;
  await page.locator('[data-tab="statistics"]').click();
  const dashboard = page.getByTestId('dashboard');
  await expect(dashboard).toBeVisible();
  const status = dashboard.locator('[data-chart="Mandate value by status"] text.chart-label');
  await expect(status).toHaveText(
    expected.mandates_by_status.map((g) => `${g.status} (${g.count})`),
  );
  const coverage = dashboard.locator(
    '[data-chart="Consultants by companies covered"] [data-column]',
  );
  await expect(coverage).toHaveCount(expected.coverage_per_consultant.length);
  const table = dashboard.locator('[data-table="Top companies by AUM"] tbody tr');
  await expect(table).toHaveCount(expected.top_companies.length);
  await snap(page, 'dashboard-1');
  await page.screenshot({ path: 'test-results/e2e-dashboard-full.png', fullPage: true });

  // A company from another region than the one drawn: it is brought in and selected.
  const top = expected.top_companies.find((t) => t.node.properties.region !== 'EMEA');
  const target = top ?? expected.top_companies[0];
  if (!target) throw new Error('no top company');
  await dashboard
    .locator('[data-table="Top companies by AUM"]')
    .getByRole('button', { name: target.node.properties.name as string })
    .click();
  await expect(page.locator('[data-tab="explore"]')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('node-details')).toHaveAttribute('data-node-key', target.node.key);
  await expect
    .poll(() => page.evaluate((k) => globalThis.__SN__?.nodes().includes(k), target.node.key))
    .toBe(true);
  if (top) expect(await nodeCount(page)).toBe(before + 1);
  await snap(page, 'dashboard-2-shown');
});

test('dashboard: scoped to one region, every figure and table is that region’s', async ({
  page,
  request,
}) => {
  await openRegion(page, request, 'NAI');
  const scoped = async <T>(path: string): Promise<T> =>
    (await (await request.get(path)).json()) as T;
  const all = await scoped<Distributions>('/api/v1/graph/distributions?top=10');
  const expected = await scoped<Distributions>('/api/v1/graph/distributions?regions=APAC&top=10');
  const gaps = await scoped<CoverageGaps>('/api/v1/graph/coverage-gaps?regions=APAC&limit=10');
  const histograms = await scoped<HistogramsResponse>(
    '/api/v1/filters/histograms?regions=APAC&bins=16',
  );
  await page.locator('[data-tab="statistics"]').click();
  const select = page.getByTestId('dashboard-region');
  await expect(select).toHaveValue('');
  await expect(page.getByTestId('dashboard')).toHaveAttribute('data-region', 'all');
  const regionBars = page.locator('[data-chart="Mandate value by region"] text.chart-label');
  await expect(regionBars).toHaveText(
    all.mandates_by_region.map((g) => `${g.region} (${g.count})`),
  );

  await select.selectOption('APAC');
  const dashboard = page.getByTestId('dashboard');
  await expect(dashboard).toHaveAttribute('data-region', 'APAC');
  await expect(regionBars).toHaveText(
    expected.mandates_by_region.map((g) => `${g.region} (${g.count})`),
  );
  expect(expected.mandates_by_region.map((g) => g.region)).toEqual(['APAC']);
  await expect(
    dashboard.locator('[data-chart="Mandate value by status"] text.chart-label'),
  ).toHaveText(expected.mandates_by_status.map((g) => `${g.status} (${g.count})`));
  await expect(
    dashboard.locator('[data-chart="Consultants by companies covered"] [data-column]'),
  ).toHaveCount(expected.coverage_per_consultant.length);
  const aum = histograms.histograms.find((h) => h.field === 'aum');
  await expect(dashboard.locator('[data-chart="Companies by AUM"]')).toContainText(
    `${aum?.count.toLocaleString('en-US')} companies`,
  );
  const names = (title: string) =>
    dashboard.locator(`[data-table="${title}"] tbody tr td:first-child`);
  const regionsOf = (title: string) =>
    dashboard.locator(`[data-table="${title}"] tbody tr td:nth-child(2)`);
  const name = (n: { properties: Record<string, unknown>; id: string }) =>
    typeof n.properties.name === 'string' ? n.properties.name : n.id;
  await expect(names('Top consultants by coverage')).toHaveText(
    expected.top_consultants.map((t) => name(t.node)),
  );
  await expect(names('Top companies by AUM')).toHaveText(
    expected.top_companies.map((t) => name(t.node)),
  );
  await expect(names('At-risk mandates without level-4 coverage')).toHaveText(
    gaps.at_risk_without_level_4.map((g) => name(g.node)),
  );
  for (const title of ['Top consultants by coverage', 'Top companies by AUM'])
    for (const cell of await regionsOf(title).allTextContents()) expect(cell).toBe('APAC');
  // The scope and the charts under it, then the tables (the statistics screen scrolls).
  await page
    .getByTestId('dashboard-region')
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await snap(page, 'dashboard-3-region');
  await dashboard
    .locator('[data-table="Top consultants by coverage"]')
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await snap(page, 'dashboard-4-region-tables');

  // A top consultant of the region opens in the network; the scope is still there on return.
  const top = expected.top_consultants[0];
  if (!top) throw new Error('no top consultant in APAC');
  await dashboard
    .locator('[data-table="Top consultants by coverage"]')
    .getByRole('button', { name: name(top.node), exact: true })
    .click();
  await expect(page.locator('[data-tab="explore"]')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('node-details')).toHaveAttribute('data-node-key', top.node.key);
  await expect
    .poll(() => page.evaluate((k) => globalThis.__SN__?.nodes().includes(k), top.node.key))
    .toBe(true);
  await page.locator('[data-tab="statistics"]').click();
  await expect(page.getByTestId('dashboard-region')).toHaveValue('APAC');
  await expect(page.getByTestId('dashboard')).toHaveAttribute('data-region', 'APAC');
});
