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
