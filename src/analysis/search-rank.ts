// Orders search candidates the way a person expects (no I/O): the entity whose name is exactly what they
// typed first, then one of whose aliases is, then names that start with it (type-ahead), then names
// and aliases that hold every word (the last as a prefix, 4+ letter words with one typo), then the
// rest by the index's score. Punctuation does not matter ("Neptune.ai", "neptune ai" and "NeptuneAI"
// are one name). Hits far below the best are cut off.
import { distance } from 'fastest-levenshtein';
import type { EntityModel } from '../domain/model.js';

export interface Candidate {
  readonly entity: EntityModel;
  /** The full-text index's relevance. */
  readonly score: number;
}

export interface RankedHit {
  readonly entity: EntityModel;
  /** tier (0-6) + the index's relevance squeezed into [0, 1): higher is better. */
  readonly score: number;
}

/** Lower-case, accents and punctuation gone, single spaces. */
export function normalise(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const compact = (normalised: string) => normalised.replace(/ /g, '');

/** Whether typed word `q` matches name word `w`: equal, the last typed word a prefix, or one typo for 4+ letters. */
function wordMatches(q: string, w: string, last: boolean): boolean {
  if (q === w) return true;
  if (last && w.startsWith(q)) return true;
  if (q.length >= 4 && Math.abs(q.length - w.length) <= 1) {
    if (distance(q, w) <= 1) return true;
    // A swap of two adjacent letters is one typo too.
    for (let i = 0; i + 1 < q.length; i++) if (q.slice(0, i) + q[i + 1] + q[i] + q.slice(i + 2) === w) return true;
  }
  if (last && q.length >= 4) {
    for (let i = 0; i + 1 < q.length; i++) if (w.startsWith(q.slice(0, i) + q[i + 1] + q[i] + q.slice(i + 2))) return true;
  }
  return false;
}

/** Whether every typed word matches some word of the text. */
function allWords(qWords: readonly string[], text: string): boolean {
  const words = text.split(' ');
  return qWords.every((q, i) => words.some((w) => wordMatches(q, w, i === qWords.length - 1)));
}

/** What was typed, normalised once for all the candidates of one search. */
interface Typed {
  readonly q: string;
  readonly qc: string;
  readonly qWords: readonly string[];
}

const typedForm = (typed: string): Typed => {
  const q = normalise(typed);
  return { q, qc: compact(q), qWords: q.split(' ') };
};

/** How well the typed text matches one entity, as a tier: 6 best, 0 only through the summary. */
export function tierOf(typed: string, entity: EntityModel): number {
  return tierOfTyped(typedForm(typed), entity);
}

function tierOfTyped({ q, qc, qWords }: Typed, entity: EntityModel): number {
  if (q === '') return 0;
  const name = normalise(entity.name);
  if (name === q || compact(name) === qc) return 6;
  const aliases = entity.aliases.map(normalise);
  if (aliases.some((a) => a === q || compact(a) === qc)) return 5;
  if (name.startsWith(q) || compact(name).startsWith(qc)) return 4;
  if (allWords(qWords, name)) return 3;
  if (aliases.some((a) => a.startsWith(q) || allWords(qWords, a))) return 2;
  if (qWords.some((w, i) => allWords([w], name) || (i === qWords.length - 1 && name.includes(w)))) return 1;
  return 0;
}

/** A hit is cut off when its score is below this share of the best hit's (same tier scale). */
const CUT_OFF = 0.25;

/** Orders the candidates for `typed` and keeps the first `first` that are not far below the best. */
export function rankCandidates(typed: string, candidates: readonly Candidate[], first: number): RankedHit[] {
  const best = Math.max(0, ...candidates.map((c) => c.score));
  const t = typedForm(typed);
  const scored = candidates.map((c) => {
    const tier = tierOfTyped(t, c.entity);
    const relevance = best > 0 ? c.score / best : 0;
    return { entity: c.entity, tier, relevance, score: tier + relevance * 0.999 };
  });
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      a.entity.name.length - b.entity.name.length ||
      (a.entity.name.toLowerCase() < b.entity.name.toLowerCase() ? -1 : a.entity.name.toLowerCase() > b.entity.name.toLowerCase() ? 1 : 0) ||
      (a.entity.id < b.entity.id ? -1 : 1),
  );
  const top = scored[0];
  if (!top) return [];
  // When some name or alias matches, hits that match only through their text must be strong to stay.
  const kept = scored.filter((h) => (top.tier >= 3 ? h.tier >= 1 || h.relevance >= 0.5 : h.score >= top.score * CUT_OFF));
  return kept.slice(0, first).map(({ entity, score }) => ({ entity, score }));
}
