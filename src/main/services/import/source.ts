/**
 * Reads an import file row by row, never whole: CSV through csv-parse after a strict UTF-8
 * check, XLSX through exceljs's streaming workbook reader (first worksheet). Yields the header
 * first, then each data row with its spreadsheet row number (the header is row 1).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { AppError, isAppError } from '../../../shared/errors';
import type { Cell } from './fields';

export type ImportFormat = 'csv' | 'xlsx';
export type SourceRow = { row: number; cells: Cell[] };

export function formatOf(name: string): ImportFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  throw new AppError('UNPROCESSABLE', `${name}: only .csv and .xlsx files can be imported`);
}

/** The file's size in bytes, refused when over the limit. */
export async function checkSize(path: string, name: string, maxBytes: number): Promise<number> {
  const { size } = await stat(path);
  if (size > maxBytes)
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `${name} has ${size} bytes, over the import limit of ${maxBytes} (IMPORT_MAX_BYTES)`,
      [{ field: 'file', message: 'over the size limit', bound: maxBytes }],
    );
  return size;
}

/** Called with the number of bytes of the file read so far. */
export type OnBytes = (bytes: number) => void;

/** Passes bytes on unchanged, counting them. */
function counting(onBytes: OnBytes | undefined): Transform {
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      bytes += chunk.length;
      onBytes?.(bytes);
      callback(null, chunk);
    },
  });
}

/** Passes bytes on unchanged, failing at the first byte sequence that is not UTF-8. */
function strictUtf8(name: string, onBytes: OnBytes | undefined): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  const fail = (): AppError =>
    new AppError(
      'UNPROCESSABLE',
      `${name} is not UTF-8 text (an invalid byte sequence within the first ${offset} bytes); save it as CSV UTF-8`,
    );
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      offset += chunk.length;
      onBytes?.(offset);
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        callback(fail());
        return;
      }
      callback(null, chunk);
    },
    flush(callback: TransformCallback) {
      try {
        decoder.decode();
      } catch {
        callback(fail());
        return;
      }
      callback();
    },
  });
}

async function* csvRows(path: string, name: string, onBytes?: OnBytes): AsyncGenerator<SourceRow> {
  const parser = parse({ bom: true, skip_empty_lines: true, trim: false });
  const input = createReadStream(path).pipe(strictUtf8(name, onBytes));
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      yield { row, cells: record };
    }
  } catch (error) {
    if (isAppError(error)) throw error;
    if (error instanceof CsvError)
      throw new AppError('UNPROCESSABLE', `${name} is not well-formed CSV: ${error.message}`);
    throw error;
  } finally {
    input.destroy();
  }
}

type ExcelValue = ExcelJS.CellValue;

function excelCell(value: ExcelValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (value instanceof Date) return value;
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = 'formula' in value ? value.formula : value.sharedFormula;
    return { formula: String(formula) };
  }
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return null;
}

async function* xlsxRows(path: string, name: string, onBytes?: OnBytes): AsyncGenerator<SourceRow> {
  const file = createReadStream(path);
  const input = file.pipe(counting(onBytes));
  file.on('error', (error) => input.destroy(error));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as ExcelValue[];
        const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) =>
          excelCell(values[i + 1]),
        );
        if (cells.every((c) => c === null || c === '')) continue;
        yield { row: row.number, cells };
      }
      return; // the first worksheet only
    }
  } catch (error) {
    if (isAppError(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError('UNPROCESSABLE', `${name} is not a readable XLSX workbook (${reason})`);
  } finally {
    file.destroy();
    input.destroy();
  }
}

export function readRows(
  path: string,
  name: string,
  format: ImportFormat,
  onBytes?: OnBytes,
): AsyncGenerator<SourceRow> {
  return format === 'csv' ? csvRows(path, name, onBytes) : xlsxRows(path, name, onBytes);
}

const QUOTE = 0x22;
const NEWLINE = 0x0a;
const RETURN = 0x0d;

/**
 * The data rows of a CSV file, counted without parsing (line ends outside quotes, blank lines
 * left out as the reader leaves them out), for the import's progress. Malformed files are
 * refused by the reader, not here.
 */
export async function countCsvRows(path: string): Promise<number> {
  let quoted = false;
  let content = false;
  let lines = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    for (const byte of chunk) {
      if (byte === QUOTE) quoted = !quoted;
      if (byte === NEWLINE && !quoted) {
        if (content) lines += 1;
        content = false;
      } else if (byte !== RETURN) content = true;
    }
  }
  if (content) lines += 1;
  return Math.max(0, lines - 1);
}
