/** What a call given up by its caller says: the signal's reason when it is a message. */
export function cancelMessage(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  if (typeof reason === 'string') return reason;
  if (reason instanceof DOMException && reason.name === 'TimeoutError')
    return 'The server did not answer in time';
  return 'The request was cancelled';
}
