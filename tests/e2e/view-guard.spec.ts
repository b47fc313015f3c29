/**
 * A view over the draw limit goes through the too-large guard: the app asks the view without
 * its totals (`totals=none`, so the server counts nothing the cap cut), says "more than" the
 * limit while POST /graph/estimate counts the view, then shows the count, in the guard and in
 * the footer; drawing the first part anyway says the same count.
 */
import { expect, test } from '@playwright/test';
import type { GraphEstimate } from '../../src/shared/api';
import { nodeCount, openApp, snap } from './support';

const LIMIT = 100;
const REGION = 'NAI';

test('a region over the draw limit is guarded, "more than" the limit until its count arrives', async ({
  page,
  request,
}) => {
  const estimate = (await (
    await request.post('/api/v1/graph/estimate', { data: { view: 'region', region: REGION } })
  ).json()) as GraphEstimate;
  expect(estimate.nodes).toBeGreaterThan(LIMIT);
  const total = estimate.nodes.toLocaleString('en-US');

  await page.addInitScript((n) => {
    localStorage.setItem('smart-network.maxDrawNodes', String(n));
  }, LIMIT);
  // The counts wait until the "more than" state has been seen.
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/v1/graph/estimate', async (route) => {
    await released;
    await route.continue();
  });
  const views: string[] = [];
  page.on('request', (req) => {
    if (req.url().includes(`/api/v1/graph/region/${REGION}`)) views.push(req.url());
  });

  await openApp(page);
  await page.locator(`[data-region="${REGION}"]`).click();
  const guard = page.getByTestId('too-large');
  const status = page.getByTestId('status-text');
  await expect(guard).toContainText(
    `More than the ${LIMIT} nodes this view draws match; counting them…`,
  );
  await expect(status).toContainText(`more than ${LIMIT} nodes matched`);
  expect(views.length).toBeGreaterThan(0);
  expect(views.every((url) => new URL(url).searchParams.get('totals') === 'none')).toBe(true);

  release();
  await expect(guard).toContainText(
    `${total} nodes match: more than the ${LIMIT} this view draws.`,
  );
  await expect(status).toContainText(`${total} nodes matched`);
  await snap(page, 'view-guard');

  await guard.getByRole('button', { name: `Draw the first ${LIMIT} anyway` }).click();
  await expect(guard).toHaveCount(0);
  await expect.poll(() => nodeCount(page)).toBe(LIMIT);
  await expect(page.getByTestId('truncated')).toContainText(
    `Showing the first part of ${total} matching nodes.`,
  );
  await expect(status).toContainText(`${total} nodes matched`);
});
