/**
 * Generate and clear end to end, confined to the APAC region so the other specs' data (NAI)
 * stays as it is: a cancelled generation leaves the counts as before, a finished one adds what
 * it reports and refreshes the region counts, and clearing needs the typed phrase.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { GenerationJob, StatsResponse } from '../../src/shared/api';
import { openApp } from './support';

const REGION = 'APAC';

const stats = async (request: APIRequestContext): Promise<StatsResponse> =>
  (await (await request.get('/api/v1/graph/stats')).json()) as StatsResponse;

const regionNodes = (s: StatsResponse, region: string): number =>
  s.regions.find((r) => r.region === region)?.nodes ?? 0;

async function openGenerate(page: Page): Promise<void> {
  await page.getByTestId('data-tool').locator('summary').click();
  await page.getByRole('button', { name: 'Generate sample data…' }).click();
  const dialog = page.getByTestId('generate-dialog');
  await expect(dialog).toBeVisible();
  for (const region of ['NAI', 'EMEA', 'APAC']) {
    await dialog.getByRole('checkbox', { name: region, exact: true }).setChecked(region === REGION);
  }
}

const field = (page: Page, name: string) =>
  page.getByTestId('generate-dialog').locator(`[name="${name}"]`);

test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ page }) => {
  await openApp(page);
});

test('a cancelled generation shows progress and leaves the counts as before', async ({
  page,
  request,
}) => {
  const before = await stats(request);
  await openGenerate(page);
  const dialog = page.getByTestId('generate-dialog');
  // Large enough to still be running when cancelled.
  await dialog.getByRole('button', { name: /^Medium/ }).click();
  await expect(field(page, 'consultants_per_region')).toHaveValue('50');
  await field(page, 'field_consultants_per_consultant').fill('5');
  await field(page, 'companies_per_field_consultant').fill('10');
  await field(page, 'products_per_company').fill('8');
  await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
  const progress = page.getByTestId('generation-progress');
  await expect(progress.locator('tbody tr').first()).toBeVisible();
  await expect(progress.locator('tbody tr').first()).toContainText('/s');
  await page.screenshot({ path: 'test-results/e2e-generate-progress.png' });
  await dialog.getByRole('button', { name: 'Cancel generation' }).click();
  await expect(progress).toHaveAttribute('data-status', 'cancelled', { timeout: 120_000 });
  await expect(progress).toContainText('partial writes were removed');
  const after = await stats(request);
  expect(after.total_nodes).toBe(before.total_nodes);
  expect(after.total_relationships).toBe(before.total_relationships);
});

test('a finished generation adds what it reports and refreshes the counts', async ({
  page,
  request,
}) => {
  const before = await stats(request);
  await openGenerate(page);
  const dialog = page.getByTestId('generate-dialog');
  // The server's own bounds (its defaults in this run), and only the presets it accepts.
  await expect(dialog.getByTestId('generate-bounds-source')).toHaveText(
    "Limits are this server's configuration.",
  );
  await expect(dialog.getByTestId('bound-consultants_per_region')).toHaveText(
    '1–50 (MAX_CONSULTANTS_PER_REGION)',
  );
  await expect(dialog.getByRole('button', { name: /^Large/ })).toBeDisabled();
  await field(page, 'consultants_per_region').fill('51');
  await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(dialog.getByTestId('bound-consultants_per_region')).toHaveText(
    'at most 50 (MAX_CONSULTANTS_PER_REGION)',
  );
  await field(page, 'consultants_per_region').fill('2');
  await field(page, 'seed').fill('11');
  // Bounds are explained before anything is sent.
  await field(page, 'rating_probability').fill('1.5');
  await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(dialog).toContainText('between 0 and 1');
  await field(page, 'rating_probability').fill('0.6');
  await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
  const progress = page.getByTestId('generation-progress');
  await expect(progress).toHaveAttribute('data-status', 'succeeded', { timeout: 120_000 });
  const after = await stats(request);
  const run = after.last_generation;
  if (!run) throw new Error('no generation recorded');
  expect(run.regions).toEqual([REGION]);
  expect(run.seed).toBe(11);
  expect(after.total_nodes - before.total_nodes).toBe(run.nodes);
  expect(after.total_relationships - before.total_relationships).toBe(run.relationships);
  await expect(progress).toContainText(
    `Done: ${run.nodes} nodes and ${run.relationships} relationships`,
  );
  for (const label of ['CONSULTANT', 'FIELD_CONSULTANT', 'COMPANY', 'PRODUCT', 'EMPLOYS', 'OWNS']) {
    await expect(progress.getByTestId(`progress-${label}`)).toContainText('100%');
  }
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(page.locator(`[data-region="${REGION}"] .count`)).toHaveText(
    regionNodes(after, REGION).toLocaleString('en-US'),
  );
});

test('clearing a region needs the typed phrase and deletes only that region', async ({
  page,
  request,
}) => {
  const before = await stats(request);
  const apac = regionNodes(before, REGION);
  expect(apac).toBeGreaterThan(0);
  await page.getByTestId('data-tool').locator('summary').click();
  await page.getByRole('button', { name: 'Clear data…' }).click();
  const dialog = page.getByTestId('clear-dialog');
  const clears: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/graph/clear')) clears.push(r.url());
  });
  await dialog.getByLabel('Only some regions').check();
  const remove = dialog.getByRole('button', { name: 'Delete' });
  // With no region picked there is nothing to delete: no phrase enables the button.
  await expect(dialog).toContainText('choose at least one region');
  await dialog.getByLabel('Confirmation').fill('delete ');
  await expect(remove).toBeDisabled();
  await dialog.getByLabel('Confirmation').press('Enter');
  await page.screenshot({ path: 'test-results/e2e-clear-no-region.png' });
  expect(clears).toEqual([]);
  await dialog.getByRole('checkbox', { name: REGION, exact: true }).check();
  await expect(dialog).not.toContainText('choose at least one region');
  await expect(dialog).toContainText(`Type delete ${REGION} to confirm`);
  await dialog.getByLabel('Confirmation').fill('delete all');
  await expect(remove).toBeDisabled();
  await dialog.getByLabel('Confirmation').fill(`delete ${REGION}`);
  await expect(remove).toBeEnabled();
  await page.screenshot({ path: 'test-results/e2e-clear-confirm.png' });
  await remove.click();
  await expect(dialog.getByTestId('clear-result')).toContainText(
    `Deleted ${apac.toLocaleString('en-US')} nodes`,
  );
  const after = await stats(request);
  expect(regionNodes(after, REGION)).toBe(0);
  expect(after.total_nodes).toBe(before.total_nodes - apac);
  for (const other of ['NAI', 'EMEA'])
    expect(regionNodes(after, other)).toBe(regionNodes(before, other));

  // Leave the region populated for whatever runs next.
  const job = (await (
    await request.post('/api/v1/graph/generate', {
      data: { regions: [REGION], consultants_per_region: 2, seed: 3 },
    })
  ).json()) as GenerationJob;
  await expect
    .poll(
      async () =>
        (
          (await (
            await request.get(`/api/v1/graph/generate/jobs/${job.id}`)
          ).json()) as GenerationJob
        ).status,
      { timeout: 120_000 },
    )
    .toBe('succeeded');
});
