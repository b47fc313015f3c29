/**
 * Every export format end to end, from the network on screen: files are downloaded and read
 * back — GEXF and GraphML parsed with graphology, JSON imported, the XLSX opened with exceljs,
 * the PNG's size read from its header and its pixels checked for a drawing.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { nodeCount, openRegion } from './support';

type Downloaded = { name: string; bytes: Buffer };

async function exportAs(page: Page, format: string, files = 1): Promise<Downloaded[]> {
  const downloads: Downloaded[] = [];
  const done = new Promise<void>((resolve) => {
    page.on('download', (download) => {
      void download.path().then(async (path) => {
        downloads.push({ name: download.suggestedFilename(), bytes: await readFile(path) });
        if (downloads.length === files) resolve();
      });
    });
  });
  await page.locator(`[data-export="${format}"]`).click();
  await done;
  page.removeAllListeners('download');
  return downloads.sort((a, b) => a.name.localeCompare(b.name));
}

const text = (file: Downloaded | undefined): string => file?.bytes.toString('utf8') ?? '';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Page script: how many pixels of a PNG differ from its first pixel (the background). A string,
 * since these tests are typed for Node, not the DOM.
 */
const countInk = (base64: string): string => `(async () => {
  const img = new Image();
  img.src = 'data:image/png;base64,${base64}';
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = img.width;
  canvas.height = img.height;
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const d = ctx.getImageData(0, 0, img.width, img.height).data;
  let differing = 0;
  for (let i = 0; i < d.length; i += 4)
    if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) differing++;
  return differing;
})()`;

const edgeCount = (page: Page): Promise<number> =>
  page.evaluate(() => globalThis.__SN__?.edgeCount() ?? -1);

test('every export format is produced from the view and reads back', async ({ page, request }) => {
  await openRegion(page, request);
  const nodes = await nodeCount(page);
  const edges = await edgeCount(page);
  await page.getByTestId('export-tool').locator('summary').click();

  // PNG: the network's size in device pixels, with something drawn on it.
  const [png] = await exportAs(page, 'png');
  if (!png) throw new Error('no PNG');
  expect(png.name).toMatch(/\.png$/);
  const box = await page.getByTestId('network').boundingBox();
  const ratio = await page.evaluate<number>('window.devicePixelRatio');
  const size = pngSize(png.bytes);
  expect(Math.abs(size.width - Math.round((box?.width ?? 0) * ratio))).toBeLessThanOrEqual(1);
  expect(Math.abs(size.height - Math.round((box?.height ?? 0) * ratio))).toBeLessThanOrEqual(1);
  const inked = await page.evaluate<number>(countInk(png.bytes.toString('base64')));
  expect(inked).toBeGreaterThan(100);

  // SVG: well-formed, the view's size, a circle per node in view, and edges.
  const [svg] = await exportAs(page, 'svg');
  expect(svg?.name).toMatch(/\.svg$/);
  const shapes = await page.evaluate<{
    errors: number;
    width: string;
    circles: number;
    lines: number;
  }>(
    `(() => {
      const doc = new DOMParser().parseFromString(${JSON.stringify(text(svg))}, 'image/svg+xml');
      return {
        errors: doc.getElementsByTagName('parsererror').length,
        width: doc.documentElement.getAttribute('width'),
        circles: doc.querySelectorAll('circle').length,
        lines: doc.querySelectorAll('line').length,
      };
    })()`,
  );
  expect(shapes.errors).toBe(0);
  expect(Number(shapes.width)).toBeCloseTo(box?.width ?? 0, -1);
  expect(shapes.circles).toBeGreaterThan(0);
  expect(shapes.circles).toBeLessThanOrEqual(nodes);
  expect(shapes.lines).toBeGreaterThan(0);

  // CSV: a node table and an edge table.
  const [edgeCsv, nodeCsv] = await exportAs(page, 'csv', 2);
  expect(nodeCsv?.name).toMatch(/-nodes\.csv$/);
  expect(edgeCsv?.name).toMatch(/-edges\.csv$/);
  const nodeLines = text(nodeCsv).trimEnd().split('\r\n');
  expect(nodeLines[0]).toMatch(/^key,/);
  expect(nodeLines.filter((l) => /^[A-Z_]+:/.test(l))).toHaveLength(nodes);
  expect(text(edgeCsv).split('\r\n')[0]).toMatch(/^key,source,target,/);

  // JSON (graphology serialisation), GEXF and GraphML: parsed back with graphology.
  const [json] = await exportAs(page, 'json');
  const fromJson = new Graph({ multi: true });
  fromJson.import(JSON.parse(text(json)) as Parameters<Graph['import']>[0]);
  expect([fromJson.order, fromJson.size]).toEqual([nodes, edges]);

  const [gexf] = await exportAs(page, 'gexf');
  expect(gexf?.name).toMatch(/\.gexf$/);
  const fromGexf = parseGexf(Graph, text(gexf));
  expect([fromGexf.order, fromGexf.size]).toEqual([nodes, edges]);
  const someNode = fromGexf.nodes()[0] ?? '';
  expect(fromGexf.getNodeAttribute(someNode, 'node_type')).toMatch(/^[A-Z_]+$/);
  expect(typeof fromGexf.getNodeAttribute(someNode, 'x')).toBe('number');

  const [graphml] = await exportAs(page, 'graphml');
  expect(graphml?.name).toMatch(/\.graphml$/);
  const fromGraphml = parseGraphml(Graph, text(graphml));
  expect([fromGraphml.order, fromGraphml.size]).toEqual([nodes, edges]);
  expect(fromGraphml.getNodeAttribute(someNode, 'label')).toBe(
    fromGexf.getNodeAttribute(someNode, 'label'),
  );

  // Coverage table: CSV and XLSX with the same header and rows.
  const [coverageCsv] = await exportAs(page, 'coverage-csv');
  const csvLines = text(coverageCsv).trimEnd().split('\r\n');
  expect(csvLines[0]).toMatch(
    /^Region,Consultant ID,Consultant,Field consultant ID,Field consultant,/,
  );
  expect(csvLines.length).toBeGreaterThan(1);
  const [xlsx] = await exportAs(page, 'coverage-xlsx');
  expect(xlsx?.name).toMatch(/-coverage\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(xlsx?.bytes ?? []).buffer);
  const sheet = book.getWorksheet('Coverage');
  expect(sheet?.rowCount).toBe(csvLines.length);
  const header: string[] = [];
  sheet?.getRow(1).eachCell((cell) => header.push(cell.text));
  expect(header.join(',')).toBe(csvLines[0]);
  await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toContainText(
    'coverage.xlsx',
  );
});
