// The text relevance between a practice and a challenge (no I/O): how much of the challenge's wording
// (name and summary) the practice's wording (name, aliases, summary) shares, from 0 to 1. Each shared
// term weighs its rarity among the practices answered (a word every practice uses says little). It is
// shown as its own field and orders practices of equal evidence only: text is never evidence.
import type { EntityModel } from '../domain/model.js';
import { hasTerm, inverseDocumentFrequency, termsOf } from './text-terms.js';

const practiceText = (p: EntityModel) => [p.name, ...p.aliases, p.summary ?? ''].join(' ');
const challengeText = (c: EntityModel) => [c.name, c.summary ?? ''].join(' ');

/** Relevance of each practice (by id) to the challenge, rounded to 3 decimals. */
export function relevanceTo(challenge: EntityModel, practices: readonly EntityModel[]): Map<string, number> {
  const docs = practices.map((p) => ({ id: p.id, terms: termsOf(practiceText(p)) }));
  const idf = inverseDocumentFrequency(docs.map((d) => d.terms));
  const wanted = termsOf(challengeText(challenge));
  const total = wanted.reduce((sum, t) => sum + idf(t), 0);
  const out = new Map<string, number>();
  for (const d of docs) {
    const shared = wanted.filter((t) => hasTerm(d.terms, t)).reduce((sum, t) => sum + idf(t), 0);
    out.set(d.id, total > 0 ? Math.round((shared / total) * 1000) / 1000 : 0);
  }
  return out;
}
