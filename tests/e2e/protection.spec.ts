/**
 * The protection level in the browser: the header badge names the served level, and under
 * `confirm` the import shows its dry run and writes only after a second, explicit click that
 * sends `confirm=true`. The e2e server runs `free` (other specs write freely), so the confirm
 * flow reads a settings answer that says `confirm`; the server's own refusal of an unconfirmed
 * write is covered over HTTP (tests/integration/api/protection.test.ts).
 */
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { ServerSettings, StatsResponse } from '../../src/shared/api';
import { openApp, snap } from './support';

const REGION = 'ZPROTECT';
const file = {
  name: 'COMPANY.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(
    'id,name,region,sales_region,channel,pca,aca,privacy,aum\n' +
      `${REGION}-CO-1,Guarded company,${REGION},East,Direct,Ann,Bo,Public,1000\n`,
  ),
};

const regionNodes = async (request: APIRequestContext): Promise<number> => {
  const stats = (await (await request.get('/api/v1/graph/stats')).json()) as StatsResponse;
  return stats.regions.find((r) => r.region === REGION)?.nodes ?? 0;
};

test('the badge shows the served protection level', async ({ page }) => {
  await openApp(page);
  const badge = page.getByTestId('protection-badge');
  await expect(badge).toHaveAttribute('data-level', 'free');
  await expect(badge).toHaveText('Free');
});

test('under confirm the import shows its dry run and writes only when confirmed', async ({
  page,
  request,
}) => {
  await page.route('**/api/v1/settings', async (route) => {
    const served = (await (await route.fetch()).json()) as ServerSettings;
    await route.fulfill({ json: { ...served, protection: 'confirm' } });
  });
  await openApp(page);
  await expect(page.getByTestId('protection-badge')).toHaveText('Confirm');
  await page.getByTestId('data-tool').locator('summary').click();
  await page.getByRole('button', { name: 'Import files…' }).click();
  const dialog = page.getByTestId('import-dialog');
  await dialog.locator('input[type="file"]').setInputFiles(file);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const confirm = dialog.getByTestId('import-confirm');
  await expect(confirm).toContainText('Confirm to write 1 row');
  await expect(dialog.getByTestId('import-report')).toContainText('Checked 1 rows');
  await snap(page, 'protection-confirm');
  expect(await regionNodes(request)).toBe(0);

  const upload = page.waitForRequest(
    (r) => r.method() === 'POST' && r.url().endsWith('/api/v1/import/jobs'),
  );
  await confirm.getByRole('button', { name: 'Confirm import' }).click();
  expect((await upload).postData()).toContain('name="confirm"');
  await expect(dialog.getByTestId('import-report')).toContainText('Imported 1 rows');
  await expect.poll(() => regionNodes(request)).toBe(1);
});
