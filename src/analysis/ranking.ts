// Ranking the practices that address a challenge by the evidence of the paths that link them (no I/O).
//
// Each path runs from a practice to the asked challenge along a road the ontology makes sound or weak
// (seed/README.md §9): DIRECT (the practice ADDRESSES the challenge), SOUND (it ADDRESSES a challenge
// that CORRESPONDS_TO the asked one, or a practice that CORRESPONDS_TO it ADDRESSES the challenge: the
// same notion in another source's words, through the crosswalk), WEAK (through a practice category, a
// principle or component, a solution, or a broader, narrower or overlapping challenge). A practice
// ranks by, in order:
//   1. confidence: STATED when at least one of its paths is stated at every hop (weakest hop counts);
//   2. strength: the best road among its paths of that confidence (DIRECT > SOUND > WEAK);
//   3. agreement: distinct sources cited on the hop that ADDRESSES or RESOLVES a challenge, on those
//      paths (independent sources making the link, each in its own words);
//   4. the best road among its less firm paths (`inferredStrength`: for a STATED practice, the road of
//      the curators' INFERRED reading; a practice-level reading beats a category-level one);
//   5. distinct statements (source, digest row) cited along the paths of its confidence;
//   6. relevance: the text relevance of practice and challenge (src/analysis/relevance.ts), not evidence;
//   7. the length of its shortest such path; then id.
// score = 1000 × stated + 100 × strength (2, 1, 0) + 10 × agreement + 2 × weaker (inferredStrength
// DIRECT 3, SOUND 2, WEAK 1, none 0) + statements / (statements + 1): the evidence alone, ordering
// practices as 1-5 do (while fewer than ten sources agree); equal scores fall back to relevance, the
// shorter path, then the id.
import type { Confidence } from '../domain/citation.js';
import { atLeast, CONFIDENCE_RANK, evidenceOf, pathConfidence, strongest } from './evidence.js';
import type { EntityModel } from '../domain/model.js';
import type { PathModel, PathStrength, RankedPracticeModel } from './models.js';
import { citationsOfPaths, cmp, dedupePaths } from './paths.js';
import { relevanceTo } from './relevance.js';

/** How a supporting path links a practice to the challenge: DIRECT, or VIA_ + the kinds in between. */
export function viaOf(path: PathModel): string {
  if (path.length === 1) return 'DIRECT';
  return 'VIA_' + path.entities.slice(1, -1).map((e) => e.kind).join('+');
}

const STRENGTH_RANK: Record<PathStrength, number> = { DIRECT: 2, SOUND: 1, WEAK: 0 };

/**
 * The road a practice -> challenge path takes (see the top of this file): SOUND when its one
 * ADDRESSES hop, from a practice to a challenge, is joined to the ends only by CORRESPONDS_TO between
 * two entities of one kind (practice to practice, challenge to challenge).
 */
export function strengthOf(path: PathModel): PathStrength {
  const types = path.relations.map((r) => r.type);
  if (types.length === 1 && types[0] === 'ADDRESSES') return 'DIRECT';
  const addressing = types.indexOf('ADDRESSES');
  if (addressing < 0 || types.lastIndexOf('ADDRESSES') !== addressing) return 'WEAK';
  if (path.entities[addressing]?.kind !== 'PRACTICE' || path.entities[addressing + 1]?.kind !== 'CHALLENGE') return 'WEAK';
  const sameNotion = types.every((t, i) => i === addressing || (t === 'CORRESPONDS_TO' && path.entities[i]?.kind === path.entities[i + 1]?.kind));
  return sameNotion ? 'SOUND' : 'WEAK';
}

/** The documented score (see the top of this file). */
export function practiceScore(confidence: Confidence, strength: PathStrength, agreement: number, statements: number, inferredStrength: PathStrength | null = null): number {
  const weaker = inferredStrength === null ? 0 : 1 + STRENGTH_RANK[inferredStrength];
  return 1000 * CONFIDENCE_RANK[confidence] + 100 * STRENGTH_RANK[strength] + 10 * agreement + 2 * weaker + statements / (statements + 1);
}

/** The best road among paths (null for none). */
function bestRoad(paths: readonly PathModel[]): PathStrength | null {
  return paths.map(strengthOf).sort((a, b) => STRENGTH_RANK[b] - STRENGTH_RANK[a])[0] ?? null;
}

/** The hops of a path that make the link: a relation that ADDRESSES or RESOLVES a challenge. */
export function linkingHops(path: PathModel): PathModel['relations'] {
  const kindOf = new Map(path.entities.map((e) => [e.id, e.kind]));
  return path.relations.filter((r) => (r.type === 'ADDRESSES' || r.type === 'RESOLVES') && kindOf.get(r.to) === 'CHALLENGE');
}

/** Distinct sources cited on the linking hops of the paths (see `linkingHops`). */
export function agreementOf(paths: readonly PathModel[]): number {
  const sources = new Set<string>();
  for (const p of paths) for (const r of linkingHops(p)) for (const c of r.citations) sources.add(c.source);
  return sources.size;
}

function rankOne(list: readonly PathModel[], relevance: ReadonlyMap<string, number>): RankedPracticeModel & { bestLength: number } {
  const support = dedupePaths(list);
  const practice = support[0]!.entities[0]!;
  const confidence = strongest(support.map(pathConfidence))!;
  // The evidence that decides the rank: the paths as firm as the firmest.
  const firm = support.filter((p) => pathConfidence(p) === confidence);
  const strength = bestRoad(firm)!;
  const inferredStrength = bestRoad(support.filter((p) => pathConfidence(p) !== confidence));
  const { sources, statements } = evidenceOf(firm);
  const agreement = agreementOf(firm);
  const citations = citationsOfPaths(support);
  const via = [...new Set(support.map(viaOf))].sort((a, b) => (a === 'DIRECT' ? -1 : b === 'DIRECT' ? 1 : cmp(a, b)));
  return {
    practice,
    score: practiceScore(confidence, strength, agreement, statements, inferredStrength),
    inferredStrength,
    confidence,
    strength,
    citations,
    direct: support.some((p) => strengthOf(p) === 'DIRECT'),
    sourceCount: sources,
    statementCount: statements,
    citationCount: citations.length,
    via,
    paths: support,
    agreement,
    relevance: relevance.get(practice.id) ?? 0,
    bestLength: Math.min(...firm.filter((p) => strengthOf(p) === strength).map((p) => p.length)),
  };
}

/**
 * Groups supporting paths (each from a practice, entities[0], to an asked challenge) by practice and
 * ranks them by evidence. `minConfidence` STATED keeps only paths stated at every hop.
 */
export function rankPractices(paths: readonly PathModel[], minConfidence: Confidence = 'INFERRED'): RankedPracticeModel[] {
  const byPractice = new Map<string, PathModel[]>();
  for (const p of paths) {
    const id = p.entities[0]?.id;
    if (id === undefined || !atLeast(pathConfidence(p), minConfidence)) continue;
    const list = byPractice.get(id) ?? [];
    list.push(p);
    byPractice.set(id, list);
  }
  const relevance = relevanceOf([...byPractice.values()]);
  const ranked = [...byPractice.values()].map((list) => rankOne(list, relevance));
  ranked.sort((a, b) => b.score - a.score || b.relevance - a.relevance || a.bestLength - b.bestLength || cmp(a.practice.id, b.practice.id));
  return ranked.map(({ bestLength: _, ...r }) => r);
}

/**
 * Each practice's text relevance to the challenges its paths end at (the last entity), the best of
 * them when it reaches several (recommendStack asks for many).
 */
function relevanceOf(groups: readonly (readonly PathModel[])[]): Map<string, number> {
  const practices = groups.map((g) => g[0]!.entities[0]!);
  const challenges = new Map<string, EntityModel>();
  const reaches = new Map<string, Set<string>>();
  for (const g of groups) {
    const ids = new Set<string>();
    for (const p of g) {
      const c = p.entities[p.entities.length - 1]!;
      challenges.set(c.id, c);
      ids.add(c.id);
    }
    reaches.set(g[0]!.entities[0]!.id, ids);
  }
  const out = new Map<string, number>();
  for (const c of challenges.values()) {
    for (const [id, r] of relevanceTo(c, practices)) if (reaches.get(id)?.has(c.id)) out.set(id, Math.max(out.get(id) ?? 0, r));
  }
  return out;
}
