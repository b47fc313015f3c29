/**
 * Editing in the browser: the details panel's form (validation by field, Save with the version),
 * a save that meets a newer version (the conflict dialog), deleting a node with its
 * relationships after a confirm that shows them and the Cypher, undoing that delete from the
 * command table, and the protection levels. Every write is asserted in the audit log. The data
 * is a small chain of nodes of its own in NAI (found by search), deleted at the end.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { NeighboursResponse, NodeDetails, ServerSettings } from '../../src/shared/api';
import type { AuditPage } from '../../src/shared/audit';
import { nodeCount, openRegion, snap } from './support';

const REGION = 'NAI';
const C = 'NAI-ZED-C-1';
const F = 'NAI-ZED-F-1';
const CO = 'NAI-ZED-CO-1';
const P = 'NAI-ZED-P-1';
const P2 = 'NAI-ZED-P-2';
const SEEDED = [
  ['PRODUCT', P2],
  ['FIELD_CONSULTANT', F],
  ['COMPANY', CO],
  ['PRODUCT', P],
  ['CONSULTANT', C],
] as const;

async function post(request: APIRequestContext, path: string, data: unknown): Promise<void> {
  const res = await request.post(path, { data });
  expect(res.ok(), await res.text()).toBe(true);
}

/** A consultant employing a field consultant who covers a company owning a product. */
async function seed(request: APIRequestContext): Promise<void> {
  const node = (label: string, properties: Record<string, unknown>) =>
    post(request, '/api/v1/nodes', { label, properties: { region: REGION, ...properties } });
  await node('CONSULTANT', {
    id: C,
    name: 'Edith Consultant',
    sales_region: 'East',
    channel: 'Direct',
    pca: 'Ann',
    consultant_advisor: 'Bo',
    performance: 60,
    influence: 50,
    email: 'edith@example.com',
  });
  await node('FIELD_CONSULTANT', {
    id: F,
    name: 'Felix Field',
    sales_region: 'East',
    channel: 'Direct',
    consultant_id: C,
    fc_total_plan_assets: 1_000_000,
  });
  await node('COMPANY', {
    id: CO,
    name: 'Editable Pension Fund',
    sales_region: 'East',
    channel: 'Direct',
    pca: 'Ann',
    aca: 'Bo',
    privacy: 'Public',
    aum: 5_000_000,
  });
  await node('PRODUCT', {
    id: P,
    name: 'Edit Equity Fund',
    asset_class: 'Equities',
    universe_name: 'Global',
    universe_score: 3.5,
    jpm_flag: 'Y',
  });
  const rel = (type: string, from: [string, string], to: [string, string], properties: object) =>
    post(request, '/api/v1/relationships', {
      type,
      source: { label: from[0], id: from[1] },
      target: { label: to[0], id: to[1] },
      properties,
    });
  await rel('EMPLOYS', ['CONSULTANT', C], ['FIELD_CONSULTANT', F], {
    start_date: '2020-01-01',
    duration: 4,
  });
  await rel('COVERS', ['FIELD_CONSULTANT', F], ['COMPANY', CO], {
    level_of_influence: 3,
    coverage_type: 'Primary',
  });
  await rel('OWNS', ['COMPANY', CO], ['PRODUCT', P], {
    mandate_status: 'Active',
    value: 1000,
    start_date: '2021-05-01',
    consultant: C,
  });
}

const nodeDetails = async (
  request: APIRequestContext,
  label: string,
  id: string,
): Promise<{ status: number; body: NodeDetails }> => {
  const res = await request.get(`/api/v1/nodes/${label}/${id}`);
  return { status: res.status(), body: (await res.json()) as NodeDetails };
};

const auditSummaries = async (request: APIRequestContext, action: string): Promise<string[]> => {
  const page = (await (
    await request.get(`/api/v1/audit?action=${action}&limit=50`)
  ).json()) as AuditPage;
  return page.entries.map((e) => e.summary);
};

const drawn = (page: Page): Promise<string[]> =>
  page.evaluate(() => globalThis.__SN__?.nodes() ?? []);

/** Selects a node by searching its id (as an analyst finds one among many). */
async function select(page: Page, key: string): Promise<void> {
  const id = key.slice(key.indexOf(':') + 1);
  await page.getByTestId('search-input').fill(id);
  const hit = page.getByTestId('search-results').getByRole('option').first();
  await expect(hit).toHaveAttribute('data-rank', 'exact');
  await hit.getByRole('button').click();
  await expect(page.getByTestId('node-details')).toHaveAttribute('data-node-key', key);
}

test.describe.configure({ mode: 'serial' });

async function removeSeeded(request: APIRequestContext): Promise<void> {
  for (const [label, id] of SEEDED) {
    const { status, body } = await nodeDetails(request, label, id);
    if (status === 200)
      await request.delete(`/api/v1/nodes/${label}/${id}?version=${body.version}`);
  }
}

test.beforeAll(async ({ request }) => {
  await removeSeeded(request);
  await seed(request);
});

test.afterAll(async ({ request }) => {
  await removeSeeded(request);
});

test('edit a node: the form checks each field, Save writes it with its version', async ({
  page,
  request,
}) => {
  await openRegion(page, request, REGION);
  await select(page, `COMPANY:${CO}`);
  await page.getByTestId('edit-node').click();
  const form = page.getByTestId('node-edit-form');
  // One input per property, by its kind.
  await expect(form.locator('input[name="aum"]')).toHaveAttribute('type', 'number');
  await expect(form.locator('select[name="privacy"]')).toHaveValue('Public');
  await expect(form.locator('select[name="channel"]')).toHaveValue('Direct');
  await expect(form.locator('input[name="pca"]')).toHaveAttribute('type', 'text');

  await form.locator('input[name="aum"]').fill('-5');
  await form.locator('input[name="name"]').fill('');
  await form.getByTestId('edit-save').click();
  await expect(form.locator('[data-field="aum"] [data-testid="field-error"]')).toBeVisible();
  await expect(form.locator('[data-field="name"] [data-testid="field-error"]')).toBeVisible();
  await expect(form.locator('input[name="aum"]')).toHaveAttribute('aria-invalid', 'true');
  await snap(page, 'edit-form-errors');
  expect((await nodeDetails(request, 'COMPANY', CO)).body.node.properties.aum).toBe(5_000_000);

  await form.locator('input[name="name"]').fill('Edited Pension Fund');
  await form.locator('input[name="aum"]').fill('7500000');
  await form.locator('select[name="privacy"]').selectOption('Confidential');
  await snap(page, 'edit-form');
  await form.getByTestId('edit-save').click();
  await expect(form).toHaveCount(0);
  const details = page.getByTestId('node-details');
  await expect(details.getByTestId('details-name')).toHaveText('Edited Pension Fund');
  await expect(details.locator('[data-prop="privacy"] dd')).toHaveText('Confidential');
  // The drawn node carries the new name.
  await expect
    .poll(() => page.evaluate((k) => globalThis.__SN__?.nodeAttributes(k)?.label, `COMPANY:${CO}`))
    .toBe('Edited Pension Fund');
  const saved = await nodeDetails(request, 'COMPANY', CO);
  expect(saved.body.node.properties).toMatchObject({ aum: 7_500_000, privacy: 'Confidential' });
  expect(saved.body.version).toBe(1);
  expect(await auditSummaries(request, 'update')).toContain(
    `Updated COMPANY ${CO}: name, privacy, aum`,
  );
});

test('a save on a stale version shows the current values: overwrite, or take theirs', async ({
  page,
  request,
}) => {
  await openRegion(page, request, REGION);
  await select(page, `COMPANY:${CO}`);
  await page.getByTestId('edit-node').click();
  const form = page.getByTestId('node-edit-form');
  const { body } = await nodeDetails(request, 'COMPANY', CO);
  // Someone else saves the node while the form is open.
  const other = await request.patch(`/api/v1/nodes/COMPANY/${CO}`, {
    data: { version: body.version, properties: { pca: 'Changed elsewhere', aca: 'Zed' } },
  });
  expect(other.status()).toBe(200);

  await form.locator('input[name="pca"]').fill('Mine');
  await form.getByTestId('edit-save').click();
  const dialog = page.getByTestId('conflict-dialog');
  await expect(dialog).toBeVisible();
  const pca = dialog.locator('tr[data-prop="pca"]');
  await expect(pca.locator('[data-side="theirs"]')).toHaveText('Changed elsewhere');
  await expect(pca.locator('[data-side="mine"]')).toHaveText('Mine');
  await expect(pca).toHaveAttribute('data-differs', 'true');
  await expect(dialog.locator('tr[data-prop="aca"] [data-side="theirs"]')).toHaveText('Zed');
  await snap(page, 'edit-conflict');
  await dialog.getByRole('button', { name: 'Overwrite with mine' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('node-details').locator('[data-prop="pca"] dd')).toHaveText('Mine');
  const after = await nodeDetails(request, 'COMPANY', CO);
  // Their other change stays: only the field typed is overwritten.
  expect(after.body.node.properties).toMatchObject({ pca: 'Mine', aca: 'Zed' });
  expect(after.body.version).toBe(body.version + 2);

  // Again, and this time their values are taken.
  await page.getByTestId('edit-node').click();
  await request.patch(`/api/v1/nodes/COMPANY/${CO}`, {
    data: { version: after.body.version, properties: { pca: 'Theirs' } },
  });
  await form.locator('input[name="pca"]').fill('Mine again');
  await form.getByTestId('edit-save').click();
  await dialog.getByRole('button', { name: 'Take theirs' }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByTestId('node-details').locator('[data-prop="pca"] dd')).toHaveText(
    'Theirs',
  );
  expect((await nodeDetails(request, 'COMPANY', CO)).body.node.properties.pca).toBe('Theirs');
});

test('delete a node after a confirm naming its relationships; undo brings it back', async ({
  page,
  request,
}) => {
  await openRegion(page, request, REGION);
  const key = `FIELD_CONSULTANT:${F}`;
  const before = await nodeDetails(request, 'FIELD_CONSULTANT', F);
  expect(before.body.degree).toBe(2);
  const drawnBefore = await nodeCount(page);
  await select(page, key);
  await page.getByTestId('delete-node').click();
  const dialog = page.getByTestId('delete-dialog');
  await expect(dialog.getByTestId('delete-summary')).toContainText('2 relationships');
  await expect(dialog.getByTestId('delete-counts')).toContainText('EMPLOYS (incoming): 1');
  await expect(dialog.getByTestId('delete-counts')).toContainText('COVERS (outgoing): 1');
  await dialog.getByTestId('cypher-preview').locator('summary').click();
  await expect(dialog.getByTestId('cypher-preview').locator('pre')).toContainText('DETACH DELETE');
  await snap(page, 'edit-delete-confirm');
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => drawn(page)).not.toContain(key);
  expect(await nodeCount(page)).toBe(drawnBefore - 1);
  const edges = await page.evaluate(() => globalThis.__SN__?.edges() ?? []);
  expect(edges.filter(([s, t]) => s === key || t === key)).toEqual([]);
  expect((await nodeDetails(request, 'FIELD_CONSULTANT', F)).status).toBe(404);
  expect(await auditSummaries(request, 'delete')).toContain(
    `Deleted FIELD_CONSULTANT ${F} and its 2 relationships`,
  );
  await expect(page.getByTestId('edit-notice')).toContainText(`Deleted FIELD_CONSULTANT ${F}`);

  // Undo Last Edit, by its key: the node and its relationships are back, in the view too.
  await page.keyboard.press('ControlOrMeta+Alt+z');
  await expect(page.getByTestId('edit-notice')).toContainText('Undid');
  await expect.poll(() => drawn(page)).toContain(key);
  await expect
    .poll(async () =>
      (await page.evaluate(() => globalThis.__SN__?.edges() ?? [])).filter(
        ([s, t]) => s === key || t === key,
      ),
    )
    .toHaveLength(2);
  const restored = await nodeDetails(request, 'FIELD_CONSULTANT', F);
  expect(restored.status).toBe(200);
  expect(restored.body.degree).toBe(2);
  expect(await auditSummaries(request, 'undo')).toContain(
    `Undid: Deleted FIELD_CONSULTANT ${F} and its 2 relationships`,
  );
});

test('create a node by label, then a relationship to it picked by search', async ({
  page,
  request,
}) => {
  await openRegion(page, request, REGION);
  await page.getByTestId('create-node').click();
  const dialog = page.getByTestId('create-node-dialog');
  await dialog.locator('select[name="label"]').selectOption('PRODUCT');
  await dialog.locator('input[name="id"]').fill(P2);
  await dialog.locator('input[name="name"]').fill('Zed Bond Fund');
  await dialog.locator('select[name="asset_class"]').selectOption('Fixed Income');
  await dialog.locator('input[name="universe_name"]').fill('Global');
  await dialog.locator('input[name="universe_score"]').fill('9');
  await dialog.locator('select[name="jpm_flag"]').selectOption('N');
  await dialog.getByTestId('create-submit').click();
  await expect(dialog.locator('[data-field="universe_score"] .field-error')).toBeVisible();
  await dialog.locator('input[name="universe_score"]').fill('4');
  await dialog.getByTestId('create-submit').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('node-details')).toHaveAttribute('data-node-key', `PRODUCT:${P2}`);
  await expect.poll(() => drawn(page)).toContain(`PRODUCT:${P2}`);
  expect((await nodeDetails(request, 'PRODUCT', P2)).status).toBe(200);

  await select(page, `COMPANY:${CO}`);
  await page.getByTestId('relate-node').click();
  const rel = page.getByTestId('create-relationship-dialog');
  await rel.locator('select[name="kind"]').selectOption({ label: 'OWNS → Product' });
  await rel.locator('input[name="end"]').fill(P2);
  await rel.getByTestId('end-hits').getByRole('button', { name: 'Zed Bond Fund' }).click();
  await expect(rel.getByTestId('picked-end')).toContainText(P2);
  await rel.locator('select[name="mandate_status"]').selectOption('At Risk');
  await rel.locator('input[name="value"]').fill('2500');
  await rel.locator('input[name="start_date"]').fill('2024-03-01');
  await rel.locator('input[name="consultant"]').fill(C);
  await snap(page, 'edit-create-relationship');
  await rel.getByTestId('create-submit').click();
  await expect(rel).toHaveCount(0);
  await expect
    .poll(async () =>
      (await page.evaluate(() => globalThis.__SN__?.edges() ?? [])).some(
        ([s, t]) => s === `COMPANY:${CO}` && t === `PRODUCT:${P2}`,
      ),
    )
    .toBe(true);
  expect((await nodeDetails(request, 'PRODUCT', P2)).body.degree).toBe(1);
  const created = await auditSummaries(request, 'create');
  expect(created).toContain(`Created PRODUCT ${P2}`);
  expect(created).toContain(`Created OWNS COMPANY ${CO} → PRODUCT ${P2}`);
});

test('bulk edit: the mandate status of several OWNS at once, after a review of the Cypher', async ({
  page,
  request,
}) => {
  const owns = async (): Promise<string[]> => {
    const res = await request.get(`/api/v1/nodes/COMPANY/${CO}/neighbours?limit=100`);
    const body = (await res.json()) as NeighboursResponse;
    return body.relationships
      .filter((r) => r.type === 'OWNS')
      .map((r) => r.properties.mandate_status as string)
      .sort();
  };
  expect(await owns()).toEqual(['Active', 'At Risk']);
  const before = (await auditSummaries(request, 'bulk-update')).length;
  await openRegion(page, request, REGION);
  await select(page, `COMPANY:${CO}`);
  await page.locator('[data-group="OWNS:out"]').getByTestId('bulk-edit').click();
  const dialog = page.getByTestId('bulk-edit-dialog');
  await expect(dialog.getByTestId('bulk-rows').locator('input[type="checkbox"]')).toHaveCount(2);
  await dialog.getByTestId('bulk-property').selectOption('mandate_status');
  await dialog.locator('select[name="mandate_status"]').selectOption('Conversion in Progress');
  await dialog.getByRole('button', { name: 'Review…' }).click();
  await expect(dialog.getByTestId('bulk-summary')).toContainText('on 2 OWNS relationships');
  await dialog.getByText('Show Cypher').click();
  await expect(dialog.getByTestId('cypher-preview')).toContainText('_version');
  await snap(page, 'edit-bulk-review');
  // The review writes nothing.
  expect(await owns()).toEqual(['Active', 'At Risk']);
  await dialog.getByRole('button', { name: 'Update 2' }).click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(owns).toEqual(['Conversion in Progress', 'Conversion in Progress']);
  expect((await auditSummaries(request, 'bulk-update')).length).toBe(before + 1);
});

test('a relationship from the details panel: edit one property, then delete it', async ({
  page,
  request,
}) => {
  const ownsTo = async (id: string) => {
    const res = await request.get(`/api/v1/nodes/COMPANY/${CO}/neighbours?limit=100`);
    const body = (await res.json()) as NeighboursResponse;
    const target = body.nodes.find((n) => n.id === id)?.key;
    return body.relationships.find((r) => r.type === 'OWNS' && r.target === target);
  };
  const deletes = (await auditSummaries(request, 'delete')).length;
  await openRegion(page, request, REGION);
  await select(page, `COMPANY:${CO}`);
  const row = page.locator('[data-group="OWNS:out"] li', { hasText: 'Zed Bond Fund' });
  await row.getByTestId('open-relationship').click();
  const edge = page.getByTestId('edge-details');
  await expect(edge.getByTestId('edge-type')).toHaveText('OWNS');
  await edge.getByTestId('edit-relationship').click();
  const dialog = page.getByTestId('bulk-edit-dialog');
  await dialog.getByTestId('bulk-property').selectOption('value');
  await dialog.locator('input[name="value"]').fill('3000');
  await dialog.getByRole('button', { name: 'Review…' }).click();
  await dialog.getByRole('button', { name: 'Update 1' }).click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(async () => (await ownsTo(P2))?.properties.value).toBe(3000);
  await expect(edge.locator('[data-prop="value"] dd')).toContainText('3');

  await edge.getByTestId('delete-relationship').click();
  const remove = page.getByTestId('delete-relationship-dialog');
  await expect(remove.getByTestId('delete-summary')).toContainText('Zed Bond Fund');
  await snap(page, 'edit-delete-relationship');
  await remove.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(remove).toHaveCount(0);
  await expect.poll(() => ownsTo(P2)).toBeUndefined();
  await expect
    .poll(async () =>
      (await page.evaluate(() => globalThis.__SN__?.edges() ?? [])).some(
        ([s, t]) => s === `COMPANY:${CO}` && t === `PRODUCT:${P2}`,
      ),
    )
    .toBe(false);
  expect((await auditSummaries(request, 'delete')).length).toBe(deletes + 1);
});

test('under confirm, Save shows the Cypher and writes on Confirm', async ({ page, request }) => {
  await page.route('**/api/v1/settings', async (route) => {
    const served = (await (await route.fetch()).json()) as ServerSettings;
    await route.fulfill({ json: { ...served, protection: 'confirm' } });
  });
  await openRegion(page, request, REGION);
  await select(page, `PRODUCT:${P}`);
  await page.getByTestId('edit-node').click();
  const form = page.getByTestId('node-edit-form');
  await form.locator('input[name="universe_score"]').fill('4.5');
  await form.getByTestId('edit-save').click();
  const confirm = form.getByTestId('edit-confirm');
  await expect(confirm).toContainText('Save changes to: universe_score?');
  await expect(confirm.getByTestId('cypher-preview')).toBeVisible();
  await snap(page, 'edit-confirm-step');
  expect((await nodeDetails(request, 'PRODUCT', P)).body.node.properties.universe_score).toBe(3.5);
  const patch = page.waitForRequest((r) => r.method() === 'PATCH');
  await confirm.getByRole('button', { name: 'Confirm save' }).click();
  expect((await patch).postDataJSON()).toMatchObject({ confirm: true });
  await expect(form).toHaveCount(0);
  expect((await nodeDetails(request, 'PRODUCT', P)).body.node.properties.universe_score).toBe(4.5);
});

test('under read-only the edit controls are off and say why', async ({ page, request }) => {
  await page.route('**/api/v1/settings', async (route) => {
    const served = (await (await route.fetch()).json()) as ServerSettings;
    await route.fulfill({ json: { ...served, protection: 'read-only' } });
  });
  await openRegion(page, request, REGION);
  await select(page, `PRODUCT:${P}`);
  await expect(page.getByTestId('edit-node')).toBeDisabled();
  await expect(page.getByTestId('delete-node')).toBeDisabled();
  await expect(page.getByTestId('edit-node')).toHaveAttribute('title', /read-only/);
  await expect(page.getByTestId('edit-disabled')).toContainText('read-only');
});
