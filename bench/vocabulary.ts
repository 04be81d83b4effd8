// Names and summaries for the synthetic entities of bench/generate.ts: new ones, drawn from the
// curated graph's own vocabulary, so that growth looks like growth (new tools with coined names,
// new practices and challenges named in the field's words) rather than copies of the same texts.
// Pure and deterministic: the same PRNG gives the same texts.
//
// From the curated entities, per kind: how many words a name has, how often a name is one coined
// word (most tools: "Kubeflow", "Feast"), how long a summary is, how often an entity has aliases;
// and the words of names (per kind) and of summaries (all kinds), with their frequencies. A new
// text draws its length from those, and each word from the vocabulary by frequency, or, now and
// then, a coined word (new words come with new material; the pool grows with the scale and is
// sampled log-uniformly, so a few coined words are common and most are rare, as in real text).
import type { Dataset, DatasetEntity } from '../src/seed/dataset.js';

export type Rand = () => number;

/** Values with their counts, sampled in proportion to the counts. */
export interface Weighted<T> {
  readonly values: readonly T[];
  /** Cumulative counts, the same length as values. */
  readonly cumulative: readonly number[];
}

export function weighted<T>(counts: ReadonlyMap<T, number>): Weighted<T> {
  const values: T[] = [];
  const cumulative: number[] = [];
  let total = 0;
  // Sorted for determinism whatever the insertion order.
  for (const [v, c] of [...counts].sort((a, b) => b[1] - a[1] || (String(a[0]) < String(b[0]) ? -1 : 1))) {
    total += c;
    values.push(v);
    cumulative.push(total);
  }
  return { values, cumulative };
}

export function pick<T>(w: Weighted<T>, rand: Rand): T {
  const total = w.cumulative[w.cumulative.length - 1] ?? 0;
  if (total === 0) throw new Error('nothing to pick from');
  const x = rand() * total;
  let lo = 0;
  let hi = w.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (w.cumulative[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return w.values[lo]!;
}

interface KindShape {
  readonly nameLength: Weighted<number>;
  readonly nameWords: Weighted<string>;
  /** Share of names that are one word (coined, for tools). */
  readonly oneWord: number;
  readonly summaryLength: Weighted<number>;
}

export interface Vocabulary {
  readonly kinds: ReadonlyMap<string, KindShape>;
  readonly summaryWords: Weighted<string>;
}

/** Words as the curated texts spell them: letters, digits and inner hyphens. */
const wordsOf = (text: string) => text.match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];

const count = <T>(m: Map<T, number>, v: T) => m.set(v, (m.get(v) ?? 0) + 1);

export function buildVocabulary(entities: readonly DatasetEntity[]): Vocabulary {
  const perKind = new Map<string, { nameLength: Map<number, number>; nameWords: Map<string, number>; oneWord: number; n: number; summaryLength: Map<number, number> }>();
  const summaryWords = new Map<string, number>();
  for (const e of entities) {
    if (e.kind === 'SOURCE') continue;
    let k = perKind.get(e.kind);
    if (!k) perKind.set(e.kind, (k = { nameLength: new Map(), nameWords: new Map(), oneWord: 0, n: 0, summaryLength: new Map() }));
    const words = wordsOf(e.name);
    k.n += 1;
    count(k.nameLength, Math.max(1, words.length));
    if (words.length <= 1) k.oneWord += 1;
    // Words of several-word names only: one-word names are proper names, coined afresh.
    if (words.length > 1) for (const w of words) count(k.nameWords, w.length > 1 && w === w.toUpperCase() ? w : w.toLowerCase());
    if (e.summary) {
      const s = wordsOf(e.summary);
      count(k.summaryLength, s.length);
      for (const w of s) count(summaryWords, w.toLowerCase());
    }
  }
  const kinds = new Map<string, KindShape>();
  for (const [kind, k] of perKind) {
    kinds.set(kind, { nameLength: weighted(k.nameLength), nameWords: weighted(k.nameWords), oneWord: k.oneWord / k.n, summaryLength: weighted(k.summaryLength) });
  }
  return { kinds, summaryWords: weighted(summaryWords) };
}

const CONSONANTS = 'bcdfghklmnprstvwz';
const VOWELS = 'aeiouy';

/** The `n`-th coined word, one-to-one with n: syllables of n + 102 in base 102 (two at least). */
export function coinedWord(n: number): string {
  const syllables: string[] = [];
  let x = n + 102;
  const base = CONSONANTS.length * VOWELS.length;
  do {
    const s = x % base;
    syllables.push(CONSONANTS[Math.floor(s / VOWELS.length)]! + VOWELS[s % VOWELS.length]!);
    x = Math.floor(x / base);
  } while (x > 0);
  return syllables.reverse().join('');
}

/** A coined word from a pool of `pool` words, log-uniform: low numbers (common words) come up most. */
function coined(rand: Rand, pool: number): string {
  return coinedWord(Math.floor(Math.exp(rand() * Math.log(pool))));
}

const capitalised = (w: string) => w[0]!.toUpperCase() + w.slice(1);

export interface TextOptions {
  /** Coined words to draw from (grows with the scale). */
  readonly pool: number;
  /** Share of words, in names of several words and in summaries, that are coined. */
  readonly coinedShare?: number;
}

/** A new name for an entity of `kind`: one coined word, or words of the kind's names. */
export function syntheticName(vocab: Vocabulary, kind: string, rand: Rand, o: TextOptions): string {
  const shape = vocab.kinds.get(kind);
  if (!shape || shape.nameWords.values.length === 0 || rand() < shape.oneWord) {
    // A product's name: a new coined word (uniform over a large space: products rarely share a
    // name), now and then followed by a word of the field ("Lakefs Server").
    const word = capitalised(coinedWord(Math.floor(rand() * o.pool * 1000)));
    return shape && shape.nameWords.values.length > 0 && rand() < 0.2 ? `${word} ${capitalised(pick(shape.nameWords, rand))}` : word;
  }
  const n = Math.max(2, pick(shape.nameLength, rand));
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(rand() < (o.coinedShare ?? 0.15) ? coined(rand, o.pool) : pick(shape.nameWords, rand));
  words[0] = capitalised(words[0]!);
  return words.join(' ');
}

/** A new summary for an entity of `kind`, or null when the kind's curated entities have none. */
export function syntheticSummary(vocab: Vocabulary, kind: string, rand: Rand, o: TextOptions): string | null {
  const shape = vocab.kinds.get(kind);
  if (!shape || shape.summaryLength.values.length === 0) return null;
  const n = pick(shape.summaryLength, rand);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(rand() < (o.coinedShare ?? 0.15) ? coined(rand, o.pool) : pick(vocab.summaryWords, rand));
  words[0] = capitalised(words[0]!);
  return `${words.join(' ')}.`;
}

/** An alias as the curated ones often are: the initials of a name of several words ("CI/CD", "MLOps"). */
export function initialsOf(name: string): string | null {
  const words = wordsOf(name);
  return words.length < 2 ? null : words.map((w) => w[0]!.toUpperCase()).join('');
}

/** The vocabulary of a dataset's entities (convenience for bench/generate.ts). */
export const vocabularyOf = (ds: Dataset) => buildVocabulary(ds.entities);
