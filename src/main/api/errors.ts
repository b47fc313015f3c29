/**
 * The one error shape of the API and the status each error code travels with. Database failures
 * reach this point already typed (db/errors, applied to every operation); anything that is not
 * an `AppError` or a body-parsing failure is reported as INTERNAL, without its text.
 */
import { AppError, type ErrorBody, type ErrorCode } from '../../shared/errors';

export const STATUS_BY_CODE = {
  VALIDATION_ERROR: 400,
  UNAUTHORIZED: 401,
  // Policy refusals: the server is configured not to allow the write.
  WRITE_NOT_ALLOWED: 403,
  // The connection's protection level asks for an explicit confirm flag on every write.
  CONFIRMATION_REQUIRED: 428,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  CANCELLED: 409,
  PAYLOAD_TOO_LARGE: 413,
  BOUND_EXCEEDED: 422,
  UNPROCESSABLE: 422,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
  DATABASE_AUTH_FAILED: 503,
  QUERY_TIMEOUT: 504,
} as const satisfies Record<ErrorCode, number>;

/** Seconds a client should wait before retrying when the database is unavailable. */
export const RETRY_AFTER_SECONDS = 5;

/** Errors raised by body parsing (express.json) carry a `type` and a `status`. */
type BodyParserError = { type: string; status: number };
const isBodyParserError = (error: unknown): error is BodyParserError =>
  typeof error === 'object' &&
  error !== null &&
  typeof (error as { type?: unknown }).type === 'string' &&
  typeof (error as { status?: unknown }).status === 'number';

/** Names what went wrong in terms a client can act on. */
export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (isBodyParserError(error)) {
    if (error.type === 'entity.too.large')
      return new AppError(
        'PAYLOAD_TOO_LARGE',
        'The request body is larger than the server accepts.',
      );
    if (error.type === 'entity.parse.failed')
      return new AppError('VALIDATION_ERROR', 'The request body is not valid JSON.', [
        { field: 'body', message: 'malformed JSON' },
      ]);
    if (error.status >= 400 && error.status < 500)
      return new AppError('VALIDATION_ERROR', 'The request body could not be read.', [
        { field: 'body', message: error.type },
      ]);
  }
  return undefined;
}

export type ErrorResponse = { status: number; body: ErrorBody; headers: Record<string, string> };

export function errorResponse(error: AppError | undefined, requestId: string): ErrorResponse {
  const app = error ?? new AppError('INTERNAL', 'An unexpected error occurred.');
  const status = STATUS_BY_CODE[app.code];
  const headers: Record<string, string> =
    status === 503 ? { 'Retry-After': String(RETRY_AFTER_SECONDS) } : {};
  const body: ErrorBody = {
    error: {
      code: app.code,
      message: app.message,
      ...(app.details?.length ? { details: app.details } : {}),
      ...(app.current ? { current: app.current } : {}),
      request_id: requestId,
    },
  };
  return { status, body, headers };
}
