/**
 * fast-check arbitraries derived from the OpenAPI document's JSON Schemas: values that follow a
 * schema (enums, patterns, bounds, required keys), and hostile variants of them (wrong types,
 * out-of-range numbers, unknown keys, missing keys, injection strings, whole random JSON).
 */
import fc from 'fast-check';

export type Schema = Record<string, unknown>;
export type Document = { components?: { schemas?: Record<string, Schema> } };

/** Strings that have broken parsers, query builders and log lines elsewhere. */
export const NASTY_STRINGS = [
  "' OR 1=1 //",
  '" OR ""="',
  '}) DETACH DELETE n //',
  '`) MATCH (n) DETACH DELETE n //',
  'x` DETACH DELETE n //',
  '$param',
  '{region}',
  '\\u0027',
  '\u0000',
  '../../etc/passwd',
  '%2e%2e%2f',
  '+-&&||!(){}[]^"~*?:\\/',
  'NAI\nEMEA',
  '\u202e\u0644\u0627 ☃ 😀 \ud83d',
  'A'.repeat(5000),
  '',
  ' ',
  'null',
  'true',
  '-1',
  '1e309',
  'NaN',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  'CALL dbms.security.createUser("x","y")',
  'LOAD CSV FROM "file:///etc/passwd" AS l RETURN l',
];

const resolve = (schema: Schema, doc: Document): Schema => {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/components/schemas/', '');
  const target = doc.components?.schemas?.[name];
  if (!target) throw new Error(`unresolved ${ref}`);
  return resolve(target, doc);
};

const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

function stringArb(schema: Schema): fc.Arbitrary<string> {
  if (typeof schema.pattern === 'string') {
    const pattern = new RegExp(schema.pattern);
    return fc.stringMatching(pattern).filter((s) => s.length <= 64 && pattern.test(s));
  }
  const minLength = num(schema.minLength) ?? 0;
  const maxLength = Math.max(minLength, Math.min(num(schema.maxLength) ?? 40, 40));
  return fc.string({ minLength, maxLength });
}

function numberArb(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = num(schema.minimum) ?? (num(schema.exclusiveMinimum) ?? -1e6) + (integer ? 1 : 0);
  const max = num(schema.maximum) ?? (num(schema.exclusiveMaximum) ?? 1e6) - (integer ? 1 : 0);
  const lo = Math.max(min, -1e9);
  const hi = Math.min(max, 1e9);
  return integer
    ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) })
    : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
}

/** Values that follow the schema. */
function validArb(input: Schema, doc: Document, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(input, doc);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if ('const' in schema) return fc.constant(schema.const);
  const variants = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(variants)) return fc.oneof(...variants.map((v) => validArb(v, doc, depth + 1)));
  if (Array.isArray(schema.allOf)) return validArb((schema.allOf as Schema[])[0] ?? {}, doc, depth);
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type];
  const arbs = types.map((type): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'string':
        return stringArb(schema);
      case 'integer':
        return numberArb(schema, true);
      case 'number':
        return numberArb(schema, false);
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array': {
        const items = (schema.items as Schema | undefined) ?? {};
        const minLength = num(schema.minItems) ?? 0;
        const maxLength = Math.max(minLength, Math.min(num(schema.maxItems) ?? 4, 4));
        return depth > 4
          ? fc.constant([])
          : fc.array(validArb(items, doc, depth + 1), { minLength, maxLength });
      }
      case 'object': {
        const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
        const required = (schema.required as string[] | undefined) ?? [];
        if (depth > 4) return fc.constant({});
        return fc.record(
          Object.fromEntries(
            Object.entries(properties).map(([k, v]) => [k, validArb(v, doc, depth + 1)]),
          ),
          { requiredKeys: required.filter((k) => k in properties) },
        );
      }
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  });
  return arbs.length === 1 ? (arbs[0] as fc.Arbitrary<unknown>) : fc.oneof(...arbs);
}

const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.constantFrom(-1, 0, 1e12, -1e12, 2 ** 53, 0.5, Number.MAX_SAFE_INTEGER, true, false, null),
  fc.string({ maxLength: 30 }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** A value that usually breaks the schema somewhere, sometimes subtly. */
function hostileArb(input: Schema, doc: Document): fc.Arbitrary<unknown> {
  const schema = resolve(input, doc);
  const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
  const keys = Object.keys(properties);
  const replaceOne = keys.length
    ? fc
        .tuple(validArb(schema, doc), fc.constantFrom(...keys), hostileScalar)
        .map(([value, key, bad]) => ({ ...(value as object), [key]: bad }))
    : hostileScalar;
  const dropOne = keys.length
    ? fc.tuple(validArb(schema, doc), fc.constantFrom(...keys)).map(([value, key]) => {
        const copy = { ...(value as Record<string, unknown>) };
        delete copy[key];
        return copy;
      })
    : hostileScalar;
  const extraKey = fc
    .tuple(
      validArb(schema, doc),
      fc.constantFrom('__proto__', 'constructor', 'extra', '$where'),
      hostileScalar,
    )
    .map(([value, key, bad]) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
      const copy = { ...(value as Record<string, unknown>) };
      // defineProperty makes even `__proto__` an own key, so it reaches the wire.
      Object.defineProperty(copy, key, { value: bad, enumerable: true, writable: true });
      return copy;
    });
  return fc.oneof(replaceOne, dropOne, extraKey, hostileScalar);
}

/** Mostly hostile input, with enough valid input that the success paths are exercised too. */
export function caseArb(schema: Schema, doc: Document): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: validArb(schema, doc), weight: 1 },
    { arbitrary: hostileArb(schema, doc), weight: 1 },
  );
}
