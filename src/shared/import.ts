/** What an import is asked to do and what it reports (REST, IPC, CLI share these). */
import { z } from 'zod';
import { BookmarkToken, confirmFlag, JOB_STATUSES } from './api';
import { WriteStatement } from './audit';
import { ErrorDetail } from './errors';
import { NodeLabel, RelationshipType } from './domain';

const IMPORT_LAYOUTS = [
  'nodes',
  'relationships',
  'graph-nodes',
  'graph-edges',
  'coverage',
] as const;
export const ImportLayout = z.enum(IMPORT_LAYOUTS);
export type ImportLayout = z.infer<typeof ImportLayout>;

/**
 * Column mapping: file column → property name, or null to leave the column out. Columns not
 * named keep their default (the column's own name, or the exporters' names).
 */
export const ColumnMapping = z.record(z.string().max(200), z.string().max(200).nullable());
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export const ImportOptions = z.object({
  /** Label of a file of nodes (default: the file name, e.g. COMPANY.csv). */
  label: NodeLabel.optional(),
  /** Type of a file of relationships (default: the file name, e.g. OWNS.xlsx). */
  type: RelationshipType.optional(),
  mapping: ColumnMapping.optional(),
  /** Check and count everything in a transaction that is then rolled back. */
  dry_run: z.boolean().default(false),
  confirm: confirmFlag,
});
export type ImportOptions = z.input<typeof ImportOptions>;

/** A file of an upload, as the server stored it for the import. */
const UploadedFile = z.object({
  name: z.string().min(1).max(255),
  path: z.string().min(1).max(4096),
});

/** The import operation's input: the options, and the uploaded files (one or more). */
export const ImportUpload = ImportOptions.extend({
  files: z.array(UploadedFile).min(1, 'upload at least one file').max(20),
});

export const ImportIssue = z.object({
  file: z.string(),
  /** Spreadsheet row number: the header is row 1. */
  row: z.number().int(),
  column: z.string().nullable(),
  reason: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

const ImportColumn = z.object({ column: z.string(), property: z.string().nullable() });

export const ImportFileReport = z.object({
  file: z.string(),
  layout: ImportLayout,
  /** The label or relationship type of a single-kind file; null for mixed files. */
  target: z.string().nullable(),
  columns: z.array(ImportColumn),
  rows: z.number().int(),
});
export type ImportFileReport = z.infer<typeof ImportFileReport>;

const Changes = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});

export const ImportResult = z.object({
  dry_run: z.boolean(),
  /** True when the rows were written (no bad row, not a dry run, not cancelled). */
  committed: z.boolean(),
  files: z.array(ImportFileReport),
  rows: z.number().int(),
  nodes: Changes,
  relationships: Changes,
  /** Every bad row, up to the first 1,000; `errors_total` counts them all. */
  errors: z.array(ImportIssue),
  errors_total: z.number().int(),
  seconds: z.number(),
  /** The bookmark of the rows written (null when nothing was committed). */
  bookmark: BookmarkToken.nullable(),
  /** The parameterised statements the import runs (or, in a dry run, would run). */
  statements: z.array(WriteStatement),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ImportProgress = z.object({
  /** `read`: rows are read, checked and written (uncommitted); then one of the others. */
  phase: z.enum(['read', 'commit', 'rollback', 'done']),
  file: z.string().nullable(),
  /** Data rows read so far, over all files. */
  rows: z.number().int(),
  /** Data rows of all files, counted before the import writes; null when an XLSX file is among them. */
  rows_total: z.number().int().nullable(),
  /** Bytes of the files read so far and in all: the share done, for any kind of file. */
  bytes: z.number().int(),
  bytes_total: z.number().int(),
  elapsed_ms: z.number(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

export const ImportPreview = z.object({
  file: z.string(),
  layout: ImportLayout,
  target: z.string().nullable(),
  columns: z.array(ImportColumn),
  /** The first rows as read, cell by cell in column order. */
  rows: z.array(z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

/**
 * An import running in the background (`POST /api/v1/import/jobs`): its progress while it runs,
 * then its report (also for a refused import: the bad rows) or its error. Cancelling rolls the
 * transaction back, so a cancelled or failed job wrote nothing.
 */
export const ImportJob = z.object({
  id: z.string(),
  status: z.enum(JOB_STATUSES),
  dry_run: z.boolean(),
  files: z.array(z.string()),
  progress: ImportProgress,
  result: ImportResult.nullable(),
  error: z
    .object({ code: z.string(), message: z.string(), details: z.array(ErrorDetail).optional() })
    .nullable(),
  started_at: z.string(),
  finished_at: z.string().nullable(),
  /** The bookmark of the rows written once the job committed; else null. */
  bookmark: BookmarkToken.nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;
