/**
 * Imports CSV and XLSX files into the graph: every file is streamed row by row, each row is
 * checked against the domain schemas and written in batches within one transaction, which is
 * committed only when no row was bad (and it is not a dry run). A bad row never stops the
 * reading, so the report names every one; cancelling or any failure rolls everything back.
 */
import { writtenBookmark } from '../../db/bookmarks';
import { recordAudit } from '../audit';
import { setupSchema } from '../../db/schema';
import { databaseError } from '../../db/errors';
import {
  ImportOptions,
  type ImportIssue,
  type ImportPreview,
  type ImportProgress,
  type ImportResult,
  type ImportFileReport,
} from '../../../shared/import';
import { AppError, isAppError } from '../../../shared/errors';
import type { Handlers, ServiceDeps } from '../types';
import type { Cell } from './fields';
import { fileLayout, layoutOrder, targetOf, type FileLayout } from './layout';
import { rowWrites, writeKey } from './rows';
import { checkSize, countCsvRows, formatOf, readRows, type ImportFormat } from './source';
import { createImportJobs, type ImportJobs } from './jobs';
import { createBatchWriter, type BatchWriter } from './write';
import { importAudit } from './audit';

export type ImportFile = {
  path: string;
  /** The name shown in reports and used to tell the label or type (e.g. COMPANY.csv). */
  name: string;
};

export type ImportRunOptions = {
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
};

const MAX_REPORTED = 1_000;
const BATCH_SIZE = 5_000;
const PREVIEW_ROWS = 10;

type Opened = {
  file: ImportFile;
  format: ImportFormat;
  header: string[];
  layout: FileLayout;
  bytes: number;
};

const headerText = (cells: readonly Cell[]): string[] =>
  cells.map((c) => (c === null || typeof c === 'object' ? '' : String(c)));

async function open(
  file: ImportFile,
  options: ReturnType<typeof ImportOptions.parse>,
  maxBytes: number,
): Promise<Opened> {
  const format = formatOf(file.name);
  const bytes = await checkSize(file.path, file.name, maxBytes);
  const rows = readRows(file.path, file.name, format);
  try {
    const first = await rows.next();
    if (first.done)
      throw new AppError('UNPROCESSABLE', `${file.name} is empty: it has no header row`);
    const header = headerText(first.value.cells);
    return { file, format, header, layout: fileLayout(header, file.name, options), bytes };
  } finally {
    await rows.return(undefined);
  }
}

function cellForPreview(cell: Cell): string | number | boolean | null {
  if (cell instanceof Date) return cell.toISOString();
  if (cell !== null && typeof cell === 'object') return `=${cell.formula}`;
  return cell;
}

export async function previewImport(
  deps: ServiceDeps,
  file: ImportFile,
  input: ImportOptions = {},
): Promise<ImportPreview> {
  const options = ImportOptions.parse(input);
  const opened = await open(file, options, deps.config.IMPORT_MAX_BYTES);
  const rows: ImportPreview['rows'] = [];
  const source = readRows(file.path, file.name, opened.format);
  try {
    await source.next();
    for await (const { cells } of source) {
      rows.push(opened.header.map((_, i) => cellForPreview(cells[i] ?? null)));
      if (rows.length >= PREVIEW_ROWS) break;
    }
  } finally {
    await source.return(undefined);
  }
  return { file: file.name, ...reportOf(opened, 0), rows };
}

function reportOf(opened: Opened, rows: number): Omit<ImportFileReport, 'file'> {
  return {
    layout: opened.layout.layout,
    target: targetOf(opened.layout),
    columns: opened.header.map((column, i) => ({
      column,
      property: opened.layout.properties[i] ?? null,
    })),
    rows,
  };
}

const throwIfAborted = (signal: AbortSignal | undefined): void => {
  if (signal?.aborted) throw new AppError('CANCELLED', 'Import cancelled; nothing was written');
};

/** How often (in rows) progress is told and a cancel is looked for. */
const PROGRESS_ROWS = 1_000;

async function importFile(
  opened: Opened,
  writer: BatchWriter,
  issues: { add: (issue: ImportIssue) => void; count: () => number },
  progress: (file: string, rows: number, bytes: number) => void,
  signal: AbortSignal | undefined,
): Promise<number> {
  const { file, header, layout } = opened;
  const seen = new Map<string, { row: number; props: string }>();
  let bytes = 0;
  const source = readRows(file.path, file.name, opened.format, (n) => (bytes = n));
  let rows = 0;
  const missingBefore = writer.missing.length;
  try {
    await source.next();
    for await (const { row, cells } of source) {
      rows += 1;
      if (
        cells.length > header.length &&
        cells.slice(header.length).some((c) => c !== null && c !== '')
      )
        issues.add({
          file: file.name,
          row,
          column: null,
          reason: `has ${cells.length} cells for ${header.length} columns`,
        });
      const { writes, problems } = rowWrites(layout, header, cells);
      for (const p of problems) issues.add({ file: file.name, row, ...p });
      for (const write of writes) {
        const key = writeKey(write);
        const repeatable = write.kind === 'relationship' && write.updateOnly;
        const props = repeatable ? JSON.stringify(write.props) : '';
        const earlier = seen.get(key);
        if (earlier) {
          // The coverage table repeats a coverage on each holding row: the same values are fine.
          const same = repeatable && earlier.props === props;
          if (!same)
            issues.add({
              file: file.name,
              row,
              column: null,
              reason: `duplicate ${write.kind === 'node' ? `id ${key}` : key} (first on row ${earlier.row})`,
            });
          continue;
        }
        seen.set(key, { row, props });
        await writer.add(write, row);
      }
      if (rows % PROGRESS_ROWS === 0) {
        throwIfAborted(signal);
        progress(file.name, rows, bytes);
      }
    }
  } finally {
    await source.return(undefined);
  }
  await writer.flush();
  for (const m of writer.missing.slice(missingBefore))
    issues.add({ file: file.name, row: m.row, column: null, reason: m.reason });
  progress(file.name, rows, opened.bytes);
  return rows;
}

/** All data rows of the files when every one is CSV (cheap to count); else null. */
async function countRows(opened: readonly Opened[]): Promise<number | null> {
  if (opened.some((o) => o.format !== 'csv')) return null;
  let total = 0;
  for (const o of opened) total += await countCsvRows(o.file.path);
  return total;
}

/**
 * Imports the files, all rows or none, and reports: with bad rows (and not a dry run) nothing is
 * committed and the report lists them. Refused files, a cancel and database failures throw.
 */
async function importReport(
  deps: ServiceDeps,
  files: readonly ImportFile[],
  input: ImportOptions = {},
  run: ImportRunOptions = {},
): Promise<ImportResult> {
  const options = ImportOptions.parse(input);
  if (!files.length)
    throw new AppError('VALIDATION_ERROR', 'Name at least one file to import', [
      { field: 'file', message: 'required' },
    ]);
  const started = performance.now();
  const opened: Opened[] = [];
  for (const file of files) opened.push(await open(file, options, deps.config.IMPORT_MAX_BYTES));
  opened.sort((a, b) => layoutOrder(a.layout.layout) - layoutOrder(b.layout.layout));
  const rowsTotal = run.onProgress ? await countRows(opened) : null;
  const bytesTotal = opened.reduce((sum, o) => sum + o.bytes, 0);
  let bytesBefore = 0;
  const progress = (
    phase: ImportProgress['phase'],
    file: string | null,
    rows: number,
    bytes: number,
  ): void =>
    run.onProgress?.({
      phase,
      file,
      rows,
      rows_total: rowsTotal,
      bytes,
      bytes_total: bytesTotal,
      elapsed_ms: performance.now() - started,
    });
  progress('read', null, 0, 0);

  const errors: ImportIssue[] = [];
  let errorsTotal = 0;
  const issues = {
    add: (issue: ImportIssue) => {
      errorsTotal += 1;
      if (errors.length < MAX_REPORTED) errors.push(issue);
    },
    count: () => errorsTotal,
  };
  const reports: ImportFileReport[] = [];
  let total = 0;
  let committed = false;
  let writer: BatchWriter;
  try {
    await setupSchema(deps.driver, deps.database);
    const session = deps.driver.session({ database: deps.database, defaultAccessMode: 'WRITE' });
    try {
      const tx = session.beginTransaction();
      try {
        writer = createBatchWriter(tx, BATCH_SIZE);
        for (const file of opened) {
          throwIfAborted(run.signal);
          const rows = await importFile(
            file,
            writer,
            issues,
            (name, n, bytes) => progress('read', name, total + n, bytesBefore + bytes),
            run.signal,
          );
          total += rows;
          bytesBefore += file.bytes;
          reports.push({ file: file.file.name, ...reportOf(file, rows) });
        }
        throwIfAborted(run.signal);
        if (errorsTotal === 0 && !options.dry_run) {
          progress('commit', null, total, bytesTotal);
          await recordAudit(tx, importAudit(reports, total, writer));
          await tx.commit();
          committed = true;
        } else {
          progress('rollback', null, total, bytesTotal);
          await tx.rollback();
        }
      } finally {
        if (tx.isOpen()) {
          progress('rollback', null, total, bytesBefore);
          await tx.rollback().catch(() => undefined);
        }
      }
    } finally {
      await session.close();
    }
  } catch (error) {
    if (isAppError(error)) throw error;
    throw (
      databaseError(error, deps.target) ??
      new AppError('INTERNAL', 'Import failed while writing to the database; nothing was written')
    );
  }
  const result: ImportResult = {
    dry_run: options.dry_run,
    committed,
    files: reports,
    rows: total,
    nodes: writer.nodes,
    relationships: writer.relationships,
    errors,
    errors_total: errorsTotal,
    seconds: (performance.now() - started) / 1000,
    bookmark: committed ? writtenBookmark() : null,
    statements: writer.statements(),
  };
  progress('done', null, total, bytesTotal);
  deps.logger.info(
    { files: reports.map((r) => r.file), rows: total, committed, errors: errorsTotal },
    'import finished',
  );
  return result;
}

/** Imports the files, all rows or none; bad rows (unless a dry run) throw, naming them. */
export async function runImport(
  deps: ServiceDeps,
  files: readonly ImportFile[],
  input: ImportOptions = {},
  run: ImportRunOptions = {},
): Promise<ImportResult> {
  const result = await importReport(deps, files, input, run);
  if (result.errors_total > 0 && !result.dry_run) throw importRefused(result);
  return result;
}

/** A refused import: the message names the first bad row, the details list them. */
function importRefused(result: ImportResult): AppError {
  const first = result.errors[0]!;
  const where = `${first.file} row ${first.row}${first.column ? `, column ${first.column}` : ''}`;
  return new AppError(
    'UNPROCESSABLE',
    `${result.errors_total} bad row${result.errors_total === 1 ? '' : 's'}; nothing was written (first: ${where}: ${first.reason})`,
    result.errors.map((e) => ({
      field: `${e.file}:${e.row}${e.column ? `:${e.column}` : ''}`,
      message: e.reason,
    })),
  );
}

/** Background imports over this backend's database. */
export const createImportService = (deps: ServiceDeps): ImportJobs =>
  createImportJobs((files, options, run) => importReport(deps, files, options, run), importRefused);

/**
 * The contract's import operations: files the REST upload stored (or the desktop's open dialog
 * chose), imported in one go, or as a job with progress and cancel.
 */
export const importOperations = (deps: ServiceDeps, jobs: ImportJobs) =>
  ({
    importFiles: ({ files, ...options }) => runImport(deps, files, options),
    // A file that is neither CSV nor XLSX is refused before the job starts.
    startImport: ({ files, ...options }) =>
      Promise.resolve(options).then((o) => {
        for (const file of files) formatOf(file.name);
        return jobs.start(files, o);
      }),
    getImportJob: ({ id }) => Promise.resolve(id).then((i) => jobs.get(i)),
    cancelImport: ({ id }) => Promise.resolve(id).then((i) => jobs.cancel(i)),
  }) satisfies Partial<Handlers>;
