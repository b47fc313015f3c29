/**
 * The statistics dashboard: its distributions and tables come from the server, and a row of a
 * top-N table shows its node in the network, selected.
 */
import { expect, test } from '@playwright/test';
import type { Distributions } from '../../src/shared/api';
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
