/**
 * "Show Cypher" before each write: the generate and clear dialogs, the console's write
 * confirmation and the import's dry run show the parameterised statements the write runs, and
 * showing them writes nothing. The e2e server runs `free` with write queries refused, so these
 * specs read a settings answer that says `confirm` and allows write queries; nothing is confirmed
 * here (the confirmed writes are covered by admin, import and protection specs).
 */
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { ServerSettings, StatsResponse } from '../../src/shared/api';
import { openApp, snap } from './support';

const REGION = 'ZPREVIEW';

type Counts = { nodes: number; relationships: number };
const counts = async (request: APIRequestContext): Promise<Counts> => {
  const stats = (await (await request.get('/api/v1/graph/stats')).json()) as StatsResponse;
  return { nodes: stats.total_nodes, relationships: stats.total_relationships };
};

/** Write requests sent: generate, clear, import uploads and queries run with writes allowed. */
function watchWrites(page: Page): string[] {
  const writes: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    const write =
      ['/api/v1/graph/generate', '/api/v1/graph/clear', '/api/v1/import/jobs'].includes(path) ||
      (path === '/api/v1/graph/query' && /"read_only":\s*false/.test(r.postData() ?? ''));
    if (write && r.method() !== 'GET') writes.push(`${r.method()} ${path}`);
  });
  return writes;
}

async function openConfirming(page: Page): Promise<void> {
  await page.route('**/api/v1/settings', async (route) => {
    const served = (await (await route.fetch()).json()) as ServerSettings;
    await route.fulfill({
      json: { ...served, protection: 'confirm', allow_write_queries: true },
    });
  });
  await openApp(page);
  await expect(page.getByTestId('protection-badge')).toHaveText('Confirm');
}

async function openData(page: Page, item: string, testId: string): Promise<Locator> {
  await page.getByTestId('data-tool').locator('summary').click();
  await page.getByRole('button', { name: item }).click();
  const dialog = page.getByTestId(testId);
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Unfolds a preview and waits for its statements. */
async function showCypher(preview: Locator): Promise<Locator> {
  if ((await preview.getAttribute('open')) === null) await preview.locator('summary').click();
  await expect(preview).toHaveAttribute('data-state', 'ready');
  const statements = preview.getByTestId(`${await preview.getAttribute('data-testid')}-statement`);
  await expect(statements.first()).toBeVisible();
  return statements;
}

/** The element lies inside the viewport, and inside its dialog (nothing clipped). */
async function expectInside(inner: Locator, outer: Locator): Promise<void> {
  const a = await inner.boundingBox();
  const b = await outer.boundingBox();
  if (!a || !b) throw new Error('not laid out');
  expect(a.x).toBeGreaterThanOrEqual(b.x);
  expect(a.x + a.width).toBeLessThanOrEqual(b.x + b.width + 1);
  expect(b.x + b.width).toBeLessThanOrEqual(1280);
  expect(b.y + b.height).toBeLessThanOrEqual(800);
}

test.beforeEach(async ({ page }) => {
  await openConfirming(page);
});

test('the generate dialog shows the UNWIND statements of the run, and runs nothing', async ({
  page,
  request,
}) => {
  const before = await counts(request);
  const writes = watchWrites(page);
  const dialog = await openData(page, 'Generate sample data…', 'generate-dialog');
  for (const region of ['NAI', 'EMEA', 'APAC'])
    await dialog.getByRole('checkbox', { name: region, exact: true }).setChecked(region === 'APAC');
  await dialog.locator('[name="consultants_per_region"]').fill('2');
  const preview = dialog.getByTestId('generate-cypher');
  const statements = await showCypher(preview);
  await expect(statements.first()).toContainText('UNWIND $rows AS row CREATE (n:CONSULTANT)');
  await expect(preview).toContainText('$rows: 2 rows in batches of');
  await expect(dialog.getByRole('button', { name: 'Confirm and generate' })).toBeVisible();

  // The preview follows the form: replace mode adds the deletes of the regions' old data.
  const count = await statements.count();
  await dialog.locator('[name="mode"]').selectOption('replace');
  await expect(statements).not.toHaveCount(count);
  await expect(preview).toContainText('DETACH DELETE n');
  // A field in error has nothing to preview.
  await dialog.locator('[name="consultants_per_region"]').fill('0');
  await expect(preview).toContainText('Fix the fields above to see the Cypher.');
  await expect(statements).toHaveCount(0);
  await dialog.locator('[name="consultants_per_region"]').fill('2');
  await showCypher(preview);
  await expectInside(preview, dialog);
  await dialog.getByRole('button', { name: 'Confirm and generate' }).scrollIntoViewIfNeeded();
  await snap(page, 'preview-generate');
  expect(writes).toEqual([]);
  expect(await counts(request)).toEqual(before);
});

test('the clear dialog shows the DETACH DELETE of the chosen regions before the phrase', async ({
  page,
  request,
}) => {
  const before = await counts(request);
  const writes = watchWrites(page);
  const dialog = await openData(page, 'Clear data…', 'clear-dialog');
  const preview = dialog.getByTestId('clear-cypher');
  const statements = await showCypher(preview);
  await expect(statements.last()).toContainText('DETACH DELETE n');
  await expect(preview).not.toContainText('$regions');

  await dialog.getByLabel('Only some regions').check();
  await expect(preview).toContainText('Pick the regions to see the Cypher.');
  await dialog.getByRole('checkbox', { name: 'EMEA', exact: true }).check();
  await showCypher(preview);
  await expect(statements.last()).toContainText('DETACH DELETE n');
  await expect(preview).toContainText('$regions');
  await expect(preview).toContainText('EMEA');

  // Copy puts the statements on the clipboard as one script.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await preview.getByRole('button', { name: 'Copy' }).click();
  await expect(preview.getByRole('status')).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('DETACH DELETE n');
  expect(copied.split(';\n\n')).toHaveLength(await statements.count());
  // Another scope is another script: the note goes.
  await dialog.getByLabel('All data').check();
  await expect(statements).toHaveCount(2);
  await expect(preview.getByRole('status')).toHaveText('');
  await dialog.getByLabel('Only some regions').check();
  await dialog.getByRole('checkbox', { name: 'EMEA', exact: true }).check();
  await expect(preview).toContainText('EMEA');

  await expectInside(preview, dialog);
  await snap(page, 'preview-clear');
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  expect(writes).toEqual([]);
  expect(await counts(request)).toEqual(before);
});

test('a failed preview says why, readably', async ({ page }) => {
  await page.route('**/api/v1/preview', (route) =>
    route.fulfill({
      status: 503,
      json: { error: { code: 'DATABASE_UNAVAILABLE', message: 'The database is not reachable' } },
    }),
  );
  const dialog = await openData(page, 'Clear data…', 'clear-dialog');
  const preview = dialog.getByTestId('clear-cypher');
  await preview.locator('summary').click();
  await expect(preview.getByTestId('clear-cypher-error')).toHaveText(
    'The Cypher could not be shown: The database is not reachable',
  );
  await snap(page, 'preview-error');
});

test('the console asks before a write and shows its Cypher with parameter names only', async ({
  page,
  request,
}) => {
  const before = await counts(request);
  const writes = watchWrites(page);
  // In the dark theme, to see the preview read there too.
  if ((await page.locator('html').getAttribute('data-theme')) !== 'dark')
    await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.locator('[data-tab="workbench"]').click();
  const editor = page.getByTestId('cypher-editor');
  await expect(editor).toBeVisible();
  const query = `MERGE (c:CONSULTANT {id: $id}) SET c.name = $name, c.region = '${REGION}'`;
  await editor.locator('.cm-content').click();
  await page.keyboard.insertText(query);
  await page.keyboard.press('Escape');
  await page.locator('details.parameters > summary').click();
  await page.getByLabel('Parameters (JSON)').fill('{"id": "ZPREVIEW-C-1", "name": "Secret name"}');
  await page.getByLabel('Allow writes').check();
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  const confirm = page.getByTestId('write-confirm');
  await expect(confirm).toBeVisible();
  const preview = confirm.getByTestId('write-cypher');
  const statements = await showCypher(preview);
  await expect(statements).toHaveText([query]);
  await expect(preview).toContainText('Parameters: $id: string, $name: string');
  await expect(preview).not.toContainText('Secret name');
  await expectInside(preview, confirm);
  await snap(page, 'preview-console');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect(writes).toEqual([]);
  expect(await counts(request)).toEqual(before);
});

test('the import dry run shows the MERGE it would run before the confirmation', async ({
  page,
  request,
}) => {
  const before = await counts(request);
  const dialog = await openData(page, 'Import files…', 'import-dialog');
  await dialog.locator('input[type="file"]').setInputFiles({
    name: 'COMPANY.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'id,name,region,sales_region,channel,pca,aca,privacy,aum\n' +
        `${REGION}-CO-1,Previewed company,${REGION},East,Direct,Ann,Bo,Public,1000\n` +
        `${REGION}-CO-2,Previewed company 2,${REGION},West,Direct,Ann,Bo,Private,2000\n`,
    ),
  });
  const uploads: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/v1/import/jobs'))
      uploads.push(r.postData() ?? '');
  });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const confirm = dialog.getByTestId('import-confirm');
  await expect(confirm).toContainText('Confirm to write 2 rows');
  await expect(dialog.getByTestId('import-report')).toContainText('Checked 2 rows');
  const preview = dialog.getByTestId('import-cypher');
  const statements = await showCypher(preview);
  await expect(statements).toHaveCount(1);
  await expect(statements.first()).toContainText(
    'UNWIND $rows AS row MERGE (n:COMPANY {id: row.id})',
  );
  await expect(preview).toContainText('$rows: 2 rows in batches of');
  await expect(preview).not.toContainText('Previewed company');
  await expectInside(preview, dialog);
  await snap(page, 'preview-import');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  // Only the dry run went out.
  expect(uploads).toHaveLength(1);
  expect(uploads[0]).toMatch(/name="dry_run"\r\n\r\ntrue/);
  expect(await counts(request)).toEqual(before);
});
