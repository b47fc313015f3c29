/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests and
 * responses, and from the server's configuration (regions, generator bounds, whether a token is
 * required): one path per contract operation, plus the event stream and the metrics endpoint.
 * Every status a route can answer with is listed, and links tie each created or listed
 * resource to the operations that take its id.
 */
import {
  OpenAPIRegistry,
  OpenApiGeneratorV31,
  type ResponseConfig,
  type RouteConfig,
} from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  contract,
  hasJsonBody,
  isViewOperation,
  OPERATION_NAMES,
  streams,
  type HttpMethod,
  type OperationName,
} from '../../shared/contract';
import {
  COMPACT_MEDIA_TYPE,
  CompactGraph,
  CompactLine,
  NDJSON_MEDIA_TYPE,
  VIEW_FORMATS,
  VIEW_NODE_PROPERTIES,
  VIEW_RELATIONSHIP_PROPERTIES,
} from '../../shared/compact-graph';
import { ErrorBody, type ErrorCode } from '../../shared/errors';
import { BookmarkToken } from '../../shared/api';
import { BOOKMARK_HEADER, BOOKMARK_PARAM, pathParamNames } from '../../shared/http';
import { STATUS_BY_CODE } from './errors';
import { FORMAT_PARAM } from './view';
import { LINKS } from './openapi-links';
import {
  anyOfNullableRefs,
  describeSchemas,
  objectDefaultsInWords,
  schemaRef,
  withoutNullParameters,
  type OpenApiConfig,
} from './openapi-schemas';

export const METRICS_PATH = '/metrics';

/** Express `:name` segments to OpenAPI `{name}`. */
export const toOpenApiPath = (path: string): string => path.replace(/:([A-Za-z_]\w*)/g, '{$1}');

const REQUEST_ID_HEADER = {
  'X-Request-Id': {
    description: 'Identifies the request in the server log (a sane incoming one is kept)',
    required: true,
    schema: { type: 'string' },
  },
} as const;

const RETRY_AFTER_HEADER = {
  'Retry-After': {
    description: 'Seconds to wait before trying again',
    required: true,
    schema: { type: 'integer' },
  },
} as const;

const BOOKMARK_RESPONSE_HEADER = {
  [BOOKMARK_HEADER]: {
    description:
      'The bookmark of what the request wrote (as in the body); send it with later reads, to ' +
      'any instance, to see those writes',
    required: false,
    schema: { type: 'string' },
  },
} as const;

const carriedBookmark = (where: string) =>
  BookmarkToken.optional().meta({
    description:
      `A bookmark an earlier write returned (${where}): the request waits until the database ` +
      'has that state, and is never answered from a cache entry older than it',
  });

const withHeaders = (response: ResponseConfig, headers: ResponseConfig['headers']) => ({
  ...response,
  headers: { ...REQUEST_ID_HEADER, ...headers },
});

const json = (schema: z.ZodType, description: string): ResponseConfig =>
  withHeaders({ description, content: { 'application/json': { schema } } }, {});

/** What each status means when it is answered; one response per status, naming every code. */
function errorResponses(codes: readonly ErrorCode[]): NonNullable<RouteConfig['responses']> {
  const responses: NonNullable<RouteConfig['responses']> = {};
  for (const status of new Set(codes.map((code) => STATUS_BY_CODE[code]))) {
    const named = codes.filter((code) => STATUS_BY_CODE[code] === status);
    const response = json(ErrorBody, `Error (${named.join(', ')})`);
    responses[String(status)] =
      status === 503 ? withHeaders(response, RETRY_AFTER_HEADER) : response;
  }
  return responses;
}

/**
 * Errors any operation may answer with, beyond its own: a malformed request (even an unexpected
 * body on a GET is parsed), a missing token or a refused browser origin, the database (down,
 * refusing the credentials, or not finishing a read within QUERY_TIMEOUT_MS).
 */
const COMMON_ERRORS = [
  'VALIDATION_ERROR',
  'UNAUTHORIZED',
  'INTERNAL',
  'DATABASE_UNAVAILABLE',
  'DATABASE_AUTH_FAILED',
  'QUERY_TIMEOUT',
] as const satisfies readonly ErrorCode[];

function objectShape(schema: z.ZodType): Record<string, z.ZodType> {
  return schema instanceof z.ZodObject ? schema.shape : {};
}

function pick(shape: Record<string, z.ZodType>, keys: string[], keep: boolean): z.ZodObject {
  return z.object(
    Object.fromEntries(Object.entries(shape).filter(([key]) => keys.includes(key) === keep)),
  );
}

/** An upload's form: its `files` as `file` parts, `mapping` as JSON text, the rest as fields. */
function uploadForm(shape: Record<string, z.ZodType>): z.ZodObject {
  const fields = pick(shape, ['files', 'mapping'], false).shape;
  return z.object({
    file: z
      .array(z.string().meta({ format: 'binary' }))
      .min(1)
      .meta({ description: 'The files: .csv (UTF-8) or .xlsx, each at most IMPORT_MAX_BYTES' }),
    ...fields,
    mapping: z.string().optional().meta({
      description: 'Column mapping as JSON text: {"column": "property" | null}',
    }),
  });
}

const OPENAPI_METHOD = {
  GET: 'get',
  POST: 'post',
  PATCH: 'patch',
  DELETE: 'delete',
} as const satisfies Record<HttpMethod, RouteConfig['method']>;

function routeFor(name: OperationName): RouteConfig {
  const { input, output, http, summary, tag, errors: documented } = contract[name];
  const params = pathParamNames(http.path);
  const shape = objectShape(input);
  const request: RouteConfig['request'] = {};
  if (params.length) request.params = pick(shape, params, true);
  const errors = [...new Set<ErrorCode>([...COMMON_ERRORS, ...documented])];
  if ('upload' in contract[name]) {
    request.body = {
      required: true,
      content: { 'multipart/form-data': { schema: uploadForm(shape) } },
    };
  } else if (hasJsonBody(http.method)) {
    const body = params.length ? pick(shape, params, false) : input;
    // No body means "no fields" (shared/http): a body is required only if no fields is refused.
    const required = !body.safeParse({}).success;
    request.body = { required, content: { 'application/json': { schema: body } } };
  } else if (Object.keys(shape).length > params.length) {
    request.query = pick(shape, params, false);
  }
  const responses: NonNullable<RouteConfig['responses']> = {
    '200': json(output, summary),
    ...errorResponses(errors),
  };
  if (contract[name].async) {
    request.query = z.object({
      // A boolean as query strings carry them (generation.ts also reads 1/0 and yes/no).
      async: z.boolean().optional().meta({
        description: 'true: answer 202 at once with the running job (progress via its events)',
      }),
    });
    const location = {
      Location: {
        description: "The job's URL",
        required: true,
        schema: { type: 'string' },
      },
    } as const;
    responses['200'] = withHeaders(
      json(output, 'The finished job (the request waits for the run)'),
      location,
    );
    responses['202'] = withHeaders(json(output, 'The running job, at its URL'), location);
  }
  if ('accepted' in contract[name]) {
    delete responses['200'];
    responses['202'] = withHeaders(json(output, 'The running job, at its URL'), {
      Location: { description: "The job's URL", required: true, schema: { type: 'string' } },
    });
  }
  if (isViewOperation(name)) {
    const query = request.query instanceof z.ZodObject ? request.query.shape : {};
    request.query = z.object({
      ...query,
      [FORMAT_PARAM]: z
        .enum(VIEW_FORMATS)
        .optional()
        .meta({
          description:
            '`json` (default): the full response. `compact`: the compact view format, one JSON ' +
            `document (${COMPACT_MEDIA_TYPE}) with only what drawing needs (label, id, name, ` +
            `region, the properties ${VIEW_NODE_PROPERTIES.join(', ')} of nodes and ` +
            `${VIEW_RELATIONSHIP_PROPERTIES.join(', ')} of relationships) in columns with string ` +
            `tables. \`ndjson\`: the same streamed as ${NDJSON_MEDIA_TYPE}, one JSON value a line: a ` +
            'header (totals, truncated, limit, mode, counts, string tables), node chunks, ' +
            'relationship chunks, then an end line with the counts',
        }),
    });
    const full = responses['200'];
    if (full && !('$ref' in full))
      full.content = {
        ...full.content,
        [COMPACT_MEDIA_TYPE]: { schema: CompactGraph },
        // Each line, as OpenAPI 3.1 describes a stream (3.2 would name it itemSchema).
        [NDJSON_MEDIA_TYPE]: { schema: CompactLine },
      };
  }
  const role = contract[name].bookmark;
  if (role) {
    request.headers = z.object({
      [BOOKMARK_HEADER]: carriedBookmark('or use the query parameter'),
    });
    const query = request.query instanceof z.ZodObject ? request.query.shape : {};
    request.query = z.object({
      ...query,
      [BOOKMARK_PARAM]: carriedBookmark(`or use the ${BOOKMARK_HEADER} header`),
    });
  }
  if (role === 'returns')
    for (const status of ['200', '202']) {
      const response = responses[status];
      if (response && !('$ref' in response))
        response.headers = { ...response.headers, ...BOOKMARK_RESPONSE_HEADER };
    }
  if (name === 'health')
    responses['503'] = withHeaders(json(output, 'The database is unreachable'), RETRY_AFTER_HEADER);
  for (const [status, links] of Object.entries(LINKS[name] ?? {})) {
    const response = responses[status];
    if (response && !('$ref' in response)) response.links = links;
  }
  return {
    method: OPENAPI_METHOD[http.method],
    path: toOpenApiPath(http.path),
    operationId: name,
    summary,
    tags: [tag],
    request,
    responses,
  };
}

function eventsRoute(): RouteConfig {
  const stream = streams.generationEvents;
  return {
    method: 'get',
    path: toOpenApiPath(stream.path),
    operationId: 'generationEvents',
    summary: stream.summary,
    description:
      `A \`text/event-stream\`: first \`retry: 3000\`, then one \`${stream.event}\` event at once ` +
      'and one on every progress update (at most 10 a second), whose `data` is the GenerationJob ' +
      'as JSON; the stream ends after the event of a job that is no longer running. Comment ' +
      'lines (`: keep-alive`) come every 15 s.',
    tags: [stream.tag],
    request: {
      params: stream.input,
      query: z.object({
        access_token: z.string().optional().meta({
          description: 'The API token, for clients (such as EventSource) that cannot send headers',
        }),
      }),
    },
    responses: {
      '200': withHeaders(
        {
          description: `A stream of \`${stream.event}\` events`,
          // Each event, as OpenAPI 3.1 describes a stream (3.2 would name it itemSchema).
          content: { 'text/event-stream': { schema: schemaRef('GenerationEvent') } },
        },
        {},
      ),
      ...errorResponses(['VALIDATION_ERROR', 'UNAUTHORIZED', 'INTERNAL', ...stream.errors]),
    },
  };
}

function metricsRoute(): RouteConfig {
  return {
    method: 'get',
    path: METRICS_PATH,
    operationId: 'metrics',
    summary: 'Prometheus metrics',
    tags: ['Utilities'],
    responses: {
      '200': withHeaders(
        {
          description: 'Prometheus text format',
          content: { 'text/plain': { schema: z.string() } },
        },
        {},
      ),
      ...errorResponses(['VALIDATION_ERROR', 'UNAUTHORIZED', 'INTERNAL']),
    },
  };
}

export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

export function createOpenApiDocument(options: {
  config: OpenApiConfig;
  serverUrl?: string;
  version: string;
}): OpenApiDocument {
  const { config } = options;
  const registry = new OpenAPIRegistry();
  if (config.API_TOKEN)
    registry.registerComponent('securitySchemes', 'bearerToken', {
      type: 'http',
      scheme: 'bearer',
      description: 'The API_TOKEN the server is configured with',
    });
  for (const name of OPERATION_NAMES) registry.registerPath(routeFor(name));
  registry.registerPath(eventsRoute());
  registry.registerPath(metricsRoute());
  const components = describeSchemas(config).map((schema) => ({ type: 'schema' as const, schema }));
  const definitions = [...components, ...registry.definitions];
  const document = new OpenApiGeneratorV31(definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Smart Network API',
      version: options.version,
      description:
        'The sales-coverage graph: regions, filters, statistics, sample-data generation and ' +
        'custom Cypher. Errors share one shape: `{ "error": { "code", "message", "details", "request_id" } }`. ' +
        'A method a path does not support is answered with 405 and an `Allow` header.',
    },
    servers: options.serverUrl ? [{ url: options.serverUrl }] : [],
    ...(config.API_TOKEN ? { security: [{ bearerToken: [] }] } : {}),
  });
  anyOfNullableRefs(document);
  withoutNullParameters(document);
  objectDefaultsInWords(document);
  return document;
}
