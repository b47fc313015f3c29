/**
 * Importing in the browser: a file is chosen and uploaded, a dry run shows the column mapping
 * and writes nothing, a bad row is listed and refused, and the import writes every row; a large
 * import shows its progress and a cancel writes nothing.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { StatsResponse } from '../../src/shared/api';

const REGION = 'ZIMPORT';
const HEADER = 'id,name,region,sales_region,channel,pca,aca,privacy,aum';
const row = (n: number, privacy = 'Public'): string =>
  `${REGION}-CO-${n},Imported company ${n},${REGION},East,Direct,Ann,Bo,${privacy},${n * 1000}`;
const csv = (rows: string[]) => ({
  name: 'COMPANY.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(`${[HEADER, ...rows].join('\n')}\n`),
});

const regionNodes = async (request: APIRequestContext): Promise<number> => {
  const stats = (await (await request.get('/api/v1/graph/stats')).json()) as StatsResponse;
  return stats.regions.find((r) => r.region === REGION)?.nodes ?? 0;
};

async function openImport(page: Page) {
  await page.getByTestId('data-tool').locator('summary').click();
  await page.getByRole('button', { name: 'Import files…' }).click();
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'ok');
});

test('uploads a file: the dry run reports, a bad row is refused, the import writes', async ({
  page,
  request,
}) => {
  const dialog = await openImport(page);
  const input = dialog.locator('input[type="file"]');
  await input.setInputFiles(csv([row(1), row(2), row(3, 'Secret')]));
  await dialog.getByRole('button', { name: 'Check (dry run)' }).click();
  const report = dialog.getByTestId('import-report');
  await expect(report).toContainText('Checked 3 rows');
  const bad = dialog.getByTestId('import-errors').locator('tbody tr');
  await expect(bad).toHaveCount(1);
  await expect(bad.locator('td')).toHaveText(['COMPANY.csv', '4', 'privacy', /expected one of/]);
  await report.locator('summary').first().click();
  await page.screenshot({ path: 'test-results/e2e-import-dry-run.png' });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('alert').first()).toContainText('1 bad row');
  expect(await regionNodes(request)).toBe(0);

  await input.setInputFiles(csv([row(1), row(2), row(3)]));
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(report).toContainText('Imported 3 rows: 3 nodes created');
  await page.screenshot({ path: 'test-results/e2e-import-done.png' });
  await expect.poll(() => regionNodes(request)).toBe(3);
  // Importing the same file again changes nothing.
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(report).toContainText('0 nodes created, 0 updated');

  // A region more in the header: it keeps one row at 1280 px, its last button in sight.
  await page.reload();
  await expect(page.getByTestId('regions').locator(`[data-region="${REGION}"]`)).toHaveCount(1);
  const header = await page.locator('[data-panel="header"]').boundingBox();
  const help = await page.getByTestId('help-open').boundingBox();
  expect(header!.height).toBeLessThan(48);
  expect(help!.x + help!.width).toBeLessThanOrEqual(1280);
  expect(help!.y).toBeLessThan(header!.y + header!.height);
  await page.screenshot({ path: 'test-results/e2e-import-header.png' });
});

test('shows the progress of a large import and cancels it: nothing is written', async ({
  page,
  request,
}) => {
  const before = await regionNodes(request);
  const dialog = await openImport(page);
  const rows = Array.from({ length: 40_000 }, (_, i) => row(10_000 + i));
  await dialog.locator('input[type="file"]').setInputFiles(csv(rows));
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const progress = dialog.getByTestId('import-progress');
  await expect(progress).toBeVisible();
  await expect(progress).toContainText(/of 40,000 rows/);
  await expect(progress).toContainText(/Reading and writing: [1-9][\d,]* of 40,000 rows/);
  await page.screenshot({ path: 'test-results/e2e-import-progress.png' });
  await progress.getByRole('button', { name: 'Cancel import' }).click();
  await expect(dialog.getByTestId('import-notice')).toContainText('cancelled');
  await expect(progress).toBeHidden();
  await page.screenshot({ path: 'test-results/e2e-import-cancelled.png' });
  expect(await regionNodes(request)).toBe(before);
});
