import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport, previewImport } from '../../../src/main/services/import';
import type { ImportFile } from '../../../src/main/services/import';
import { AppError } from '../../../src/shared/errors';
import { removeRegions, testDriver, testRegions } from '../../support/db';
import { databaseCounts, testDeps } from '../generation/support';
import { fileOf, tempDir } from './support';

const HEADER = 'id,name,region,sales_region,channel,pca,aca,privacy,aum';

describe('import refuses bad input and writes nothing', () => {
  let driver: Driver;
  const [region] = testRegions(1) as [string];
  const regions = [region];
  const dir = tempDir();
  const company = (n: number, extra: Partial<Record<string, string>> = {}): string => {
    const row: Record<string, string> = {
      id: `${region}-CO-${n}`,
      name: `Company ${n}`,
      region,
      sales_region: 'East',
      channel: 'Direct',
      pca: 'Ann',
      aca: 'Bo',
      privacy: 'Public',
      aum: String(1000 * n),
      ...extra,
    };
    return HEADER.split(',')
      .map((c) => row[c])
      .join(',');
  };
  const csv = (name: string, lines: string[]): ImportFile => {
    const path = join(dir, name);
    writeFileSync(path, `${[HEADER, ...lines].join('\n')}\n`);
    return fileOf(path);
  };

  /** Runs the import, expects it to fail, and shows the database counts did not move. */
  async function refused(
    files: ImportFile[],
    overrides: Record<string, string> = {},
  ): Promise<AppError> {
    const before = await databaseCounts(driver);
    const error = await runImport(testDeps(driver, regions, overrides), files).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(await databaseCounts(driver)).toEqual(before);
    return error as AppError;
  }

  beforeAll(() => {
    driver = testDriver();
  });
  afterAll(async () => {
    await removeRegions(driver, regions);
    await driver.close();
  });

  it('imports a good file of one label (named after it), and a dry run writes nothing', async () => {
    const file = csv('COMPANY.csv', [company(1), company(2)]);
    const before = await databaseCounts(driver);
    const dry = await runImport(testDeps(driver, regions), [file], { dry_run: true });
    expect(dry).toMatchObject({ dry_run: true, committed: false, nodes: { created: 2 } });
    expect(await databaseCounts(driver)).toEqual(before);
    const result = await runImport(testDeps(driver, regions), [file]);
    expect(result).toMatchObject({ committed: true, rows: 2, nodes: { created: 2, updated: 0 } });
    const changed = csv('COMPANY.csv', [company(1), company(2, { aum: '5' })]);
    const again = await runImport(testDeps(driver, regions), [changed]);
    expect(again.nodes).toEqual({ created: 0, updated: 1, unchanged: 1 });
  });

  it('previews the first rows with the column mapping', async () => {
    const file = csv('COMPANY.csv', [company(1), company(2)]);
    const preview = await previewImport(testDeps(driver, regions), file, {
      mapping: { aca: null },
    });
    expect(preview).toMatchObject({ layout: 'nodes', target: 'COMPANY' });
    expect(preview.columns.find((c) => c.column === 'aca')).toEqual({
      column: 'aca',
      property: null,
    });
    expect(preview.rows).toHaveLength(2);
    expect(preview.rows[0]?.[0]).toBe(`${region}-CO-1`);
  });

  it('reports every bad row with its row, column and reason', async () => {
    const file = csv('COMPANY.csv', [
      company(3),
      company(4, { privacy: 'Secret' }),
      company(5, { aum: '-1' }),
      company(6, { aum: 'lots', sales_region: '' }),
    ]);
    const dry = await runImport(testDeps(driver, regions), [file], { dry_run: true });
    expect(dry.errors_total).toBe(4);
    expect(dry.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'privacy'],
      [4, 'aum'],
      [5, 'sales_region'],
      [5, 'aum'],
    ]);
    expect(dry.errors[2]?.reason).toBe('"sales_region" is required');
    const error = await refused([file]);
    expect(error.code).toBe('UNPROCESSABLE');
    expect(error.message).toMatch(
      /^4 bad rows; nothing was written \(first: COMPANY.csv row 3, column privacy/,
    );
    expect(error.details).toHaveLength(4);
  });

  it('a malformed file', async () => {
    const error = await refused([
      csv('COMPANY.csv', [company(7), `${region}-CO-8,"unclosed,${region}`]),
    ]);
    expect(error.code).toBe('UNPROCESSABLE');
    expect(error.message).toMatch(/^COMPANY.csv is not well-formed CSV: /);
  });

  it('a file that is not UTF-8', async () => {
    const path = join(dir, 'COMPANY.csv');
    const latin1 = Buffer.from(
      `${HEADER}\n${company(9).replace('Company 9', 'Société 9')}\n`,
      'latin1',
    );
    writeFileSync(path, latin1);
    const error = await refused([fileOf(path)]);
    expect(error.message).toMatch(/^COMPANY.csv is not UTF-8 text/);
  });

  it('a formula cell (XLSX, and a formula typed into a CSV)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Companies');
    sheet.addRow(HEADER.split(','));
    sheet.addRow(
      company(10)
        .split(',')
        .map((v, i) => (i === 8 ? Number(v) : v)),
    );
    const row = company(11)
      .split(',')
      .map((v, i) => (i === 8 ? { formula: 'SUM(1,2)', result: 3 } : v));
    sheet.addRow(row);
    const path = join(dir, 'COMPANY.xlsx');
    await workbook.xlsx.writeFile(path);
    const error = await refused([fileOf(path)]);
    expect(error.message).toMatch(/row 3, column aum: a formula \(=SUM\(1,2\)\)/);
    const typed = await refused([csv('COMPANY.csv', [company(12, { name: '=1+2' })])]);
    expect(typed.message).toMatch(/row 2, column name: a formula/);
  });

  it('a file over the size limit', async () => {
    const error = await refused([csv('COMPANY.csv', [company(13), company(14)])], {
      IMPORT_MAX_BYTES: '100',
    });
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.message).toMatch(/over the import limit of 100 \(IMPORT_MAX_BYTES\)/);
  });

  it('a row that refers to a missing id', async () => {
    const path = join(dir, 'OWNS.csv');
    writeFileSync(
      path,
      'source,target,mandate_status,value,start_date,consultant\n' +
        `${region}-CO-1,PRODUCT:${region}-P-404,Active,10,2024-01-31,${region}-C-1\n`,
    );
    const error = await refused([fileOf(path)]);
    expect(error.message).toMatch(
      new RegExp(`OWNS.csv row 2: refers to a missing node: PRODUCT ${region}-P-404`),
    );
  });

  it('a duplicate id within a file', async () => {
    const error = await refused([csv('COMPANY.csv', [company(15), company(16), company(15)])]);
    expect(error.message).toMatch(
      new RegExp(`row 4: duplicate id COMPANY:${region}-CO-15 \\(first on row 2\\)`),
    );
  });

  it('cancelling rolls back what was written', async () => {
    const lines = Array.from({ length: 12_000 }, (_, i) => company(100 + i));
    const file = csv('COMPANY.csv', lines);
    const controller = new AbortController();
    const before = await databaseCounts(driver);
    const error = await runImport(
      testDeps(driver, regions),
      [file],
      {},
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'read' && p.rows >= 5_000) controller.abort();
        },
      },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CANCELLED' });
    expect(await databaseCounts(driver)).toEqual(before);
  });
});
