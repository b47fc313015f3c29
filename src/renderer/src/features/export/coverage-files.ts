/** The coverage table as CSV and as an Excel workbook (exceljs, loaded only when needed). */
import { toCsv } from '@shared/csv';
import { COVERAGE_COLUMNS } from '@shared/export-columns';
import type { CoverageRow } from './coverage';

export function coverageCsv(rows: readonly CoverageRow[]): string {
  const byHeader = rows.map((row) =>
    Object.fromEntries(COVERAGE_COLUMNS.map((c) => [c.header, row[c.key]])),
  );
  return toCsv(
    COVERAGE_COLUMNS.map((c) => c.header),
    byHeader,
  );
}

export async function coverageXlsx(rows: readonly CoverageRow[]): Promise<Uint8Array<ArrayBuffer>> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Smart Network';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('Coverage', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COVERAGE_COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(12, c.header.length + 2),
    ...(c.key === 'value' ? { style: { numFmt: '#,##0' } } : {}),
  }));
  for (const row of rows) {
    sheet.addRow(Object.fromEntries(COVERAGE_COLUMNS.map((c) => [c.key, row[c.key] ?? null])));
  }
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: COVERAGE_COLUMNS.length },
  };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}
