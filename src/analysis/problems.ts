// From a problem typed in words to the challenges it names (no I/O, no model): the `problems` query.
//
// Each challenge is a document of places: its name and aliases (weight 3), its summary and each
// source's own description of it (1), and the
// names and aliases (1.5) and summaries (0.5) of the entities linked to it by CORRESPONDS_TO,
// NARROWER_THAN or PARTLY_OVERLAPS (another source's wording of the same problem, a pain point, a
// debt). Each typed term (src/analysis/text-terms.ts) counts once, at the best place that holds it,
// times its rarity among the challenges (inverse document frequency): a challenge's score is that sum.
// So the curators' aliases and the sources' own wording do the work, and every point of a score can
// be shown as "this word, found there".
import type { EntityModel } from '../domain/model.js';
import type { MatchField, ProblemEvidenceModel, ProblemMatchModel } from './models.js';
import { byName } from './paths.js';
import { hasTerm, inverseDocumentFrequency, termsOf, termWords } from './text-terms.js';

/** A challenge and the entities whose wording counts for it. */
export interface ChallengeDocument {
  readonly challenge: EntityModel;
  readonly related: readonly { readonly entity: EntityModel; readonly relation: string }[];
}

/** The weight of a word found in each place. */
export const PLACE_WEIGHT = { NAME: 3, ALIAS: 3, SUMMARY: 1, RELATED_NAME: 1.5, RELATED_SUMMARY: 0.5 } as const;

const FIELD_ORDER: readonly MatchField[] = ['NAME', 'ALIAS', 'SUMMARY', 'DESCRIPTION', 'RELATED'];

/** A challenge scoring under this share of the best one's score is left out. */
export const PROBLEM_CUT_OFF = 0.25;

interface Place {
  readonly field: MatchField;
  readonly text: string;
  readonly weight: number;
  readonly terms: readonly string[];
  readonly related: EntityModel | null;
  readonly relation: string | null;
}

function placesOf(doc: ChallengeDocument): Place[] {
  const c = doc.challenge;
  const own = (field: MatchField, text: string, weight: number): Place => ({ field, text, weight, terms: termsOf(text), related: null, relation: null });
  const places: Place[] = [own('NAME', c.name, PLACE_WEIGHT.NAME), ...c.aliases.map((a) => own('ALIAS', a, PLACE_WEIGHT.ALIAS))];
  if (c.summary) places.push(own('SUMMARY', c.summary, PLACE_WEIGHT.SUMMARY));
  // Each source's own description: the sources' wording of the problem.
  for (const d of c.descriptions) if (d.text !== c.summary) places.push(own('DESCRIPTION', d.text, PLACE_WEIGHT.SUMMARY));
  for (const { entity, relation } of doc.related) {
    const words = [entity.name, ...entity.aliases].join(' ');
    places.push({ field: 'RELATED', text: entity.name, weight: PLACE_WEIGHT.RELATED_NAME, terms: termsOf(words), related: entity, relation });
    if (entity.summary) {
      places.push({ field: 'RELATED', text: entity.summary, weight: PLACE_WEIGHT.RELATED_SUMMARY, terms: termsOf(entity.summary), related: entity, relation });
    }
  }
  return places;
}

/** The challenges that `text` names, best first (see the top of this file); at most `first`. */
export function matchProblems(text: string, documents: readonly ChallengeDocument[], first: number): ProblemMatchModel[] {
  const typed = termWords(text);
  if (typed.size === 0) return [];
  const placed = documents.map((doc) => ({ doc, places: placesOf(doc) }));
  const idf = inverseDocumentFrequency(placed.map((d) => d.places.flatMap((p) => p.terms)));
  const scored = placed.map(({ doc, places }) => {
    let score = 0;
    const found = new Map<Place, string[]>();
    for (const [term, word] of typed) {
      const holding = places.filter((p) => hasTerm(p.terms, term));
      if (holding.length === 0) continue;
      score += idf(term) * Math.max(...holding.map((p) => p.weight));
      for (const p of holding) found.set(p, [...(found.get(p) ?? []), word]);
    }
    const matched: ProblemEvidenceModel[] = [...found]
      .sort(([a, wa], [b, wb]) => b.weight - a.weight || wb.length - wa.length || FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field))
      .map(([p, words]) => ({ field: p.field, text: p.text, words, related: p.related, relation: p.relation }));
    return { challenge: doc.challenge, score: Math.round(score * 1000) / 1000, matched };
  });
  const best = Math.max(0, ...scored.map((s) => s.score));
  if (best === 0) return [];
  return scored
    .filter((s) => s.score > 0 && s.score >= best * PROBLEM_CUT_OFF)
    .sort((a, b) => b.score - a.score || byName(a.challenge, b.challenge))
    .slice(0, first);
}
