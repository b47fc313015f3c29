/**
 * Saved views end to end: a filtered, zoomed view is saved to a file, the page reloaded, the
 * file opened: the same filters, mode and camera come back. A damaged file is explained.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { nodeCount, settled } from './support';

type Camera = { x: number; y: number; ratio: number; angle: number };

const camera = (page: Page): Promise<Camera | null> =>
  page.evaluate(() => globalThis.__SN__?.camera() ?? null);

async function openViewMenu(page: Page): Promise<void> {
  const menu = page.getByTestId('views-tool');
  if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
}

test('a saved view reopens with the same filters and camera', async ({ page }) => {
  await page.goto('/?debug');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'ok');
  await page.locator('[data-region="NAI"]').click();
  const panel = page.getByTestId('filters');
  await panel.locator('[data-field="mandate_statuses"]').getByLabel('Active').check();
  await page.getByTestId('apply-filters').click();
  await expect(page.getByTestId('filter-chips')).toContainText('Active');
  await expect.poll(() => nodeCount(page)).toBeGreaterThan(0);
  await settled(page);
  const nodes = await nodeCount(page);

  // Zoom in on the network so the camera is not the default one.
  const box = await page.getByTestId('network').boundingBox();
  if (!box) throw new Error('no network');
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.4);
  await page.mouse.wheel(0, -600);
  await expect.poll(async () => (await camera(page))?.ratio ?? 1).toBeLessThan(0.9);
  await page.waitForTimeout(500);
  const saved = await camera(page);
  if (!saved) throw new Error('no camera');
  const chips = (await page.getByTestId('filter-chips').textContent()) ?? '';

  await openViewMenu(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save view…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.snview\.json$/);
  const content = await readFile(await file.path(), 'utf8');
  expect(JSON.parse(content)).toMatchObject({
    format: 'smart-network-view',
    version: 3,
    view: { mode: 'standard', filters: { regions: ['NAI'], mandate_statuses: ['Active'] } },
  });

  await page.reload();
  await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'ok');
  await openViewMenu(page);
  await page.getByTestId('open-view-input').setInputFiles({
    name: file.suggestedFilename(),
    mimeType: 'application/json',
    buffer: Buffer.from(content),
  });
  await expect(page.getByTestId('views-tool').getByRole('status')).toContainText('Opened');
  await expect(page.getByTestId('filter-chips')).toHaveText(chips);
  await expect.poll(() => nodeCount(page)).toBe(nodes);
  await expect
    .poll(async () => {
      const now = await camera(page);
      return now
        ? Math.max(
            Math.abs(now.x - saved.x),
            Math.abs(now.y - saved.y),
            Math.abs(now.ratio - saved.ratio),
          )
        : 1;
    })
    .toBeLessThan(1e-6);
  await page.screenshot({ path: 'test-results/e2e-view-reopened.png' });
});

test('opening a damaged view file says what is wrong', async ({ page }) => {
  await page.goto('/?debug');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'ok');
  await openViewMenu(page);
  const input = page.getByTestId('open-view-input');
  const alert = page.getByTestId('views-tool').getByRole('alert');
  await input.setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{oops'),
  });
  await expect(alert).toContainText(
    'notes.json: This file is not a saved view: it is not valid JSON.',
  );
  const damaged = {
    format: 'smart-network-view',
    version: 2,
    saved_at: new Date().toISOString(),
    view: {
      mode: 'sideways',
      filters: {},
      appearance: {},
      layout: { kind: 'circular' },
      camera: null,
      expanded: [],
    },
  };
  await input.setInputFiles({
    name: 'damaged.snview.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(damaged)),
  });
  await expect(alert).toContainText('damaged or incomplete');
  await expect(alert).toContainText('view.mode');
});
