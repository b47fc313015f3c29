/**
 * The audit log in the Admin tab: a node created and deleted over the API shows up as two
 * entries (newest first, client `rest`), the action filter narrows the table, an action nobody
 * performed shows the empty state, Export CSV downloads the server's CSV for the filter, and
 * Older/Newer page through it.
 */
import { readFile } from 'node:fs/promises';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { AUDIT_CSV_COLUMNS, AuditPage } from '../../src/shared/audit';
import { EditResult } from '../../src/shared/edit';
import { openApp, snap } from './support';

const ID = `AUDIT-E2E-${Date.now()}`;

const product = (id: string) => ({
  label: 'PRODUCT',
  properties: {
    id,
    name: 'Audit check',
    region: 'APAC',
    asset_class: 'Equities',
    universe_name: 'Global',
    universe_score: 3,
    jpm_flag: 'N',
  },
});

/** Creates a product node over the API and deletes it again: two audit entries. */
async function createAndDelete(request: APIRequestContext, id: string): Promise<void> {
  const created = await request.post('/api/v1/nodes', { data: product(id) });
  expect(created.status()).toBe(200);
  const { version } = EditResult.parse(await created.json());
  const deleted = await request.delete(`/api/v1/nodes/PRODUCT/${id}?version=${version}`);
  expect(deleted.status()).toBe(200);
}

test('writes are listed, filtered by action and exported as CSV', async ({ page, request }) => {
  await createAndDelete(request, ID);

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

test('Older and Newer page through the log, 25 entries at a time', async ({ page, request }) => {
  for (let i = 0; i < 13; i++) await createAndDelete(request, `AUDIT-PAGE-${Date.now()}-${i}`);
  const all = AuditPage.parse(await (await request.get('/api/v1/audit?limit=50')).json());
  expect(all.total).toBeGreaterThan(25);
  await openApp(page);
  await page.locator('[data-tab="admin"]').click();
  const view = page.getByTestId('audit-view');
  const rows = view.getByTestId('audit-table').locator('tbody tr');
  const range = view.getByTestId('audit-range');
  const newer = view.getByRole('button', { name: '← Newer' });
  const older = view.getByRole('button', { name: 'Older →' });
  await expect(range).toHaveText(`1–25 of ${all.total}`);
  await expect(rows).toHaveCount(25);
  await expect(newer).toBeDisabled();
  await older.click();
  await expect(range).toHaveText(`26–${Math.min(all.total, 50)} of ${all.total}`);
  // The 26th entry, newest first, heads the second page.
  await expect(rows.first()).toContainText(all.entries[25]?.summary ?? '?');
  await newer.click();
  await expect(range).toHaveText(`1–25 of ${all.total}`);
  await expect(rows.first()).toContainText(all.entries[0]?.summary ?? '?');
});
