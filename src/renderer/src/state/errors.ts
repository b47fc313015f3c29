/** Turns anything thrown by the client into a sentence an analyst can act on. */
import { isAppError } from '@shared/errors';

export function errorMessage(error: unknown): string {
  if (isAppError(error)) {
    const detail = error.details?.[0];
    const where = detail?.field ? ` (${detail.field}: ${detail.message})` : '';
    return `${error.message}${where}`;
  }
  if (error instanceof TypeError) return 'The server cannot be reached. Is it running?';
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong.';
}
