/**
 * Turns what a user typed into a Lucene query for the full-text index: every term is taken as
 * plain text (Lucene's special characters escaped), every term must match, and a term matches
 * the whole word (boosted) or any word it begins.
 */
const SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

export function escapeLucene(term: string): string {
  return term.replace(SPECIAL, (char) => `\\${char}`);
}

export function searchQuery(text: string): string {
  const terms = text
    .toLowerCase()
    .split(/\s+/)
    .filter((term) => term.replace(SPECIAL, '').length > 0)
    .map(escapeLucene);
  if (terms.length === 0) return `"${escapeLucene(text.trim())}"`;
  return terms.map((term) => `(${term}^2 OR ${term}*)`).join(' AND ');
}
