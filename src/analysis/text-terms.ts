// Words as a reader means them, for matching a problem typed in words against the graph's wording and
// for the text relevance between a practice and a challenge (no I/O, no model). A word is lower-cased
// and its accents dropped (src/analysis/search-rank.ts's normalise); function words ("we", "our",
// "the") are dropped; British and American spellings are folded (-isation/-ization, -ise/-ize) and
// common English endings stripped (plural, -ing, -ed, -ment, -ly), so "models", "modelling" and
// "modeled" are one term. Two terms match when equal or, for 6+ letters, one edit apart.
import { distance } from 'fastest-levenshtein';
import { normalise } from './search-rank.js';

/** English function words and the filler of a typed problem: they say nothing about which challenge. */
const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all am an and any are aren as at be because been before being below between both but by ' +
    'can cannot can t could couldn did didn do does doesn doing don down during each even ever every few for from further get gets getting got ' +
    'had has have having he her here hers him his how i if in into is isn it its itself just keep keeps kind lot lots ' +
    'many me more most much must my no nor not now of off often on once only or other our ours out over own per ' +
    're really same she should so some still such than that the their them then there these they this those through to too ' +
    'under until up us use used using very via was we were what when where which while who whom why will with without won would ' +
    'you your yours s t d ll ve m one two thing things stuff way ways anyone nobody somebody everyone always never sometimes ' +
    'need needs want wants make makes made seem seems like well also across within since yet let lets'
  ).split(' '),
);

/** Whether a normalised word is a function word (never a term). */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** The stem of one lower-cased word: spelling folded, a common ending stripped (never below 3 letters). */
export function stem(word: string): string {
  let w = word.replace(/iz(?=(e|es|ed|ing|ation|ations|er|ers)$)/, 'is').replace(/yz(?=(e|es|ed|ing|er|ers)$)/, 'ys');
  const strip = (suffix: string, min = 3): boolean => {
    if (w.length - suffix.length >= min && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      return true;
    }
    return false;
  };
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && w.length > 3) w = w.slice(0, -1);
  // Up to two derivational endings, longest first ("experimentation" -> "experiment" -> "experi").
  for (let round = 0; round < 2; round++) {
    const before = w;
    for (const suffix of ['isation', 'ability', 'ibility', 'ations', 'ation', 'ments', 'ment', 'ness', 'ingly', 'ing', 'edly', 'ed', 'ly', 'ity', 'ate', 'ion', 'er', 'al', 'e']) {
      if (strip(suffix, suffix === 'e' || suffix === 'al' ? 4 : 3)) break;
    }
    if (w === before) break;
  }
  // Doubled final consonants left by -ing and -ed ("modelling" -> "modell" -> "model").
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !w.endsWith('ss') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** The terms of a text, in order, once each: words that are not function words, stemmed. */
export function termsOf(text: string): string[] {
  const out: string[] = [];
  for (const word of normalise(text).split(' ')) {
    if (word === '' || isStopword(word)) continue;
    const t = stem(word);
    if (!out.includes(t)) out.push(t);
  }
  return out;
}

/** The terms of a text with the word each came from first (for saying what matched). */
export function termWords(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const word of normalise(text).split(' ')) {
    if (word === '' || isStopword(word)) continue;
    const t = stem(word);
    if (!out.has(t)) out.set(t, word);
  }
  return out;
}

/**
 * Whether two terms match: equal; one the start of the other when the shorter has 5+ letters and the
 * longer at most 4 more (an ending the stemmer left); or one edit apart when both have 6+ letters (a typo).
 */
export function termsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 5 && long.length - short.length <= 4 && long.startsWith(short)) return true;
  return short.length >= 6 && long.length - short.length <= 1 && distance(a, b) <= 1;
}

/** Whether `term` matches some term of `terms`. */
export function hasTerm(terms: readonly string[], term: string): boolean {
  return terms.some((t) => termsMatch(t, term));
}

/** Inverse document frequency of each term over documents (each a list of terms): ln(1 + (N - df + 0.5) / (df + 0.5)). */
export function inverseDocumentFrequency(documents: readonly (readonly string[])[]): (term: string) => number {
  const n = documents.length;
  const sets = documents.map((d) => new Set(d));
  const cache = new Map<string, number>();
  return (term: string) => {
    let v = cache.get(term);
    if (v === undefined) {
      let df = 0;
      for (const s of sets) if (s.has(term) || [...s].some((t) => termsMatch(t, term))) df += 1;
      v = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      cache.set(term, v);
    }
    return v;
  };
}
