/**
 * The connection panel in the browser: read-only status from the server's health (database
 * URI, Neo4j version and edition, latency, managed), and where profiles are managed instead.
 */
import { expect, test } from '@playwright/test';
import type { HealthResponse } from '../../src/shared/api';

test('the connection panel shows the database the server reports', async ({ page, request }) => {
  const health = (await (await request.get('/health')).json()) as HealthResponse;
  const version = health.database.version;
  if (!version) throw new Error('health reported no database version');

  await page.goto('/');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'ok');
  await page.getByTestId('connection-open').click();
  const panel = page.getByTestId('connection-panel');
  await expect(panel).toBeVisible();

  const rows = panel.getByTestId('connection-health');
  const row = (label: string) =>
    rows.locator('div').filter({ has: page.getByText(label, { exact: true }) });
  await expect(row('Neo4j').locator('dd')).toHaveText(
    `${version} ${health.database.edition ?? ''}`.trim(),
  );
  await expect(row('Database URI').locator('dd')).toHaveText(health.database.uri);
  await expect(row('Database').locator('dd')).toHaveText(health.database.database);
  await expect(row('Managed').locator('dd')).toHaveText(/^Yes/);
  await expect(row('Latency').locator('dd')).toHaveText(/^\d+(\.\d)? ms$/);
  await expect(row('App version').locator('dd')).toHaveText(health.version);
  await expect(panel.getByTestId('connection-profiles-note')).toContainText(
    'Connection profiles are managed in the desktop app',
  );
  await expect(panel.getByTestId('connection-profiles-note')).toContainText('NEO4J_URI');
  // No desktop bridge here: nothing to edit.
  await expect(panel.getByTestId('profile-list')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/e2e-connection.png' });

  await panel.getByRole('button', { name: 'Check again' }).click();
  await expect(rows).toBeVisible();
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toBeHidden();
});
