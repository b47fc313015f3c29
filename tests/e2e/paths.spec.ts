/**
 * "Paths to…" end to end: two nodes selected one after the other, the context menu on the
 * second, the dialog preset to the first; the paths found are drawn and highlighted. Then two
 * nodes selected together (Shift/Ctrl+click) and "Shortest paths between selected". The
 * expected paths come from the API.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { GraphNode, GraphResponse, PathsResponse } from '../../src/shared/api';
import { clickNode, openRegion, snap } from './support';

const paths = async (
  request: APIRequestContext,
  from: GraphNode,
  to: GraphNode,
): Promise<PathsResponse> =>
  (await (
    await request.post('/api/v1/graph/paths', {
      data: { from: { label: from.label, id: from.id }, to: { label: to.label, id: to.id } },
    })
  ).json()) as PathsResponse;

/** A consultant and a drawn company three or more relationships away from it. */
async function farApart(request: APIRequestContext, region: GraphResponse) {
  const consultant = region.nodes.find((n) => n.label === 'CONSULTANT');
  if (!consultant) throw new Error('no consultant in the region');
  for (const company of region.nodes.filter((n) => n.label === 'COMPANY')) {
    const expected = await paths(request, consultant, company);
    if ((expected.length ?? 0) >= 3) return { consultant, company, expected };
  }
  throw new Error('no company three or more hops from the consultant');
}

const nodeDisplay = (page: Page, key: string) =>
  page.evaluate((k) => globalThis.__SN__?.nodeDisplay(k) ?? null, key);

async function rightClickNode(page: Page, key: string): Promise<void> {
  const at = await page.evaluate((k) => globalThis.__SN__?.nodePosition(k) ?? null, key);
  const box = await page.getByTestId('network').boundingBox();
  if (!at || !box) throw new Error(`node ${key} is not drawn`);
  await page.mouse.click(box.x + at.x, box.y + at.y, { button: 'right' });
}

test('paths between two selected nodes are found, drawn and highlighted', async ({
  page,
  request,
}) => {
  const region = await openRegion(page, request);

  // A consultant and a company some hops away (not one it covers directly).
  const consultant = region.nodes.find((n) => n.label === 'CONSULTANT');
  if (!consultant) throw new Error('no consultant in the region');
  let company: (typeof region.nodes)[number] | undefined;
  let expected: PathsResponse | undefined;
  for (const candidate of region.nodes.filter((n) => n.label === 'COMPANY')) {
    const answer = (await (
      await request.post('/api/v1/graph/paths', {
        data: {
          from: { label: 'COMPANY', id: candidate.id },
          to: { label: 'CONSULTANT', id: consultant.id },
        },
      })
    ).json()) as PathsResponse;
    if ((answer.length ?? 0) >= 3) {
      company = candidate;
      expected = answer;
      break;
    }
  }
  if (!company || !expected) throw new Error('no company three or more hops from the consultant');

  // Select the consultant, then open the menu on the company.
  await clickNode(page, consultant.key);
  await expect(page.getByTestId('node-details')).toHaveAttribute('data-node-key', consultant.key);
  await rightClickNode(page, company.key);
  await page.getByTestId('context-menu').getByRole('menuitem', { name: 'Paths to…' }).click();
  const dialog = page.getByTestId('paths-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('paths-from')).toHaveText(company.name);
  await expect(dialog.getByTestId('paths-to')).toHaveValue(consultant.key);
  await snap(page, 'paths-1-dialog');

  await dialog.getByTestId('paths-find').click();
  const result = dialog.getByTestId('paths-result');
  await expect(result).toHaveAttribute('data-paths', String(expected.paths.length));
  await expect(result).toHaveAttribute('data-length', String(expected.length));
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(dialog).toBeHidden();

  // Every node on a path is drawn and stands out; a node off the paths fades (with the pointer
  // away from the nodes, whose hover would highlight a neighbourhood instead).
  const box = await page.getByTestId('network').boundingBox();
  await page.mouse.move((box?.x ?? 0) + 2, (box?.y ?? 0) + 2);
  const onPath = new Set(expected.paths.flatMap((p) => p.nodes));
  await expect
    .poll(async () => (await nodeDisplay(page, company.key))?.highlighted ?? false)
    .toBe(true);
  const colours = new Set<string>();
  for (const key of onPath) {
    const shown = await nodeDisplay(page, key);
    expect(shown, key).not.toBeNull();
    colours.add(shown?.color ?? '');
  }
  const off = region.nodes.find((n) => !onPath.has(n.key));
  if (off) {
    const faded = await nodeDisplay(page, off.key);
    expect(faded?.highlighted).toBe(false);
    expect(colours.has(faded?.color ?? '')).toBe(false);
  }
  await snap(page, 'paths-2-highlighted');

  // Over one relationship type only, there is no path: the dialog says so.
  await rightClickNode(page, company.key);
  await page.getByTestId('context-menu').getByRole('menuitem', { name: 'Paths to…' }).click();
  await dialog.getByTestId('paths-to').selectOption(consultant.key);
  for (const type of ['EMPLOYS', 'COVERS', 'OWNS', 'RATES'])
    await dialog.getByTestId('paths-types').getByLabel(type).uncheck();
  await dialog.getByTestId('paths-find').click();
  await expect(dialog.getByTestId('paths-result')).toHaveText(/No path within 6 relationships/);
  await snap(page, 'paths-3-none');
});

test('Shift/Ctrl+click selects several nodes; shortest paths between the two selected', async ({
  page,
  request,
}) => {
  const region = await openRegion(page, request);
  const { consultant, company, expected } = await farApart(request, region);
  const third = region.nodes.find((n) => n.label === 'PRODUCT');
  if (!third) throw new Error('no product in the region');
  const bar = page.getByTestId('selection-bar');
  const highlighted = async (key: string) => (await nodeDisplay(page, key))?.highlighted ?? false;
  // The pointer off the nodes: a hovered node would highlight its own neighbourhood instead.
  const away = async () => {
    const box = await page.getByTestId('network').boundingBox();
    await page.mouse.move((box?.x ?? 0) + 2, (box?.y ?? 0) + 2);
  };

  // One node selected: no count, the menu action is disabled.
  await rightClickNode(page, consultant.key);
  const menuItem = page.getByTestId('context-menu').getByTestId('paths-between-selected');
  await expect(menuItem).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('context-menu')).toHaveCount(0);
  await clickNode(page, consultant.key);
  await expect(page.getByTestId('node-details')).toHaveAttribute('data-node-key', consultant.key);
  await expect(bar).toHaveCount(0);

  // Shift+click adds the company; Ctrl+click adds a product, and takes it out again.
  await clickNode(page, company.key, 'Shift');
  await expect(bar).toHaveAttribute('data-count', '2');
  await expect(page.getByTestId('selection-count')).toHaveText('2 nodes selected');
  await expect(page.getByTestId('node-details')).toHaveAttribute('data-node-key', company.key);
  await away();
  await expect.poll(() => highlighted(consultant.key)).toBe(true);
  await expect.poll(() => highlighted(company.key)).toBe(true);
  await expect(page.getByTestId('selection-paths')).toBeEnabled();
  await clickNode(page, third.key, 'Control');
  await expect(bar).toHaveAttribute('data-count', '3');
  await expect(page.getByTestId('selection-paths')).toBeDisabled();
  await clickNode(page, third.key, 'Control');
  await expect(bar).toHaveAttribute('data-count', '2');
  await away();
  await expect.poll(() => highlighted(consultant.key)).toBe(true);
  await snap(page, 'paths-4-multi-select');

  // The menu of a selected node keeps both selected and finds the paths between them at once.
  await rightClickNode(page, company.key);
  await expect(bar).toHaveAttribute('data-count', '2');
  await expect(menuItem).not.toHaveAttribute('aria-disabled', 'true');
  await snap(page, 'paths-5-menu');
  await menuItem.click();
  const dialog = page.getByTestId('paths-dialog');
  await expect(dialog.getByTestId('paths-from')).toHaveText(consultant.name);
  await expect(dialog.getByTestId('paths-to')).toHaveValue(company.key);
  const result = dialog.getByTestId('paths-result');
  await expect(result).toHaveAttribute('data-paths', String(expected.paths.length));
  await expect(result).toHaveAttribute('data-length', String(expected.length));
  await expect(result).toContainText(`${consultant.name} → `);
  await snap(page, 'paths-6-between-selected');
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await expect(dialog).toBeHidden();

  // Drawn and highlighted as from "Paths to…"; the selection was let go for the highlight.
  await expect(bar).toHaveCount(0);
  await away();
  for (const key of new Set(expected.paths.flatMap((p) => p.nodes)))
    expect(await nodeDisplay(page, key), key).not.toBeNull();
  await expect.poll(() => highlighted(company.key)).toBe(true);
  const off = region.nodes.find((n) => !expected.paths.some((p) => p.nodes.includes(n.key)));
  if (off) expect(await highlighted(off.key)).toBe(false);
  await snap(page, 'paths-7-highlighted');

  // The selection bar's button does the same; Esc clears the selection.
  await clickNode(page, consultant.key);
  await clickNode(page, company.key, 'Shift');
  await expect(bar).toHaveAttribute('data-count', '2');
  await page.getByTestId('selection-paths').click();
  await expect(dialog.getByTestId('paths-result')).toHaveAttribute(
    'data-length',
    String(expected.length),
  );
  await dialog.getByRole('button', { name: 'Close' }).last().click();
  await clickNode(page, consultant.key);
  await clickNode(page, company.key, 'Shift');
  await expect(bar).toHaveAttribute('data-count', '2');
  await page.keyboard.press('Escape');
  await expect(bar).toHaveCount(0);
  await expect(page.getByTestId('node-details')).toHaveCount(0);
});
