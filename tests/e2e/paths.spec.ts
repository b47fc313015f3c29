/**
 * "Paths to…" end to end: two nodes selected one after the other, the context menu on the
 * second, the dialog preset to the first; the paths found are drawn and highlighted. The
 * expected paths come from the API.
 */
import { expect, test, type Page } from '@playwright/test';
import type { PathsResponse } from '../../src/shared/api';
import { clickNode, openRegion, snap } from './support';

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
