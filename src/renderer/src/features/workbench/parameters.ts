/**
 * The parameters editor holds a JSON object. These helpers read it (with a message that says
 * what is wrong) and offer a template for the `$names` a query uses.
 */
import { z } from 'zod';
import { JsonValue } from '@shared/api';

export type Parameters = Record<string, JsonValue>;
const ParametersSchema = z.record(z.string(), JsonValue);

export function parseParameters(text: string): Parameters | Error {
  if (text.trim() === '') return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'invalid JSON';
    return new Error(`Parameters are not valid JSON: ${reason}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return new Error('Parameters must be a JSON object, e.g. {"region": "NAI"}.');
  }
  const parsed = ParametersSchema.safeParse(json);
  return parsed.success ? parsed.data : new Error('Parameters hold a value JSON cannot carry.');
}

/** `$name` and `$\`odd name\`` references, in order of first use; strings and comments skipped. */
export function parameterNames(query: string): string[] {
  const stripped = query
    .replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"/g, "''");
  const names: string[] = [];
  for (const match of stripped.matchAll(/\$(?:`([^`]+)`|([A-Za-z_][A-Za-z0-9_]*))/g)) {
    const name = match[1] ?? match[2];
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/** Adds a `null` placeholder for each used name not yet given; keeps what is there. */
export function withMissingParameters(query: string, current: Parameters): Parameters {
  const next = { ...current };
  for (const name of parameterNames(query)) if (!(name in next)) next[name] = null;
  return next;
}

export const formatParameters = (parameters: Parameters): string =>
  Object.keys(parameters).length === 0 ? '' : JSON.stringify(parameters, null, 2);
