import { describe, expect, it } from 'vitest';
import {
  formatParameters,
  parameterNames,
  parseParameters,
  withMissingParameters,
} from '../../../../src/renderer/src/features/workbench/parameters';

const errorOf = (value: unknown): string => (value instanceof Error ? value.message : '');

describe('parameters', () => {
  it('reads a JSON object, and empty text as no parameters', () => {
    expect(parseParameters('{"region": "NAI", "n": 4}')).toEqual({ region: 'NAI', n: 4 });
    expect(parseParameters('  ')).toEqual({});
  });

  it('explains text that is not a JSON object', () => {
    expect(parseParameters('{region: NAI}')).toBeInstanceOf(Error);
    expect(errorOf(parseParameters('{region: NAI}'))).toMatch(/not valid JSON/);
    expect(errorOf(parseParameters('[1]'))).toMatch(/must be a JSON object/);
    expect(errorOf(parseParameters('3'))).toMatch(/must be a JSON object/);
  });

  it('finds the $names a query uses, skipping strings and comments', () => {
    const query = `// $commented
      MATCH (c:CONSULTANT {region: $region}) WHERE c.name <> '$notParam' AND c.x IN $\`odd name\`
      RETURN c LIMIT $limit /* $alsoComment */ SKIP $region`;
    expect(parameterNames(query)).toEqual(['region', 'odd name', 'limit']);
  });

  it('adds placeholders for missing parameters and keeps given ones', () => {
    expect(withMissingParameters('RETURN $a, $b', { a: 1 })).toEqual({ a: 1, b: null });
    expect(formatParameters({})).toBe('');
    expect(formatParameters({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});
