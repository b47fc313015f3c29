/**
 * Turns anything a handler throws into the IPC error envelope: an `AppError` keeps its code,
 * message and details; anything else is INTERNAL with a generic message (never a stack trace or
 * driver text), and is logged in full on the main side.
 */
import { z } from 'zod';
import { isAppError, validationError } from '../../shared/errors';
import type { IpcError, IpcResult } from '../../shared/ipc';

function toIpcError(error: unknown): IpcError {
  const known = error instanceof z.ZodError ? validationError(error) : error;
  if (isAppError(known))
    return {
      code: known.code,
      message: known.message,
      ...(known.details && { details: known.details }),
      ...(known.current && { current: known.current }),
    };
  return { code: 'INTERNAL', message: 'Something went wrong in the app; see its log for details.' };
}

export const failure = (error: unknown): IpcResult<never> => ({
  ok: false,
  error: toIpcError(error),
});
