/**
 * The audit log in the Admin tab: a node created and deleted over the API shows up as two
 * entries (newest first, client `rest`), the action filter narrows the table, an action nobody
 * performed shows the empty state, and Export CSV downloads the server's CSV for the filter.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { AUDIT_CSV_COLUMNS, AuditPage } from '../../src/shared/audit';
import { EditResult } from '../../src/shared/edit';
import { openApp, snap } from './support';

const ID = `AUDIT-E2E-${Date.now()}`;

test('writes are listed, filtered by action and exported as CSV', async ({ page, request }) => {
  const created = await request.post('/api/v1/nodes', {
    data: {
      label: 'PRODUCT',
      properties: {
        id: ID,
        name: 'Audit check',
        region: 'APAC',
        asset_class: 'Equities',
        universe_name: 'Global',
        universe_score: 3,
        jpm_flag: 'N',
      },
    },
  });
  expect(created.status()).toBe(200);
  const { version } = EditResult.parse(await created.json());
  const deleted = await request.delete(`/api/v1/nodes/PRODUCT/${ID}?version=${version}`);
  expect(deleted.status()).toBe(200);

  await openApp(page);
  await page.locator('[data-tab="admin"]').click();
  const view = page.getByTestId('audit-view');
  const rows = view.getByTestId('audit-table').locator('tbody tr');
  const ours = rows.filter({ hasText: ID });
  // Newest first: the delete, then the create, both from the REST API.
  await expect(ours).toHaveCount(2);
  await expect(ours.nth(0).locator('td').nth(2)).toHaveText('delete');
  await expect(ours.nth(1).locator('td').nth(2)).toHaveText('create');
  for (const i of [0, 1]) await expect(ours.nth(i).locator('td').nth(1)).toHaveText('rest');
  await expect(ours.nth(1)).toContainText('nodes_created 1');
  const all = AuditPage.parse(await (await request.get('/api/v1/audit?limit=1')).json());
  await expect(view.getByTestId('audit-range')).toHaveText(
    `1–${Math.min(all.total, 25)} of ${all.total.toLocaleString('en-US')}`,
  );

  // The statement is folded until asked for.
  const cypher = ours.nth(1).locator('details');
  await expect(cypher.locator('pre')).toBeHidden();
  await cypher.locator('summary').click();
  await expect(cypher.locator('pre')).toContainText('CREATE');
  await snap(page, 'audit');

  await view.getByLabel('Action').selectOption('create');
  await expect(ours).toHaveCount(1);
  await expect(
    rows.filter({ hasNot: page.locator('td:nth-child(3):text-is("create")') }),
  ).toHaveCount(0);

  await snap(page, 'audit-filtered');

  const downloaded = page.waitForEvent('download');
  await view.getByRole('button', { name: 'Export CSV' }).click();
  const download = await downloaded;
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv.split('\r\n').filter((line) => line !== '');
  expect(lines[0]).toBe(AUDIT_CSV_COLUMNS.join(','));
  const row = lines.filter((line) => line.includes(ID));
  expect(row).toHaveLength(1);
  expect(row[0]).toMatch(/^[^,]+,rest,create,/);
  await expect(view.getByRole('status')).toContainText(`Exported ${download.suggestedFilename()}`);

  // Nothing in this run undoes an edit: the filter shows the empty state.
  const undo = AuditPage.parse(await (await request.get('/api/v1/audit?action=undo')).json());
  expect(undo.total).toBe(0);
  await view.getByLabel('Action').selectOption('undo');
  await expect(view.getByTestId('audit-empty')).toHaveText('No audit entries for undo.');
  await expect(view.getByTestId('audit-table')).toHaveCount(0);
});
