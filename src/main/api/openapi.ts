/**
 * The OpenAPI 3.1 document, generated from the same zod schemas that validate requests and
 * responses: one path per contract operation, plus the event stream and the metrics endpoint.
 */
import {
  OpenAPIRegistry,
  OpenApiGeneratorV31,
  type ResponseConfig,
  type RouteConfig,
  zodToOpenAPIRegistry,
} from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import * as api from '../../shared/api';
import { contract, OPERATION_NAMES, streams, type OperationName } from '../../shared/contract';
import { ErrorBody } from '../../shared/errors';
import { pathParamNames } from '../../shared/http';
import { STATUS_BY_CODE } from './errors';

export const METRICS_PATH = '/metrics';

/** Express `:name` segments to OpenAPI `{name}`. */
export const toOpenApiPath = (path: string): string => path.replace(/:([A-Za-z_]\w*)/g, '{$1}');

const NAMED_SCHEMAS = [
  'JsonValue',
  'GraphNode',
  'GraphRelationship',
  'GraphResponse',
  'FilterRequest',
  'NodeDetails',
  'NeighboursResponse',
  'SearchResponse',
  'StatsResponse',
  'FilterOptions',
  'QueryRequest',
  'QueryResponse',
  'GenerateRequest',
  'GenerationProgress',
  'GenerationResult',
  'GenerationJob',
  'ClearResult',
  'HealthResponse',
  'ServerSettings',
] as const satisfies readonly (keyof typeof api)[];

const json = (schema: z.ZodType, description: string): ResponseConfig => ({
  description,
  content: { 'application/json': { schema } },
});

const errorResponses = (
  codes: readonly (keyof typeof STATUS_BY_CODE)[],
): RouteConfig['responses'] =>
  Object.fromEntries(
    codes.map((code) => [
      String(STATUS_BY_CODE[code]),
      json(
        ErrorBody,
        `Error (${codes.filter((c) => STATUS_BY_CODE[c] === STATUS_BY_CODE[code]).join(', ')})`,
      ),
    ]),
  );

/** Errors any operation may answer with, beyond its own. */
const COMMON_ERRORS = [
  'VALIDATION_ERROR',
  'UNAUTHORIZED',
  'INTERNAL',
  'DATABASE_UNAVAILABLE',
] as const;

function objectShape(schema: z.ZodType): Record<string, z.ZodType> {
  return schema instanceof z.ZodObject ? schema.shape : {};
}

function pick(shape: Record<string, z.ZodType>, keys: string[], keep: boolean): z.ZodObject {
  return z.object(
    Object.fromEntries(Object.entries(shape).filter(([key]) => keys.includes(key) === keep)),
  );
}

function routeFor(name: OperationName): RouteConfig {
  const { input, output, http, summary, tag, errors } = contract[name];
  const params = pathParamNames(http.path);
  const shape = objectShape(input);
  const request: RouteConfig['request'] = {};
  if (params.length) request.params = pick(shape, params, true);
  if (http.method === 'POST') {
    const body = params.length ? pick(shape, params, false) : input;
    request.body = { required: false, content: { 'application/json': { schema: body } } };
  } else if (Object.keys(shape).length > params.length) {
    request.query = pick(shape, params, false);
  }
  const responses: RouteConfig['responses'] = {
    '200': json(output, summary),
    ...errorResponses([...COMMON_ERRORS, ...errors]),
  };
  if (contract[name].async) {
    request.query = z.object({
      async: z.enum(['true', 'false']).optional().meta({
        description: 'true: answer 202 at once with the running job (progress via its events)',
      }),
    });
    responses['200'] = json(output, 'The finished job (the request waits for the run)');
    responses['202'] = json(output, 'The running job; its URL is in the Location header');
  }
  if (name === 'health') responses['503'] = json(output, 'The database is unreachable');
  return {
    method: http.method === 'GET' ? 'get' : http.method === 'POST' ? 'post' : 'delete',
    path: toOpenApiPath(http.path),
    operationId: name,
    summary,
    tags: [tag],
    request,
    responses,
  };
}

export function createOpenApiDocument(options: { serverUrl?: string; version: string }) {
  const registry = new OpenAPIRegistry();
  // Named in place (not copied), so that every route using these schemas refers to one component.
  for (const schemaName of NAMED_SCHEMAS)
    zodToOpenAPIRegistry.add(api[schemaName], { _internal: { refId: schemaName } });
  zodToOpenAPIRegistry.add(ErrorBody, { _internal: { refId: 'ErrorBody' } });
  registry.registerComponent('securitySchemes', 'bearerToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'Required when the server is configured with API_TOKEN',
  });
  for (const name of OPERATION_NAMES) registry.registerPath(routeFor(name));
  registry.registerPath({
    method: 'get',
    path: toOpenApiPath(streams.generationEvents.path),
    operationId: 'generationEvents',
    summary: streams.generationEvents.summary,
    tags: [streams.generationEvents.tag],
    request: {
      params: z.object({ id: z.string() }),
      query: z.object({
        access_token: z.string().optional().meta({
          description: 'The API token, for clients (such as EventSource) that cannot send headers',
        }),
      }),
    },
    responses: {
      '200': {
        description: 'A text/event-stream of `job` events',
        content: { 'text/event-stream': { schema: z.string() } },
      },
      ...errorResponses([...streams.generationEvents.errors, 'UNAUTHORIZED']),
    },
  });
  registry.registerPath({
    method: 'get',
    path: METRICS_PATH,
    operationId: 'metrics',
    summary: 'Prometheus metrics',
    tags: ['Utilities'],
    responses: {
      '200': {
        description: 'Prometheus text format',
        content: { 'text/plain': { schema: z.string() } },
      },
      ...errorResponses(['UNAUTHORIZED']),
    },
  });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Smart Network API',
      version: options.version,
      description:
        'The sales-coverage graph: regions, filters, statistics, sample-data generation and ' +
        'custom Cypher. Errors share one shape: `{ "error": { "code", "message", "details", "request_id" } }`.',
    },
    servers: options.serverUrl ? [{ url: options.serverUrl }] : [],
    security: [{ bearerToken: [] }],
  });
}
