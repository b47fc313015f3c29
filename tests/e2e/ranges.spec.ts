/**
 * The range filters beyond plan assets and the time slider: an AUM range draws what the API's
 * filter returns and reads as a chip; stepping the time slider applies its window as the
 * mandate start range.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { GraphResponse, HistogramsResponse } from '../../src/shared/api';
import { nodeCount, openRegion, settled, snap } from './support';

const filtered = async (request: APIRequestContext, data: object): Promise<GraphResponse> =>
  (await (await request.post('/api/v1/graph/filter', { data })).json()) as GraphResponse;

test('AUM range: applied from its inputs, drawn as the API filters, shown as a chip', async ({
  page,
  request,
}) => {
  await openRegion(page, request);
  const { histograms } = (await (
    await request.get('/api/v1/filters/histograms?regions=NAI')
  ).json()) as HistogramsResponse;
  const aum = histograms.find((x) => x.field === 'aum');
  const middle = aum?.bins[Math.floor(aum.bins.length / 2)];
  if (!middle) throw new Error('no AUM histogram');
  const min = Math.floor(Number(middle.from));
  await expect(page.getByTestId('histogram-aum').locator('rect')).toHaveCount(aum.bins.length);
  await page.getByLabel('Minimum AUM').fill(String(min));
  await page.getByTestId('apply-filters').click();
  const expected = await filtered(request, { regions: ['NAI'], aum_min: min });
  expect(expected.nodes.length).toBeGreaterThan(0);
  await expect.poll(() => nodeCount(page)).toBe(expected.nodes.length);
  await expect(page.getByTestId('filter-chips')).toContainText('AUM: $');
  await settled(page);
  await snap(page, 'ranges-1-aum');
});

test('time slider: a step applies the next window of mandate start dates', async ({
  page,
  request,
}) => {
  await openRegion(page, request);
  const slider = page.getByTestId('time-slider');
  await slider.getByLabel('Window length').selectOption('365');
  await slider.getByLabel('Step length').selectOption('90');
  await slider.getByLabel('Step forward').click();
  const window = slider.getByTestId('time-window');
  await expect(window).toHaveText(/^\d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}$/);
  const [from, to] = (await window.innerText()).split(' – ');
  await expect(page.getByTestId('filter-chips')).toContainText(`Mandate start: ${from} – ${to}`);
  let expected = await filtered(request, {
    regions: ['NAI'],
    owns_start_date_min: from,
    owns_start_date_max: to,
  });
  await expect.poll(() => nodeCount(page)).toBe(expected.nodes.length);
  await slider.getByLabel('Step forward').click();
  await expect(window).not.toHaveText(`${from} – ${to}`);
  const [next, nextTo] = (await window.innerText()).split(' – ');
  expect(Date.parse(next ?? '') - Date.parse(from ?? '')).toBe(90 * 86_400_000);
  await expect(page.getByTestId('filter-chips')).toContainText(
    `Mandate start: ${next} – ${nextTo}`,
  );
  expected = await filtered(request, {
    regions: ['NAI'],
    owns_start_date_min: next,
    owns_start_date_max: nextTo,
  });
  await expect.poll(() => nodeCount(page)).toBe(expected.nodes.length);
  // Playing moves on by itself; pausing stops it.
  await slider.getByTestId('time-play').click();
  await expect(window).not.toHaveText(`${next} – ${nextTo}`, { timeout: 5_000 });
  await slider.getByTestId('time-play').click();
  await expect(slider.getByTestId('time-play')).toHaveAttribute('aria-label', 'Play');
  await settled(page);
  await snap(page, 'ranges-2-time');
});
