/**
 * CSV encoding (RFC 4180): fields with commas, quotes or line breaks are quoted. Text that a
 * spreadsheet would run as a formula is prefixed with an apostrophe, since exported names come
 * from the database and may be typed by anyone.
 */
import { FORMULA_START } from './export-columns';

export type CsvCell = string | number | boolean | null | undefined;

export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One header line, then one line per row, in the order of `columns`; CRLF line ends. */
export function toCsv(
  columns: readonly string[],
  rows: Iterable<Readonly<Record<string, CsvCell>>>,
): string {
  const lines = [columns.map(csvField).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
