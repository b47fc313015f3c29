import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../../../src/shared/csv';

describe('CSV encoding', () => {
  it('quotes fields with commas, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('plain')).toBe('plain');
  });

  it('writes numbers, booleans and empty values as they are', () => {
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField(true)).toBe('true');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('-1+2,3')).toBe('"\'-1+2,3"');
  });

  it('writes a header and one CRLF line per row in column order', () => {
    const csv = toCsv(['b', 'a'], [{ a: 1, b: 'x' }, { a: 2 }]);
    expect(csv).toBe('b,a\r\nx,1\r\n,2\r\n');
  });
});
