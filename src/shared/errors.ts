/**
 * One error model for every edge (REST, IPC, CLI): a stable code, a human message and optional
 * details naming the field or bound at fault.
 */
import { z } from 'zod';

export const ERROR_CODES = [
  'VALIDATION_ERROR',
  'BOUND_EXCEEDED',
  'UNAUTHORIZED',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNPROCESSABLE',
  'WRITE_NOT_ALLOWED',
  'CONFIRMATION_REQUIRED',
  'QUERY_TIMEOUT',
  'CANCELLED',
  'DATABASE_UNAVAILABLE',
  'DATABASE_AUTH_FAILED',
  'INTERNAL',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorDetail = z.object({
  field: z.string().optional(),
  message: z.string(),
  bound: z.number().optional(),
});
export type ErrorDetail = z.infer<typeof ErrorDetail>;

/**
 * What a CONFLICT of an edit answers with: the record as it is now in the database (its version
 * and properties), so that a client can show it and reload.
 */
export const ErrorCurrent = z.object({
  version: z.number().int(),
  properties: z.record(z.string(), z.unknown()),
});
export type ErrorCurrent = z.infer<typeof ErrorCurrent>;

export const ErrorBody = z.object({
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    details: z.array(ErrorDetail).optional(),
    current: ErrorCurrent.optional(),
    request_id: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** A failure a user can act on. Anything else is reported as INTERNAL without its text. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    /** The record as it is now, for a CONFLICT of an edit. */
    readonly current?: ErrorCurrent,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

const dotted = (path: readonly PropertyKey[]): string | undefined =>
  path.length ? path.map(String).join('.') : undefined;

/** Turns zod issues into error details that name the field (dotted path). */
export function detailsFromZod(error: z.ZodError): ErrorDetail[] {
  return error.issues.flatMap((issue) =>
    // An unknown key is named as the field at fault, one detail per key.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: dotted([...issue.path, key]), message: 'unknown field' }))
      : [{ field: dotted(issue.path), message: issue.message }],
  );
}

export function validationError(error: z.ZodError, what = 'Request'): AppError {
  const details = detailsFromZod(error);
  const first = details[0];
  const where = first?.field
    ? ` (${first.field}: ${first.message})`
    : first
      ? ` (${first.message})`
      : '';
  return new AppError('VALIDATION_ERROR', `${what} is invalid${where}`, details);
}
