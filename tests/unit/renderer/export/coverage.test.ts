import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { coverageRows } from '../../../../src/renderer/src/features/export/coverage';
import { COVERAGE_COLUMNS } from '../../../../src/shared/export-columns';
import {
  coverageCsv,
  coverageXlsx,
} from '../../../../src/renderer/src/features/export/coverage-files';
import { sampleGraph } from './fixture';

describe('coverage table', () => {
  it('has one row per coverage and holding of each company', () => {
    const rows = coverageRows(sampleGraph);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      consultant: 'Ada "The Closer" Lovelace',
      consultant_id: 'NAI-C-0001',
      field_consultant: 'Grace <Hopper> & Co',
      level_of_influence: 4,
      company: '=Acme Pension, Fund',
      product: 'Global Equity',
      product_type: 'PRODUCT',
      mandate_status: 'At Risk',
      value: 2500000,
    });
    expect(rows[1]).toMatchObject({
      product: 'Rival Bond',
      value: 700000,
      mandate_status: 'Active',
    });
  });

  it('lists an uncovered company without holdings once, with empty coverage', () => {
    const rows = coverageRows({
      nodes: [{ ...sampleGraph.nodes[2]!, key: 'COMPANY:X', id: 'X' }],
      relationships: [],
    });
    expect(rows).toEqual([
      expect.objectContaining({ company_id: 'X', consultant: null, product: null }),
    ]);
  });

  it('names a field consultant’s parent by id when the parent is not in view', () => {
    const rows = coverageRows({
      nodes: sampleGraph.nodes.filter((n) => n.label !== 'CONSULTANT'),
      relationships: sampleGraph.relationships,
    });
    expect(rows[0]).toMatchObject({ consultant_id: 'NAI-C-0001', consultant: null });
  });

  it('CSV carries the headers and the rows', () => {
    const lines = coverageCsv(coverageRows(sampleGraph)).trimEnd().split('\r\n');
    expect(lines[0]).toBe(COVERAGE_COLUMNS.map((c) => c.header).join(','));
    expect(lines).toHaveLength(3);
  });

  it('XLSX opens with exceljs with the same headers and values', async () => {
    const bytes = await coverageXlsx(coverageRows(sampleGraph));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes.buffer);
    const sheet = book.getWorksheet('Coverage');
    expect(sheet?.rowCount).toBe(3);
    expect(sheet?.getRow(1).getCell(1).value).toBe('Region');
    const valueColumn = COVERAGE_COLUMNS.findIndex((c) => c.key === 'value') + 1;
    expect(sheet?.getRow(2).getCell(valueColumn).value).toBe(2500000);
    const companyColumn = COVERAGE_COLUMNS.findIndex((c) => c.key === 'company') + 1;
    expect(sheet?.getRow(2).getCell(companyColumn).value).toBe('=Acme Pension, Fund');
  });
});
