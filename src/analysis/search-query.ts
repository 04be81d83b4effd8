// The Lucene query that search sends to the full-text index, built from what a person typed (no I/O).

/** Characters with a meaning in Lucene's query syntax (plus the two-character && and ||). */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (ch) => `\\${ch}`);
}

export const MAX_SEARCH_WORDS = 12;

/** The words of a user's search text: runs of letters and digits, lower-cased, once each. */
export function searchWords(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, MAX_SEARCH_WORDS);
}

/**
 * A Lucene query for the full-text index, or null when the text has no word. Each word matches
 * exactly (boost 2, and 4 more in the name), as a prefix (3+ characters) and with a typo (one edit
 * for 4-5 characters, two for longer); all words together as a phrase score highest (in the name
 * most). Words hold only letters and digits (and are escaped besides), and are lower-cased so AND,
 * OR and NOT are never operators.
 */
export function luceneQuery(text: string): string | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  const clauses = words.map((w) => {
    const t = escapeLucene(w);
    const parts = [`name:${t}^4`, `${t}^2`];
    if (w.length >= 3) parts.push(`${t}*`);
    if (w.length >= 4) parts.push(`${t}~${w.length >= 6 ? 2 : 1}`);
    return `(${parts.join(' OR ')})`;
  });
  if (words.length > 1) {
    const phrase = `"${words.map(escapeLucene).join(' ')}"`;
    clauses.unshift(`name:${phrase}^6`, `${phrase}^3`);
  }
  return clauses.join(' OR ');
}
