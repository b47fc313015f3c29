/** Reads a server-sent event stream to its end (or until `stop` says so). */
export type SseEvent = { event: string; id?: string; data: string };

export async function readEvents(
  url: string,
  init: RequestInit = {},
  stop: (event: SseEvent) => boolean = () => false,
): Promise<{ status: number; headers: Headers; events: SseEvent[] }> {
  const response = await fetch(url, init);
  const events: SseEvent[] = [];
  if (!response.body) return { status: response.status, headers: response.headers, events };
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const fields = Object.fromEntries(
        block
          .split('\n')
          .filter((line) => line && !line.startsWith(':'))
          .map((line) => [
            line.slice(0, line.indexOf(':')),
            line.slice(line.indexOf(':') + 1).trim(),
          ]),
      );
      if (fields.data === undefined) continue;
      const event: SseEvent = {
        event: fields.event ?? 'message',
        id: fields.id,
        data: fields.data,
      };
      events.push(event);
      if (stop(event)) {
        await reader.cancel();
        return { status: response.status, headers: response.headers, events };
      }
    }
  }
  return { status: response.status, headers: response.headers, events };
}
