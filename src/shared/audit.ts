/**
 * The audit log's vocabulary: which writes are recorded, which clients make them, and the shape
 * of an entry on the wire. Entries never hold parameter values or tokens: only the
 * parameterised Cypher, a summary and counts.
 */
import { z } from 'zod';

const AUDIT_ACTIONS = [
  'import',
  'generate',
  'clear',
  'query',
  'create',
  'update',
  'delete',
  'bulk-update',
  'undo',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

/**
 * Who asked for a write: the REST API, the desktop window (IPC), the command line, the headless
 * server on its own (sample data at first start), or `internal` when a service is called with no
 * client around it.
 */
const AUDIT_CLIENTS = ['rest', 'ipc', 'cli', 'headless', 'internal'] as const;
export const AuditClient = z.enum(AUDIT_CLIENTS);
export type AuditClient = z.infer<typeof AuditClient>;

/** The label audit entries carry; every read of the data leaves it out. */
export const AUDIT_LABEL = 'AuditEntry';

/**
 * One statement a write will run: its parameterised Cypher and what its parameters are (names
 * and sizes, or plain selections such as regions — never values that might be secrets).
 */
export const WriteStatement = z.object({
  cypher: z.string(),
  parameters_summary: z.string(),
});
export type WriteStatement = z.infer<typeof WriteStatement>;

/** What a write would run, answered instead of running it (`preview: true`). */
export const WritePreview = z.object({ statements: z.array(WriteStatement) });
export type WritePreview = z.infer<typeof WritePreview>;

/** The statements as the audit log stores them: one text. */
export const statementsText = (statements: readonly WriteStatement[]): string =>
  statements.map((s) => s.cypher).join(';\n');

/** Which entries to list: newest first, by action and time range (ISO date-times, inclusive). */
export const AuditListInput = z.object({
  action: AuditAction.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type AuditListInput = z.infer<typeof AuditListInput>;

export const AuditEntry = z.object({
  id: z.string(),
  /** ISO date-time, UTC. */
  at: z.string(),
  client: AuditClient,
  action: AuditAction,
  summary: z.string(),
  counts: z.record(z.string(), z.number()),
  cypher: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({
  entries: z.array(AuditEntry),
  /** How many entries match the filters. */
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});
export type AuditPage = z.infer<typeof AuditPage>;

/** The export takes the list's filters; at most AUDIT_EXPORT_MAX rows, newest first. */
export const AUDIT_EXPORT_MAX = 100_000;
export const AuditExportInput = AuditListInput.omit({ offset: true, limit: true });
export const AuditExport = z.object({
  file_name: z.string(),
  /** RFC 4180 CSV with a header line; CRLF line ends. */
  csv: z.string(),
  rows: z.number().int(),
  truncated: z.boolean(),
});
export type AuditExport = z.infer<typeof AuditExport>;

/** The columns of the audit CSV. */
export const AUDIT_CSV_COLUMNS = ['at', 'client', 'action', 'summary', 'counts', 'cypher'] as const;
