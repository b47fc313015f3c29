/**
 * The client contract over the REST API: used by the UI when it is served by the headless server
 * (and by any other tool). Every response is parsed with the operation's output schema; an error
 * response becomes a thrown `ApiRequestError` carrying the server's code, message and details.
 */
import type { z } from 'zod';
import type { GenerationJob, GraphResponse } from '@shared/api';
import {
  NDJSON_MEDIA_TYPE,
  createCompactStreamDecoder,
  lineSplitter,
  type CompactChunk,
} from '@shared/compact-graph';
import {
  contract,
  CLIENT_OPERATION_NAMES,
  type CallOptions,
  streams,
  type Client,
  type OperationInput,
  type OperationName,
  type OperationOutput,
  type ViewOptions,
  type ViewRequest,
} from '@shared/contract';
import {
  AppError,
  ErrorBody,
  type ErrorCode,
  type ErrorCurrent,
  type ErrorDetail,
} from '@shared/errors';
import { BOOKMARK_HEADER, buildRequest } from '@shared/http';
import { createBookmarkHolder } from './bookmark';
import { cancelMessage } from './cancel';
import { ImportJob, type ImportOptions } from '@shared/import';

/** An import upload, started as a job: read and cancel it with getImportJob and cancelImport. */
export type StartImportUpload = (
  files: readonly File[],
  options: ImportOptions,
) => Promise<ImportJob>;

type Uploads = { startImportUpload: StartImportUpload };

/** A failed API call: the server's error code and message, plus the HTTP status and request id. */
export class ApiRequestError extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    details: ErrorDetail[] | undefined,
    readonly status: number,
    readonly requestId?: string,
    current?: ErrorCurrent,
  ) {
    super(code, message, details, current);
    this.name = 'ApiRequestError';
  }
}

type EventSourceLike = {
  addEventListener(type: string, listener: (event: { data: string }) => void): void;
  close(): void;
};
export type EventSourceFactory = (url: string) => EventSourceLike;

export type HttpClientOptions = {
  /** Origin (and optional prefix) of the server; '' means the page's own origin. */
  baseUrl?: string;
  /** Bearer token, when the server requires one. */
  token?: string;
  fetch?: typeof fetch;
  /** Opens the progress stream; defaults to the browser's EventSource. */
  eventSource?: EventSourceFactory;
};

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function errorFrom(response: Response, body: unknown): ApiRequestError {
  const parsed = ErrorBody.safeParse(body);
  if (parsed.success) {
    const { code, message, details, request_id, current } = parsed.data.error;
    return new ApiRequestError(code, message, details, response.status, request_id, current);
  }
  const requestId = response.headers.get('x-request-id') ?? undefined;
  const code: ErrorCode = response.status === 503 ? 'DATABASE_UNAVAILABLE' : 'INTERNAL';
  return new ApiRequestError(
    code,
    `The server answered ${response.status} ${response.statusText}`.trim(),
    undefined,
    response.status,
    requestId,
  );
}

const cancelled = (signal: AbortSignal): ApiRequestError =>
  new ApiRequestError('CANCELLED', cancelMessage(signal), undefined, 0);

export function createHttpClient(options: HttpClientOptions = {}): Client & Uploads {
  const baseUrl = (options.baseUrl ?? '').replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const bookmark = createBookmarkHolder();

  /** Sends one operation's request; a network failure or a cancel becomes an ApiRequestError. */
  async function send<N extends OperationName>(
    name: N,
    input: OperationInput<N>,
    extraQuery: Record<string, string>,
    signal: AbortSignal | undefined,
    accept?: string,
  ): Promise<Response> {
    const request = buildRequest(name, input, extraQuery);
    const carried = contract[name].bookmark ? bookmark.current() : null;
    try {
      return await doFetch(`${baseUrl}${request.url}`, {
        method: request.method,
        headers: {
          ...headers,
          ...(accept ? { accept } : {}),
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(carried ? { [BOOKMARK_HEADER]: carried } : {}),
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal,
      });
    } catch {
      if (signal?.aborted) throw cancelled(signal);
      throw new ApiRequestError(
        'INTERNAL',
        `The server at ${baseUrl || 'this page'} is unreachable`,
        undefined,
        0,
      );
    }
  }

  async function call<N extends OperationName>(
    name: N,
    input: OperationInput<N>,
    extraQuery: Record<string, string>,
    { signal }: CallOptions = {},
  ): Promise<OperationOutput<N>> {
    const response = await send(name, input, extraQuery, signal);
    const body = await readJson(response).catch((error: unknown) => {
      if (signal?.aborted) throw cancelled(signal);
      throw error;
    });
    if (!response.ok) throw errorFrom(response, body);
    const schema: z.ZodType = contract[name].output;
    const parsed = schema.safeParse(body);
    if (!parsed.success)
      throw new ApiRequestError(
        'INTERNAL',
        `The server sent an unexpected response to ${name}`,
        parsed.error.issues.map((issue) => ({
          field: issue.path.map(String).join('.') || undefined,
          message: issue.message,
        })),
        response.status,
        response.headers.get('x-request-id') ?? undefined,
      );
    if (contract[name].bookmark === 'returns') bookmark.remember(parsed.data);
    // TypeScript cannot correlate a generic key with its table entry; the table guarantees it.
    return parsed.data as OperationOutput<N>;
  }

  /** A view operation's graph as the NDJSON stream of the compact format, read as it arrives. */
  async function viewGraph(
    request: ViewRequest,
    { signal, onChunk }: ViewOptions = {},
  ): Promise<GraphResponse> {
    const { operation, input } = request;
    const query = { format: 'ndjson' };
    const response = await send(operation, input, query, signal, NDJSON_MEDIA_TYPE);
    if (!response.ok || !response.body) throw errorFrom(response, await readJson(response));
    const unexpected = (error: unknown): ApiRequestError =>
      new ApiRequestError(
        'INTERNAL',
        `The server sent an unexpected response to ${operation}`,
        [{ message: error instanceof Error ? error.message : String(error) }],
        response.status,
        response.headers.get('x-request-id') ?? undefined,
      );
    const decoder = createCompactStreamDecoder();
    const lines = lineSplitter((line) => {
      let chunk: CompactChunk | null;
      try {
        chunk = decoder.push(line);
      } catch (error) {
        throw unexpected(error);
      }
      if (chunk) onChunk?.(chunk);
    });
    const reader: ReadableStreamDefaultReader<Uint8Array> = response.body.getReader();
    const text = new TextDecoder();
    for (;;) {
      let piece: Awaited<ReturnType<typeof reader.read>>;
      try {
        piece = await reader.read();
      } catch {
        if (signal?.aborted) throw cancelled(signal);
        throw new ApiRequestError(
          'INTERNAL',
          `The answer to ${operation} was cut off`,
          undefined,
          0,
        );
      }
      if (piece.done) break;
      lines.write(text.decode(piece.value, { stream: true }));
    }
    lines.write(text.decode());
    lines.flush();
    try {
      return decoder.result();
    } catch (error) {
      throw unexpected(error);
    }
  }

  const openEvents: EventSourceFactory =
    options.eventSource ?? ((url: string) => new EventSource(url));

  function onGenerationProgress(jobId: string, listener: (job: GenerationJob) => void): () => void {
    const { path: route, event, output } = streams.generationEvents;
    const path = route.replace(':id', encodeURIComponent(jobId));
    // EventSource cannot send headers: the token travels as a query parameter on this stream.
    const query = options.token ? `?access_token=${encodeURIComponent(options.token)}` : '';
    const source = openEvents(`${baseUrl}${path}${query}`);
    let closed = false;
    const close = (): void => {
      closed = true;
      source.close();
    };
    source.addEventListener(event, (message) => {
      if (closed) return;
      const parsed = output.safeParse(JSON.parse(message.data));
      if (!parsed.success) return;
      // A finished job ends the stream; closing stops the browser from reconnecting.
      if (parsed.data.status !== 'running') {
        close();
        bookmark.remember(parsed.data);
      }
      listener(parsed.data);
    });
    return close;
  }

  /** The import upload: the files as `file` parts of a form, the options as its fields. */
  const startImportUpload: StartImportUpload = async (files, options) => {
    const form = new FormData();
    for (const file of files) form.append('file', file, file.name);
    if (options.label) form.append('label', options.label);
    if (options.type) form.append('type', options.type);
    if (options.mapping) form.append('mapping', JSON.stringify(options.mapping));
    if (options.dry_run) form.append('dry_run', 'true');
    if (options.confirm) form.append('confirm', 'true');
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${contract.startImport.http.path}`, {
        method: 'POST',
        headers,
        body: form,
      });
    } catch {
      throw new ApiRequestError(
        'INTERNAL',
        `The server at ${baseUrl || 'this page'} is unreachable`,
        undefined,
        0,
      );
    }
    const body = await readJson(response);
    if (!response.ok) throw errorFrom(response, body);
    const parsed = ImportJob.safeParse(body);
    if (!parsed.success)
      throw new ApiRequestError(
        'INTERNAL',
        'The server sent an unexpected import job',
        undefined,
        response.status,
      );
    return parsed.data;
  };

  const operations = Object.fromEntries(
    CLIENT_OPERATION_NAMES.map((name) => {
      // An async operation answers at once (202); its progress follows on its event stream.
      const extraQuery: Record<string, string> = contract[name].async ? { async: 'true' } : {};
      return [
        name,
        (input: OperationInput<typeof name>, options?: CallOptions) =>
          call(name, input, extraQuery, options),
      ];
    }),
  );
  // Each entry calls its own operation; the table of names guarantees the keys.
  return { ...operations, onGenerationProgress, viewGraph, startImportUpload } as Client & Uploads;
}
