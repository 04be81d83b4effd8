// The Lucene query that search sends to the full-text index, built from what a person typed (no I/O).
// It is for recall: it gathers the candidates (names and aliases weigh most; the last word is matched
// as a prefix, as people type; words of 4+ letters tolerate one typo, a swap of two letters included),
// and src/analysis/search-rank.ts orders them by how the name or an alias matches.

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
 * Tokens the index keeps whole although they hold punctuation ("neptune.ai", "o'reilly": letters or
 * digits joined by a dot or an apostrophe), lower-cased: matched as they are, besides their words.
 */
export function joinedTokens(text: string): string[] {
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}]+(?:['.][\p{L}\p{N}]+)+/gu) ?? [];
  return [...new Set(tokens)].slice(0, MAX_SEARCH_WORDS);
}

/** The fields the index holds (src/neo4j/setup.ts): names and aliases weigh more than summaries. */
const NAME_FIELDS = ['name', 'aliasesText'] as const;

/**
 * A Lucene query for the full-text index, or null when the text has no word. Words hold only letters
 * and digits (and are escaped besides), and are lower-cased so AND, OR and NOT are never operators.
 */
export function luceneQuery(text: string): string | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  const clauses = words.map((w, i) => {
    const t = escapeLucene(w);
    const last = i === words.length - 1;
    const parts = [...NAME_FIELDS.map((f) => `${f}:${t}^4`), `summary:${t}`];
    // The last word is still being typed: any prefix of it; the others from 3 letters.
    if (last || w.length >= 3) parts.push(...NAME_FIELDS.map((f) => `${f}:${t}*^2`));
    if (w.length >= 3) parts.push(`summary:${t}*^0.5`);
    if (w.length >= 4) parts.push(...NAME_FIELDS.map((f) => `${f}:${t}~1^2`));
    return `(${parts.join(' OR ')})`;
  });
  const joined = joinedTokens(text).map((t) => `(${NAME_FIELDS.map((f) => `${f}:${escapeLucene(t)}^6`).join(' OR ')})`);
  if (words.length > 1) {
    const phrase = `"${words.map(escapeLucene).join(' ')}"`;
    clauses.unshift(...NAME_FIELDS.map((f) => `${f}:${phrase}^6`));
  }
  return [...joined, ...clauses].join(' OR ');
}
