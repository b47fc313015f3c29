/**
 * The named components of the OpenAPI document and what the configuration adds to them (the
 * accepted regions, the generator bounds), registered on the zod schemas themselves so that
 * every route using a schema refers to one component. Plus the one correction the generator's
 * output needs: a reference that may be null is `anyOf` the component and null.
 */
import { zodToOpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import * as api from '../../shared/api';
import { RegionCode, type GraphMode } from '../../shared/domain';
import { ErrorBody } from '../../shared/errors';
import { ImportJob, ImportProgress, ImportResult } from '../../shared/import';
import { queryFieldKinds } from '../../shared/http';
import type { Config } from '../config/env';
import { PATH_CONDITIONS } from '../db/cypher/paths';
import {
  defaultSize,
  FIELD_BOUNDS,
  GENERATION_DEFAULTS,
  type BoundedField,
  type BoundVariable,
} from '../services/generation/params';

/** What of the configuration the document shows: accepted values, bounds, whether a token is needed. */
export type OpenApiConfig = Pick<
  Config,
  'REGIONS' | 'API_TOKEN' | 'GENERATOR_BATCH_SIZE' | BoundVariable
>;

const API_SCHEMAS = [
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
  'SchemaResponse',
  'HealthResponse',
  'ServerSettings',
] as const satisfies readonly (keyof typeof api)[];

type Metadata = Omit<NonNullable<Parameters<typeof zodToOpenAPIRegistry.add>[1]>, '_internal'>;

export const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/**
 * One event of a generation's event stream (generation.ts writes them), as OpenAPI 3.1 tools
 * read an event: its `event`, `id` and `data` fields, the data being the job as JSON text.
 */
const GenerationEvent = z
  .object({
    event: z.literal('job'),
    id: z.string().regex(/^\d+$/).meta({ description: 'Sequence number within the stream' }),
    data: z.string().meta({
      description: 'The GenerationJob, as JSON',
      contentMediaType: 'application/json',
      contentSchema: schemaRef('GenerationJob'),
    }),
  })
  .meta({ description: 'One server-sent event of a generation job' });

/**
 * The fields a filter's mode has no element for must be left out: the service refuses them
 * rather than ignore them (filter-fields.ts).
 */
function filterModeConditions(): Metadata {
  const fields = (mode: GraphMode) => Object.keys(PATH_CONDITIONS[mode]);
  const all = [...new Set([...fields('standard'), ...fields('recommendations')])];
  const notSet = (mode: GraphMode) =>
    Object.fromEntries(
      all
        .filter((field) => !fields(mode).includes(field))
        .map((field) => {
          const list = queryFieldKinds(api.FilterRequest)[field]?.startsWith('array') === true;
          // Not set: null, or (for a list, where the schema allows it) an empty one.
          return [field, list ? { maxItems: 0 } : { type: 'null' }];
        }),
    );
  return {
    if: { properties: { mode: { const: 'recommendations' } }, required: ['mode'] },
    then: { properties: notSet('recommendations') },
    else: { properties: notSet('standard') },
    description:
      'Fields that do not apply in the mode must be left out (or empty); ' +
      'each range bound `<field>_min` must not exceed its `<field>_max` ' +
      '(aum, performance, influence, fc_total_plan_assets, owns_value; ' +
      'owns_start_date and rates_date are ISO days).',
  };
}

/**
 * Any JSON value. Emitted without recursion: the recursive zod union came out as `oneOf` with a
 * null beside each nested reference, which a null matches twice (so a `[1, null]` failed), and
 * client generators cannot follow a union that refers to itself. An array or object of any JSON
 * values says the same.
 */
const JSON_VALUE = {
  anyOf: [
    { type: 'string' },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'null' },
    { type: 'array', items: {} },
    { type: 'object', additionalProperties: {} },
  ],
  description: 'Any JSON value: string, number, boolean, null, or an array or object of them',
} satisfies Metadata;

/**
 * Names the components and adds the configured values and bounds to them. Returns the named
 * schemas, for the generator to emit first: a schema first met where it is nullable would
 * otherwise become a nullable component.
 */
export function describeSchemas(config: OpenApiConfig): z.ZodType[] {
  const named: [string, z.ZodType][] = [
    ...API_SCHEMAS.map((name): [string, z.ZodType] => [name, api[name]]),
    ['ErrorBody', ErrorBody],
    ['ImportResult', ImportResult],
    ['ImportProgress', ImportProgress],
    ['ImportJob', ImportJob],
    ['GenerationEvent', GenerationEvent],
    ['Region', RegionCode],
  ];
  const described: Record<string, Metadata> = {
    JsonValue: JSON_VALUE,
    FilterRequest: filterModeConditions(),
    Region: { enum: [...config.REGIONS], description: 'A configured region (REGIONS)' },
    QueryRequest: {
      example: {
        query: 'MATCH (c:CONSULTANT {region: $region}) RETURN c.id AS id, c.name AS name LIMIT 5',
        parameters: { region: config.REGIONS[0] },
      },
    },
  };
  for (const [refId, schema] of named)
    zodToOpenAPIRegistry.add(schema, { _internal: { refId }, ...described[refId] });
  // What the generator takes when a field is left out, and its bounds.
  const generate = api.GenerateRequest.shape;
  for (const [field, variable] of Object.entries(FIELD_BOUNDS) as [BoundedField, BoundVariable][])
    zodToOpenAPIRegistry.add(generate[field], {
      maximum: config[variable],
      default: defaultSize(field, config),
    });
  for (const field of [
    'direct_coverage_probability',
    'rating_probability',
    'recommendation_probability',
  ] as const)
    zodToOpenAPIRegistry.add(generate[field], { default: GENERATION_DEFAULTS[field] });
  zodToOpenAPIRegistry.add(generate.batch_size, { default: config.GENERATOR_BATCH_SIZE });
  zodToOpenAPIRegistry.add(generate.seed, { description: 'A random seed when left out' });
  // The generator refuses a region listed twice.
  zodToOpenAPIRegistry.add(generate.regions, {
    uniqueItems: true,
    description: 'Every configured region when left out',
  });
  return named.map(([, schema]) => schema);
}

type Json = { [key: string]: unknown };
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{ allOf: [ref, { type: [..., 'null'] }] }` or `{ oneOf: [ref, null] }`: a nullable reference. */
function nullableRef(node: Json): Json | undefined {
  const [first, second, ...rest] = (node.allOf ?? node.oneOf ?? []) as unknown[];
  if (rest.length || !isObject(first) || typeof first.$ref !== 'string' || !isObject(second))
    return undefined;
  const keys = Object.keys(second);
  const type = second.type;
  const onlyNull =
    keys.length === 1 && (type === 'null' || (Array.isArray(type) && type.includes('null')));
  return onlyNull ? first : undefined;
}

/** Rewrites, in place, every nullable reference below `node` as `anyOf: [ref, { type: 'null' }]`. */
export function anyOfNullableRefs(node: unknown): void {
  const children = Array.isArray(node) ? node : isObject(node) ? Object.values(node) : [];
  for (const child of children) {
    if (!isObject(child)) continue;
    const ref = nullableRef(child);
    if (ref) {
      delete child.allOf;
      delete child.oneOf;
      child.anyOf = [ref, { type: 'null' }];
    } else anyOfNullableRefs(child);
  }
}

/**
 * A query string or path cannot carry a JSON null, so a parameter's schema does not offer one
 * (a schema that accepts null, such as a coerced number, would otherwise say it does).
 */
export function withoutNullParameters(document: unknown): void {
  const paths = isObject(document) && isObject(document.paths) ? document.paths : {};
  for (const item of Object.values(paths))
    for (const operation of isObject(item) ? Object.values(item) : []) {
      const parameters = isObject(operation) ? operation.parameters : undefined;
      for (const parameter of Array.isArray(parameters) ? parameters : []) {
        const schema: unknown = isObject(parameter) ? parameter.schema : undefined;
        if (!isObject(schema) || !Array.isArray(schema.type)) continue;
        const types: unknown[] = schema.type.filter((type) => type !== 'null');
        schema.type = types.length === 1 ? types[0] : types;
      }
    }
}

/**
 * A nullable schema whose default is an object says its default in words: client generators
 * (openapi-python-client) refuse an object default beside null, and drop the whole operation.
 */
export function objectDefaultsInWords(node: unknown): void {
  const children = Array.isArray(node) ? node : isObject(node) ? Object.values(node) : [];
  for (const child of children) {
    if (!isObject(child)) continue;
    const nullable = Array.isArray(child.type) && child.type.includes('null');
    if (nullable && isObject(child.default)) {
      const text = `${JSON.stringify(child.default)} when left out or null`;
      child.description =
        typeof child.description === 'string' ? `${child.description}; ${text}` : text;
      delete child.default;
    }
    objectDefaultsInWords(child);
  }
}
