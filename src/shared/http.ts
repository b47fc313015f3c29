/**
 * How each contract operation travels over HTTP. `:name` path segments come from the input;
 * GET and DELETE carry the rest in the query string (arrays as repeated keys, an empty one as
 * `key=`; the server also accepts comma-separated values); POST and PATCH carry it as a JSON body. The client builds requests
 * with `buildRequest`, the server turns them back into raw input with `decodeInput`, and both
 * then leave validation to the operation's zod input schema.
 */
import { z } from 'zod';
import {
  contract,
  hasJsonBody,
  type HttpMethod,
  type OperationInput,
  type OperationName,
} from './contract';
import { AppError } from './errors';

export type HttpRequest = {
  method: HttpMethod;
  /** Path and query string, e.g. `/api/v1/graph/region/NAI?limit=100`. */
  url: string;
  /** JSON body (POST and PATCH only). */
  body?: unknown;
};

type QueryScalar = string | number | boolean;

/** Read-your-writes over HTTP (see BookmarkToken): the header both ways, and the query parameter. */
export const BOOKMARK_HEADER = 'Neo4j-Bookmark';
export const BOOKMARK_PARAM = 'bookmark';

/** One token for a set of bookmarks (null for none), and back. */
export const bookmarkToken = (bookmarks: readonly string[]): string | null =>
  bookmarks.length ? [...new Set(bookmarks)].sort().join(',') : null;
export const bookmarksOf = (token: string | null | undefined): string[] =>
  token ? token.split(',').filter((bookmark) => bookmark !== '') : [];

export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] ?? '');
}

const isScalar = (value: unknown): value is QueryScalar =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

function appendQuery(query: URLSearchParams, key: string, value: unknown): void {
  if (value === undefined || value === null) return;
  // An empty list travels as `key=`: dropped, it would read as "no restriction" (or "all").
  if (Array.isArray(value) && value.length === 0) return query.append(key, '');
  const values: unknown[] = Array.isArray(value) ? value : [value];
  for (const item of values) {
    if (!isScalar(item))
      throw new AppError('VALIDATION_ERROR', `${key} cannot travel in a query string`, [
        { field: key, message: 'expected a string, number, boolean or a list of them' },
      ]);
    query.append(key, String(item));
  }
}

/** The HTTP request for one operation. `extraQuery` adds transport options (e.g. async=true). */
export function buildRequest<N extends OperationName>(
  name: N,
  input: OperationInput<N>,
  extraQuery: Record<string, QueryScalar> = {},
): HttpRequest {
  const { method, path } = contract[name].http;
  const rest: Record<string, unknown> = { ...input };
  const resolved = path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_, param: string) => {
    const value = rest[param];
    delete rest[param];
    if (!isScalar(value) || value === '')
      throw new AppError('VALIDATION_ERROR', `${param} is required`, [
        { field: param, message: 'required in the path' },
      ]);
    return encodeURIComponent(String(value));
  });
  const query = new URLSearchParams();
  if (!hasJsonBody(method))
    for (const [key, value] of Object.entries(rest)) appendQuery(query, key, value);
  for (const [key, value] of Object.entries(extraQuery)) appendQuery(query, key, value);
  const search = query.toString();
  const url = search ? `${resolved}?${search}` : resolved;
  return hasJsonBody(method) ? { method, url, body: rest } : { method, url };
}

// ---------------------------------------------------------------------------------------------
// Server side: query strings back to raw input
// ---------------------------------------------------------------------------------------------

type FieldKind = 'string' | 'number' | 'boolean' | 'array:string' | 'array:number';

function unwrap(schema: z.ZodType): z.ZodType {
  if (
    schema instanceof z.ZodOptional ||
    schema instanceof z.ZodDefault ||
    schema instanceof z.ZodNullable
  )
    return unwrap(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodPipe) return unwrap(schema.in as z.ZodType);
  return schema;
}

function scalarKind(schema: z.ZodType): 'string' | 'number' | 'boolean' {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodNumber) return 'number';
  if (inner instanceof z.ZodBoolean) return 'boolean';
  if (inner instanceof z.ZodLiteral) {
    const first: unknown = [...inner.values][0];
    if (typeof first === 'boolean') return 'boolean';
    if (typeof first === 'number') return 'number';
  }
  return 'string';
}

function fieldKind(schema: z.ZodType): FieldKind {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodArray)
    return scalarKind(inner.element as z.ZodType) === 'number' ? 'array:number' : 'array:string';
  return scalarKind(inner);
}

/** Schemas never change after they are built: their field kinds are worked out once each. */
const kindsBySchema = new WeakMap<z.ZodType, Readonly<Record<string, FieldKind>>>();

/** The kind of each top-level field of an object input schema (others are left as strings). */
export function queryFieldKinds(schema: z.ZodType): Readonly<Record<string, FieldKind>> {
  const known = kindsBySchema.get(schema);
  if (known) return known;
  const inner = unwrap(schema);
  const shape = inner instanceof z.ZodObject ? (inner.shape as Record<string, z.ZodType>) : {};
  const kinds = Object.fromEntries(
    Object.entries(shape).map(([key, field]) => [key, fieldKind(field)]),
  );
  kindsBySchema.set(schema, kinds);
  return kinds;
}

const toNumber = (value: string): number | string => {
  const trimmed = value.trim();
  const n = Number(trimmed);
  // Leave non-numbers as they are so that validation names the field and the value.
  return trimmed !== '' && Number.isFinite(n) ? n : value;
};

const toBoolean = (value: string): boolean | string => {
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === '1' || v === 'yes') return true;
  if (v === 'false' || v === '0' || v === 'no') return false;
  return value;
};

function decodeValue(kind: FieldKind | undefined, value: unknown): unknown {
  if (kind === 'array:string' || kind === 'array:number') {
    const list: unknown[] = Array.isArray(value) ? value : [value];
    const items = list
      .flatMap((item) => (typeof item === 'string' ? item.split(',') : [item]))
      .map((item) => (typeof item === 'string' ? item.trim() : item))
      .filter((item) => item !== '');
    return kind === 'array:number'
      ? items.map((item) => (typeof item === 'string' ? toNumber(item) : item))
      : items;
  }
  if (typeof value !== 'string') return value;
  if (kind === 'number') return toNumber(value);
  if (kind === 'boolean') return toBoolean(value);
  return value;
}

/** Turns a parsed query string (values are strings or lists of strings) into raw input. */
export function decodeQuery(
  schema: z.ZodType,
  query: Record<string, unknown>,
): Record<string, unknown> {
  const kinds = queryFieldKinds(schema);
  return Object.fromEntries(
    Object.entries(query).map(([key, value]) => [key, decodeValue(kinds[key], value)]),
  );
}

export type IncomingParts = {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
};

/** The raw (unvalidated) input of an operation from the parts of an HTTP request. */
export function decodeInput(name: OperationName, parts: IncomingParts): unknown {
  const { input, http, bookmark } = contract[name];
  const params = decodeQuery(input, parts.params);
  // The bookmark parameter is a transport option of the operations that wait for one.
  const { [BOOKMARK_PARAM]: _bookmark, ...query } = parts.query;
  if (!hasJsonBody(http.method))
    return { ...decodeQuery(input, bookmark ? query : parts.query), ...params };
  // No body at all means "no fields"; an explicit JSON null is refused like any non-object.
  const body = parts.body === undefined ? {} : parts.body;
  // A non-object body is left for the schema to reject by name.
  if (typeof body !== 'object' || Array.isArray(body) || body === null) return body;
  return { ...body, ...params };
}
