/**
 * The console's analysis tools end to end: the schema panel (a click puts a query in the
 * editor), a PROFILE's plan diagram with the costliest operator marked, the table, graph and
 * JSON views of one result, and Stop ending a long query.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { QueryResponse, SchemaResponse } from '../../src/shared/api';

async function openConsole(page: Page): Promise<void> {
  await page.goto('/?debug');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-status', 'ok');
  await page.locator('[data-tab="workbench"]').click();
  await expect(page.getByTestId('cypher-editor')).toBeVisible();
}

async function typeQuery(page: Page, query: string): Promise<void> {
  await page.getByTestId('cypher-editor').locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(query);
  await page.keyboard.press('Escape');
}

const editorText = (page: Page): Promise<string> =>
  page.getByTestId('cypher-editor').locator('.cm-content').innerText();

/** Pairs of boxes that overlap on screen. */
const overlaps = (page: Page): Promise<number> =>
  page.getByTestId('plan-operator').evaluateAll((boxes) => {
    const rects = boxes.map((b) => b.getBoundingClientRect());
    let count = 0;
    rects.forEach((a, i) =>
      rects.slice(i + 1).forEach((b) => {
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) count++;
      }),
    );
    return count;
  });

test.describe.configure({ mode: 'serial' });

test('the schema panel lists the schema and a click queries a label', async ({ page, request }) => {
  const schema = (await (await request.get('/api/v1/schema')).json()) as SchemaResponse;
  await openConsole(page);
  await page.getByRole('tab', { name: 'Schema' }).click();
  const panel = page.getByTestId('schema-panel');
  await expect(panel.getByTestId('schema-label')).toHaveCount(schema.labels.length);
  await expect(panel.getByTestId('schema-type')).toHaveCount(schema.relationship_types.length);
  await expect(panel.getByTestId('schema-properties').locator('li')).toHaveCount(
    schema.property_keys.length,
  );
  await expect(panel.getByTestId('schema-indexes').locator('li')).toHaveCount(
    schema.indexes.length,
  );
  const company = schema.labels.find((l) => l.label === 'COMPANY');
  if (!company) throw new Error('the sample data has no COMPANY label');
  await expect(panel.getByTestId('schema-label').filter({ hasText: ':COMPANY' })).toContainText(
    company.count.toLocaleString('en-US'),
  );
  // The panel fits beside the console: nothing pushes the page sideways.
  expect(
    await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    ),
  ).toBe(0);
  const tabs = page.getByRole('tab', { name: 'Schema' });
  expect(
    ((await tabs.boundingBox())?.x ?? 0) + ((await tabs.boundingBox())?.width ?? 0),
  ).toBeLessThanOrEqual(1280);
  await page.screenshot({ path: 'test-results/e2e-workbench-schema.png' });
  await panel.getByTestId('schema-label').filter({ hasText: ':COMPANY' }).click();
  await expect.poll(() => editorText(page)).toContain('MATCH (n:`COMPANY`)');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('results-summary')).toContainText(
    `${Math.min(25, company.count)} rows`,
  );
});

test('PROFILE draws the plan tree with the costliest operator marked', async ({ page }) => {
  await openConsole(page);
  await typeQuery(
    page,
    "MATCH (c:CONSULTANT {region: 'NAI'})-[:EMPLOYS]->(f)-[:COVERS]->(co:COMPANY) RETURN c.name, count(co) AS companies ORDER BY companies DESC",
  );
  await page.getByRole('button', { name: 'Profile', exact: true }).click();
  const diagram = page.getByTestId('plan-diagram');
  await expect(diagram).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Plan' })).toHaveAttribute('aria-selected', 'true');
  const operators = diagram.getByTestId('plan-operator');
  await expect(operators.first()).toHaveAttribute('data-operator', 'ProduceResults');
  expect(await operators.count()).toBeGreaterThan(3);
  await expect(operators.first()).toContainText('db hits');
  await expect(diagram.locator('.plan-operator.costliest')).toHaveCount(1);
  expect(await overlaps(page)).toBe(0);
  await diagram.screenshot({ path: 'test-results/e2e-workbench-plan.png' });

  // A plan that branches: boxes side by side, still apart.
  await typeQuery(
    page,
    "MATCH (c:CONSULTANT {region: 'NAI'}) RETURN c.name AS name UNION MATCH (co:COMPANY {region: 'NAI'}) RETURN co.name AS name",
  );
  await page.getByRole('button', { name: 'Explain', exact: true }).click();
  await expect(operators.first()).not.toContainText('db hits');
  await expect(operators.first()).toContainText('est.');
  await expect(diagram.locator('[data-operator="Union"]')).toHaveCount(1);
  expect(await overlaps(page)).toBe(0);
  await diagram.screenshot({ path: 'test-results/e2e-workbench-plan-branches.png' });
});

test('one result as a table, a graph and JSON', async ({ page, request }) => {
  const query = "MATCH (c:CONSULTANT {region: 'NAI'})-[e:EMPLOYS]->(f) RETURN c, e, f LIMIT 4";
  const expected = (await (
    await request.post('/api/v1/graph/query', { data: { query } })
  ).json()) as QueryResponse;
  await openConsole(page);
  await typeQuery(page, query);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('results-table').locator('tbody tr')).toHaveCount(
    expected.rows.length,
  );
  await page.getByRole('tab', { name: 'Graph' }).click();
  const graph = page.getByTestId('result-graph');
  await expect(graph).toHaveAttribute('data-nodes', String(expected.graph?.nodes.length));
  await expect(graph.locator('canvas').first()).toBeVisible();
  await page.getByRole('tab', { name: 'JSON' }).click();
  const json = JSON.parse(await page.getByTestId('results-json').innerText()) as unknown;
  expect(json).toEqual(expected.rows);
  await expect(page.getByRole('tab', { name: 'Plan' })).toBeDisabled();
});

test('Stop ends a long query', async ({ page }) => {
  await openConsole(page);
  await typeQuery(page, 'UNWIND range(1, 100000000) AS x RETURN count(x) AS n');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByTestId('stop-query')).toBeEnabled();
  await page.getByTestId('stop-query').click();
  await expect(page.getByTestId('query-error')).toContainText('stopped');
  await expect(page.getByTestId('stop-query')).toBeDisabled();
  const running = async (): Promise<unknown> => {
    const response = await page.request.post('/api/v1/graph/query', {
      data: {
        query:
          'SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $text RETURN count(*) AS n',
        parameters: { text: 'range(1, 100000000)' },
      },
    });
    return ((await response.json()) as QueryResponse).rows;
  };
  await expect.poll(running, { timeout: 5_000 }).toEqual([{ n: 0 }]);
});
