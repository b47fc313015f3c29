/**
 * Metrics and style rules end to end: PageRank and Louvain computed in the worker on a region,
 * nodes sized by PageRank and coloured by community (attributes read through the debug handle),
 * the legend following the rules, and a saved view bringing the rules (and their metrics) back.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { nodeCount, openApp, overlappingPanels, settled } from './support';

type Styled = { key: string; size: number; color: string; pagerank?: number; community?: number };

const styled = (page: Page): Promise<Styled[]> =>
  page.evaluate(() => {
    const sn = globalThis.__SN__;
    return (sn?.nodes() ?? []).map((key) => {
      const a = sn?.nodeAttributes(key) ?? {};
      return {
        key,
        size: Number(a.size),
        color: String(a.color),
        pagerank: typeof a.pagerank === 'number' ? a.pagerank : undefined,
        community: typeof a.community === 'number' ? a.community : undefined,
      };
    });
  });

const completed = (page: Page): Promise<number> =>
  page.evaluate(() => globalThis.__SN__?.metrics().completed ?? -1);

async function toggleMenu(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).locator('summary').click();
}

/** Every node has both metrics; size grows with PageRank; one colour per community. */
function expectStyledByRules(nodes: Styled[]): void {
  expect(nodes.every((n) => n.pagerank !== undefined && n.community !== undefined)).toBe(true);
  const byRank = [...nodes].sort((a, b) => (a.pagerank ?? 0) - (b.pagerank ?? 0));
  for (let i = 1; i < byRank.length; i++)
    expect(byRank[i]?.size ?? 0).toBeGreaterThanOrEqual(byRank[i - 1]?.size ?? 0);
  expect(byRank.at(-1)?.size).toBeGreaterThan(byRank[0]?.size ?? 0);
  const colorOf = new Map<number, string>();
  for (const n of nodes) {
    const c = n.community ?? -1;
    expect(colorOf.get(c) ?? n.color).toBe(n.color);
    colorOf.set(c, n.color);
  }
}

test('PageRank and Louvain drive size and colour, with a legend, saved in a view', async ({
  page,
}) => {
  await openApp(page);
  await page.locator('[data-region="NAI"]').click();
  await expect.poll(() => nodeCount(page)).toBeGreaterThan(0);
  await settled(page);

  await toggleMenu(page, 'metrics-menu');
  const form = page.getByTestId('metrics-form');
  for (const box of await form.locator('input[type="checkbox"]').all()) {
    const metric = await box.getAttribute('data-metric');
    await box.setChecked(metric === 'pagerank' || metric === 'community');
  }
  await form.getByTestId('metrics-compute').click();
  await expect.poll(() => completed(page)).toBe(1);
  const drawn = await nodeCount(page);
  await expect(form.getByTestId('metrics-done')).toContainText(`Computed on ${drawn} nodes`);
  await toggleMenu(page, 'metrics-menu');

  await toggleMenu(page, 'style-menu');
  await page.getByTestId('style-size-property').selectOption('pagerank');
  await page.getByTestId('style-color-property').selectOption('community');
  await expect(page.getByTestId('style-color-by')).toHaveValue('category');
  await page.screenshot({ path: 'test-results/e2e-style-menu.png' });
  await toggleMenu(page, 'style-menu');

  await expect
    .poll(async () => new Set((await styled(page)).map((n) => n.color)).size)
    .toBeGreaterThan(1);
  const nodes = await styled(page);
  expectStyledByRules(nodes);

  // The legend lists each community's colour with its node count, and the size scale.
  const communities = new Map<string, { color: string; count: number }>();
  for (const n of nodes) {
    const key = String(n.community);
    communities.set(key, { color: n.color, count: (communities.get(key)?.count ?? 0) + 1 });
  }
  const legend = page.getByTestId('legend');
  await expect(legend.getByTestId('legend-color')).toContainText('Colour: Community (Louvain)');
  const entries = legend.getByTestId('legend-categories').locator('li[data-value]');
  await expect(entries).toHaveCount(Math.min(12, communities.size));
  for (const li of await entries.all()) {
    const value = (await li.getAttribute('data-value')) ?? '';
    await expect(li).toContainText(`(${communities.get(value)?.count})`);
    const swatch = await li
      .locator('.swatch')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    const hex = communities.get(value)?.color ?? '';
    const rgb = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
    expect(swatch).toBe(`rgb(${rgb.join(', ')})`);
  }
  await expect(legend.getByTestId('legend-size')).toContainText('Size: PageRank');
  expect(await overlappingPanels(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/e2e-network-styled.png' });

  // Saved in a view: the rules come back on a fresh page, their metrics computed again.
  await page.getByTestId('views-tool').locator('summary').click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save view…' }).click();
  const file = await download;
  const content = await readFile(await file.path(), 'utf8');
  expect(JSON.parse(content)).toMatchObject({
    version: 3,
    view: {
      appearance: {
        rules: {
          color: { by: 'category', property: 'community' },
          size: { by: 'range', property: 'pagerank' },
          label: null,
        },
      },
    },
  });

  await page.reload();
  await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'ok');
  await expect(page.getByTestId('legend-color')).toHaveCount(0);
  await page.getByTestId('views-tool').locator('summary').click();
  await page.getByTestId('open-view-input').setInputFiles({
    name: file.suggestedFilename(),
    mimeType: 'application/json',
    buffer: Buffer.from(content),
  });
  await expect(page.getByTestId('views-tool').getByRole('status')).toContainText('Opened');
  await expect.poll(() => completed(page)).toBe(1);
  await expect.poll(() => nodeCount(page)).toBe(drawn);
  const reopened = await styled(page);
  expectStyledByRules(reopened);
  const before = new Map(nodes.map((n) => [n.key, n]));
  expect(reopened.every((n) => before.get(n.key)?.community === n.community)).toBe(true);
  await expect(page.getByTestId('legend-categories').locator('li[data-value]')).toHaveCount(
    Math.min(12, communities.size),
  );
  await expect(page.getByTestId('legend-size')).toContainText('Size: PageRank');
});
