/**
 * Relationships and groups in the drawn network, end to end in Chromium against the real server
 * and Neo4j: a relationship is picked a few pixels off its line, its details name its type and
 * both ends; collapsing a consultant's subtree draws one group node whose parallel relationships
 * to a product are curves, each pickable on its bend; expanding brings the members back; grouping
 * by a property draws one node per value with its count. Expectations come from the API.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import type { GraphRelationship } from '../../src/shared/api';
import { controlPoint, edgeDistance } from '../../src/renderer/src/graph/edge-hit';
import type { ScreenEdge } from '../../src/renderer/src/graph/edge-hit';
import { deriveDataset, startExploration } from '../../src/renderer/src/graph/exploration';
import { NO_GROUPING, groupDataset, toggleCollapsed } from '../../src/renderer/src/graph/grouping';
import { parallelCurvatures } from '../../src/renderer/src/graph/parallel-edges';
import { nodeCount, openRegion, settled, snap } from './support';

type Point = { x: number; y: number };

const positions = (page: Page, keys: string[]): Promise<Record<string, Point | null>> =>
  page.evaluate(
    (ks) => Object.fromEntries(ks.map((k) => [k, globalThis.__SN__?.nodePosition(k) ?? null])),
    keys,
  );

/** Clicks a viewport point of the network, as a single click (sigma pairs quick clicks). */
async function at(page: Page, p: Point, button: 'left' | 'right' = 'left'): Promise<void> {
  const box = await page.getByTestId('network').boundingBox();
  if (!box) throw new Error('no network box');
  await page.mouse.move(box.x + p.x, box.y + p.y);
  await page.waitForTimeout(400);
  await page.mouse.click(box.x + p.x, box.y + p.y, { button });
}

/** Screen geometry of relationships whose ends are drawn, as the app would draw them. */
async function screenEdges(page: Page, rels: GraphRelationship[]): Promise<ScreenEdge[]> {
  const keys = [...new Set(rels.flatMap((r) => [r.source, r.target]))];
  const pos = await positions(page, keys);
  const curvatures = parallelCurvatures(new Map(rels.map((r) => [r.key, r])));
  return rels.flatMap((r) => {
    const source = pos[r.source];
    const target = pos[r.target];
    return source && target
      ? [{ key: r.key, source, target, curvature: curvatures.get(r.key) ?? 0 }]
      : [];
  });
}

/** A point on a relationship (straight or curved) at `t` along it, moved `offset` px sideways. */
function along(edge: ScreenEdge, t: number, offset: number): Point {
  const { source: s, target: e } = edge;
  const c = edge.curvature === 0 ? { x: (s.x + e.x) / 2, y: (s.y + e.y) / 2 } : controlPoint(edge);
  const u = 1 - t;
  const p = {
    x: u * u * s.x + 2 * u * t * c.x + t * t * e.x,
    y: u * u * s.y + 2 * u * t * c.y + t * t * e.y,
  };
  // The tangent of the quadratic curve at t, turned a quarter for the sideways direction.
  const d = {
    x: 2 * u * (c.x - s.x) + 2 * t * (e.x - c.x),
    y: 2 * u * (c.y - s.y) + 2 * t * (e.y - c.y),
  };
  const length = Math.hypot(d.x, d.y) || 1;
  return { x: p.x - (d.y / length) * offset, y: p.y + (d.x / length) * offset };
}

/**
 * A point a few pixels beside one relationship, away from every node, inside the canvas, and
 * clearly nearer to it than to any other relationship; null when none is.
 */
function pickPoint(
  edges: ScreenEdge[],
  nodes: Point[],
  bounds: { width: number; height: number },
  wanted: (e: ScreenEdge) => boolean = () => true,
): { edge: ScreenEdge; point: Point } | null {
  for (const edge of edges.filter(wanted)) {
    const { source: s, target: t } = edge;
    if (Math.hypot(t.x - s.x, t.y - s.y) < 60) continue;
    for (const at of [0.5, 0.4, 0.6, 0.3, 0.7]) {
      for (const offset of [4, -4, 2, -2]) {
        const point = along(edge, at, offset);
        if (
          point.x < 20 ||
          point.y < 20 ||
          point.x > bounds.width - 20 ||
          point.y > bounds.height - 20
        )
          continue;
        if (nodes.some((n) => Math.hypot(n.x - point.x, n.y - point.y) < 22)) continue;
        const own = edgeDistance(point, edge);
        if (own > 6) continue;
        if (edges.some((o) => o.key !== edge.key && edgeDistance(point, o) < own + 4)) continue;
        return { edge, point };
      }
    }
  }
  return null;
}

test.describe.configure({ mode: 'serial' });

test('a relationship is clicked beside its line and hovered; its details show type and ends', async ({
  page,
  request,
}) => {
  const region = await openRegion(page, request);

  const box = await page.getByTestId('network').boundingBox();
  if (!box) throw new Error('no network box');
  const edges = await screenEdges(page, region.relationships);
  const nodes = Object.values(
    await positions(
      page,
      region.nodes.map((n) => n.key),
    ),
  ).filter((p): p is Point => p !== null);
  const pick = pickPoint(edges, nodes, box);
  if (!pick) throw new Error('no relationship stands clear of the others');
  const rel = region.relationships.find((r) => r.key === pick.edge.key);
  if (!rel) throw new Error('picked an unknown relationship');

  // Hovering 5 px off the line already reaches it.
  await page.mouse.move(box.x + pick.point.x, box.y + pick.point.y);
  await expect(page.getByTestId('network')).toHaveCSS('cursor', 'pointer');

  await at(page, pick.point);
  const details = page.getByTestId('edge-details');
  await expect(details).toHaveAttribute('data-edge-key', rel.key);
  await expect(page.getByTestId('edge-type')).toHaveText(rel.type);
  const name = (key: string) => region.nodes.find((n) => n.key === key)?.name ?? '';
  await expect(details.locator('[data-end="source"]')).toContainText(name(rel.source));
  await expect(details.locator('[data-end="target"]')).toContainText(name(rel.target));
  await snap(page, 'relationship-details');

  // Far from every relationship, a click clears the selection.
  await page.mouse.move(box.x + 5, box.y + 5);
  await expect(page.getByTestId('network')).not.toHaveCSS('cursor', 'pointer');
});

test('collapse a consultant into a group (curved parallel relationships), expand it back; group by a property', async ({
  page,
  request,
}) => {
  const region = await openRegion(page, request, 'EMEA');
  const drawnBefore = await nodeCount(page);

  // A consultant's subtree, computed here from the API's answer: EMPLOYS and COVERS downwards.
  const below = (root: string): Set<string> => {
    const seen = new Set([root]);
    for (let grew = true; grew;) {
      grew = false;
      for (const r of region.relationships) {
        if (
          (r.type === 'EMPLOYS' || r.type === 'COVERS') &&
          seen.has(r.source) &&
          !seen.has(r.target)
        ) {
          seen.add(r.target);
          grew = true;
        }
      }
    }
    return seen;
  };
  // One whose members own a product it also rates: two relationships between group and product.
  const consultant = region.nodes.find((n) => {
    if (n.label !== 'CONSULTANT') return false;
    const members = below(n.key);
    const rated = new Set(
      region.relationships
        .filter((r) => r.type === 'RATES' && r.source === n.key)
        .map((r) => r.target),
    );
    return region.relationships.some(
      (r) => r.type === 'OWNS' && members.has(r.source) && rated.has(r.target),
    );
  });
  if (!consultant) throw new Error('no consultant rates a product its companies own');
  const members = below(consultant.key);
  expect(members.size).toBeGreaterThan(1);

  const pos = (await positions(page, [consultant.key]))[consultant.key];
  if (!pos) throw new Error('consultant not drawn');
  await at(page, pos, 'right');
  await page.getByTestId('context-menu').getByTestId('toggle-group').click();
  const groupKey = `group:${consultant.key}`;
  await expect(page.getByTestId('group-details')).toHaveAttribute('data-group-key', groupKey);
  await expect(page.getByTestId('group-counts')).toContainText(`${members.size} nodes`);
  await expect.poll(() => nodeCount(page)).toBe(drawnBefore - members.size + 1);
  await expect(page.getByTestId('status-text')).toContainText(
    `${(drawnBefore - members.size + 1).toLocaleString('en-US')} nodes`,
  );

  // The group's relationships to a product it owns and rates, OWNS and RATES, are curves: each
  // is picked on its own bend. The drawn relationships come from the same grouping of the API's
  // answer; a product whose two bends stand clear of everything else is used.
  const drawn = groupDataset(
    deriveDataset(startExploration(region)),
    toggleCollapsed(NO_GROUPING, consultant.key),
  );
  // Positions are read once the drawing has settled after the collapse.
  await settled(page);
  // Closer in (the wheel zooms towards the pointer), the curves stand apart from the others.
  const groupAt = (await positions(page, [groupKey]))[groupKey];
  if (!groupAt) throw new Error('group not drawn');
  const netAt = await page.getByTestId('network').boundingBox();
  if (!netAt) throw new Error('no network box');
  await page.mouse.move(netAt.x + groupAt.x, netAt.y + groupAt.y);
  // How far one wheel step zooms depends on where the fit left the camera: step until close in.
  await expect
    .poll(async () => {
      await page.mouse.wheel(0, -400);
      await page.waitForTimeout(400);
      return page.evaluate(() => globalThis.__SN__?.camera()?.ratio ?? 1);
    })
    .toBeLessThan(0.6);
  // The camera's animation has ended once two readings agree.
  await expect
    .poll(async () => {
      const a = await page.evaluate(() => globalThis.__SN__?.camera()?.ratio);
      await page.waitForTimeout(300);
      return a === (await page.evaluate(() => globalThis.__SN__?.camera()?.ratio));
    })
    .toBe(true);
  // Where the layout puts every curved pair under something else, closer in they stand apart:
  // up to three more wheel steps towards the group.
  let clear: ReturnType<typeof pickPoint>[] | undefined;
  for (let step = 0; step < 4 && !clear; step++) {
    if (step > 0) {
      const now = (await positions(page, [groupKey]))[groupKey];
      if (now) await page.mouse.move(netAt.x + now.x, netAt.y + now.y);
      await page.mouse.wheel(0, -300);
      await expect
        .poll(async () => {
          const a = await page.evaluate(() => globalThis.__SN__?.camera()?.ratio);
          await page.waitForTimeout(300);
          return a === (await page.evaluate(() => globalThis.__SN__?.camera()?.ratio));
        })
        .toBe(true);
    }
    const drawnEdges = await screenEdges(page, [...drawn.edges.values()]);
    const drawnNodes = Object.values(await positions(page, [...drawn.nodes.keys()])).filter(
      (p): p is Point => p !== null,
    );
    const netBox = await page.getByTestId('network').boundingBox();
    if (!netBox) throw new Error('no network box');
    const pairs = new Map<string, ScreenEdge[]>();
    for (const e of drawnEdges) {
      const rel = drawn.edges.get(e.key);
      if (!rel || rel.source !== groupKey || !rel.target.startsWith('PRODUCT:')) continue;
      pairs.set(rel.target, [...(pairs.get(rel.target) ?? []), e]);
    }
    const curved = [...pairs.values()].filter((list) => list.length === 2);
    if (step === 0) {
      expect(curved.length).toBeGreaterThan(0);
      for (const list of curved)
        expect(list.map((e) => Math.sign(e.curvature)).sort()).toEqual([-1, 1]);
      await snap(page, 'group-collapsed');
    }
    clear = curved
      .map((list) =>
        list.map((e) => pickPoint(drawnEdges, drawnNodes, netBox, (o) => o.key === e.key)),
      )
      .find((picks) => picks.every((p) => p !== null));
  }
  if (!clear) throw new Error('every curved pair sits under other nodes or relationships');
  for (const pick of clear) {
    if (!pick) continue;
    await at(page, pick.point);
    await expect(page.getByTestId('edge-details')).toHaveAttribute('data-edge-key', pick.edge.key);
    await expect(
      page.getByTestId('edge-details').locator('[data-prop="relationships"]'),
    ).toBeVisible();
  }

  // Expanding the group brings every member back.
  await at(page, (await positions(page, [groupKey]))[groupKey] ?? { x: 0, y: 0 });
  await page.getByTestId('expand-group').click();
  await expect.poll(() => nodeCount(page)).toBe(drawnBefore);
  await expect(page.getByTestId('node-details')).toHaveAttribute('data-node-key', consultant.key);

  // Grouping by sales region: one node per value, counting the nodes it gathers.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('F');
  await expect
    .poll(() => page.evaluate(() => globalThis.__SN__?.camera()?.ratio ?? 0))
    .toBeCloseTo(1, 2);
  await page.getByTestId('group-by').selectOption('sales_region');
  const regions = new Map<string, number>();
  for (const n of region.nodes) {
    const v = n.properties.sales_region;
    if (typeof v === 'string') regions.set(v, (regions.get(v) ?? 0) + 1);
  }
  const ungrouped = region.nodes.filter((n) => typeof n.properties.sales_region !== 'string');
  await expect.poll(() => nodeCount(page)).toBe(regions.size + ungrouped.length);
  const [value, count] = [...regions].sort(([a], [b]) => a.localeCompare(b))[0] ?? ['', 0];
  const key = `group:sales_region=${value}`;
  await settled(page);
  await at(page, (await positions(page, [key]))[key] ?? { x: 0, y: 0 });
  await expect(page.getByTestId('group-details')).toHaveAttribute('data-group-key', key);
  await expect(page.getByTestId('details-name')).toHaveText(`Sales region: ${value} (${count})`);
  await snap(page, 'group-by-sales-region');
  await page.getByTestId('group-by').selectOption('');
  await expect.poll(() => nodeCount(page)).toBe(drawnBefore);
});
