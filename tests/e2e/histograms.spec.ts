/**
 * The plan-assets range filter over its distribution from the server: the bars count what the
 * API counts, and clicking a bar filters to that bin.
 */
import { expect, test } from '@playwright/test';
import type { GraphResponse, HistogramsResponse } from '../../src/shared/api';
import { nodeCount, openRegion, settled, snap } from './support';

test('range filter: histogram from the server, a bar picks the range', async ({
  page,
  request,
}) => {
  await openRegion(page, request);

  const { histograms } = (await (
    await request.get('/api/v1/filters/histograms?regions=NAI')
  ).json()) as HistogramsResponse;
  const assets = histograms.find((x) => x.field === 'fc_total_plan_assets');
  if (!assets) throw new Error('no plan-assets histogram');
  const bars = page.getByTestId('histogram-fc_total_plan_assets').locator('rect');
  await expect(bars).toHaveCount(assets.bins.length);
  const counts = await bars.evaluateAll((els) =>
    els.map((el) => Number(el.getAttribute('data-count'))),
  );
  expect(counts).toEqual(assets.bins.map((b) => b.count));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(assets.count);

  // The fullest bin becomes the range; applying it draws what the API's filter returns.
  const fullest = counts.indexOf(Math.max(...counts));
  await bars.nth(fullest).click({ force: true });
  const min = Number(await page.getByLabel('Minimum FC plan assets').inputValue());
  const max = Number(await page.getByLabel('Maximum FC plan assets').inputValue());
  const bin = assets.bins[fullest];
  expect(min).toBe(Math.floor(Number(bin?.from)));
  expect(max).toBe(Math.ceil(Number(bin?.to)));
  await expect(bars.nth(fullest)).toHaveClass(/in-range/);
  await snap(page, 'histogram-1-picked');
  await page.getByTestId('apply-filters').click();
  const filtered = (await (
    await request.post('/api/v1/graph/filter', {
      data: { regions: ['NAI'], fc_total_plan_assets_min: min, fc_total_plan_assets_max: max },
    })
  ).json()) as GraphResponse;
  expect(filtered.nodes.length).toBeGreaterThan(0);
  await expect.poll(() => nodeCount(page)).toBe(filtered.nodes.length);
  await settled(page);
  await snap(page, 'histogram-2-applied');
});
