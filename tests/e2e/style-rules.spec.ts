/**
 * Rule-based styling by data properties (the metrics suite covers metric-driven rules): colour
 * by a numeric property's range, size by another's, label by a text property. Attributes are
 * read through the debug handle and checked against the properties the API returns.
 */
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_GRADIENT } from '../../src/renderer/src/graph/style-rules';
import { openRegion, snap } from './support';

const attributes = (page: Page, key: string) =>
  page.evaluate((k) => globalThis.__SN__?.nodeAttributes(k) ?? null, key);

test('colour by AUM range, size by influence, label by sales region; the legend follows', async ({
  page,
  request,
}) => {
  const region = await openRegion(page, request);
  await page.getByTestId('style-menu').locator('summary').click();
  await page.getByTestId('style-color-property').selectOption('aum');
  await page.getByTestId('style-color-by').selectOption('range');
  await page.getByTestId('style-size-property').selectOption('influence');
  await page.getByTestId('style-label-property').selectOption('sales_region');
  await page.getByTestId('style-menu').locator('summary').click();

  // Colour: the richest company takes the gradient's end colour, the poorest its start.
  const byAum = region.nodes
    .filter((n) => typeof n.properties.aum === 'number')
    .sort((a, b) => Number(a.properties.aum) - Number(b.properties.aum));
  const poorest = byAum[0];
  const richest = byAum.at(-1);
  if (!poorest || !richest) throw new Error('no company with an AUM');
  await expect
    .poll(async () => (await attributes(page, richest.key))?.color)
    .toBe(DEFAULT_GRADIENT.to);
  expect((await attributes(page, poorest.key))?.color).toBe(DEFAULT_GRADIENT.from);

  // Size grows with influence among consultants.
  const consultants = region.nodes
    .filter((n) => typeof n.properties.influence === 'number')
    .sort((a, b) => Number(a.properties.influence) - Number(b.properties.influence));
  const sizes: number[] = [];
  for (const c of consultants) sizes.push(Number((await attributes(page, c.key))?.size));
  for (let i = 1; i < sizes.length; i++)
    expect(sizes[i] ?? 0).toBeGreaterThanOrEqual(sizes[i - 1] ?? 0);
  expect(sizes.at(-1) ?? 0).toBeGreaterThan(sizes[0] ?? 0);

  // Label: the node's sales region wherever it has one.
  const labelled = region.nodes.filter((n) => typeof n.properties.sales_region === 'string');
  expect(labelled.length).toBeGreaterThan(0);
  for (const n of labelled.slice(0, 20))
    expect((await attributes(page, n.key))?.label).toBe(n.properties.sales_region);

  const legend = page.getByTestId('rule-legend');
  await expect(legend.getByTestId('legend-color')).toHaveAttribute('data-property', 'aum');
  await expect(legend.getByTestId('legend-size')).toHaveAttribute('data-property', 'influence');
  await expect(legend.getByTestId('legend-label')).toBeVisible();
  await snap(page, 'style-rules-properties');
});
