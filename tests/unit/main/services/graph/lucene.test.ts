import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeLucene, searchQuery } from '../../../../../src/main/services/graph/lucene';

describe('search query', () => {
  it('matches every term as a whole word or a prefix', () => {
    expect(searchQuery('Acme  Pen')).toBe('(acme^2 OR acme*) AND (pen^2 OR pen*)');
  });

  it('escapes Lucene syntax so it is searched as text', () => {
    expect(escapeLucene('a+b:(c)*')).toBe('a\\+b\\:\\(c\\)\\*');
    expect(searchQuery('Zenith (Global')).toBe(
      '(zenith^2 OR zenith*) AND (\\(global^2 OR \\(global*)',
    );
    // Terms that are only syntax are dropped; if nothing is left the text is one phrase.
    expect(searchQuery('OR *')).toBe('(or^2 OR or*)');
    expect(searchQuery('* ?')).toBe('"\\* \\?"');
  });

  it('leaves no unescaped special character in any input', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (text) => {
        const query = searchQuery(text);
        // Remove the syntax the builder itself adds, then every special char must be escaped.
        const body = query
          .replace(/\^2 OR /g, ' ')
          .replace(/\*\)/g, ')')
          .replace(/ AND /g, ' ')
          .replace(/^"|"$/g, '');
        const stripped = body
          .replace(/\\./g, '')
          .replace(/^\(|\)$/g, '')
          .replace(/\) \(/g, ' ');
        expect(stripped).not.toMatch(/[+\-!{}[\]^"~*?:\\/&|]/);
      }),
    );
  });
});
