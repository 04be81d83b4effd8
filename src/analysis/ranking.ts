// Ranking the practices that address a challenge by the evidence of the paths that link them (no I/O).
//
// Each path runs from a practice to the asked challenge along a road the ontology makes sound or weak
// (seed/README.md §9): DIRECT (the practice ADDRESSES the challenge), SOUND (it ADDRESSES a challenge
// that CORRESPONDS_TO the asked one), WEAK (through a practice category, a principle or component, a
// solution, or a broader, narrower or overlapping challenge). A practice ranks by, in order:
//   1. confidence: STATED when at least one of its paths is stated at every hop (weakest hop counts);
//   2. strength: the best road among its paths of that confidence (DIRECT > SOUND > WEAK);
//   3. distinct sources, then 4. distinct statements (source, digest row) cited along those paths;
//   5. the length of its shortest such path; then id.
// score = 1000 × stated + 100 × strength (2, 1, 0) + 10 × sources + statements / (statements + 1):
// it orders practices as the ranking does (the graph has fewer than ten sources); equal scores fall back
// to the shorter path, then the id.
import type { Confidence } from '../domain/citation.js';
import { atLeast, CONFIDENCE_RANK, evidenceOf, pathConfidence, strongest } from './evidence.js';
import type { PathModel, PathStrength, RankedPracticeModel } from './models.js';
import { citationsOfPaths, cmp, dedupePaths } from './paths.js';

/** How a supporting path links a practice to the challenge: DIRECT, or VIA_ + the kinds in between. */
export function viaOf(path: PathModel): string {
  if (path.length === 1) return 'DIRECT';
  return 'VIA_' + path.entities.slice(1, -1).map((e) => e.kind).join('+');
}

const STRENGTH_RANK: Record<PathStrength, number> = { DIRECT: 2, SOUND: 1, WEAK: 0 };

/** The road a practice -> challenge path takes (see the top of this file). */
export function strengthOf(path: PathModel): PathStrength {
  const types = path.relations.map((r) => r.type);
  if (types.length === 1 && types[0] === 'ADDRESSES') return 'DIRECT';
  if (types.length === 2 && types[0] === 'ADDRESSES' && types[1] === 'CORRESPONDS_TO' && path.entities[1]?.kind === 'CHALLENGE') return 'SOUND';
  return 'WEAK';
}

/** The documented score (see the top of this file). */
export function practiceScore(confidence: Confidence, strength: PathStrength, sources: number, statements: number): number {
  return 1000 * CONFIDENCE_RANK[confidence] + 100 * STRENGTH_RANK[strength] + 10 * sources + statements / (statements + 1);
}

function rankOne(list: readonly PathModel[]): RankedPracticeModel & { bestLength: number } {
  const support = dedupePaths(list);
  const practice = support[0]!.entities[0]!;
  const confidence = strongest(support.map(pathConfidence))!;
  // The evidence that decides the rank: the paths as firm as the firmest.
  const firm = support.filter((p) => pathConfidence(p) === confidence);
  const strength = firm.map(strengthOf).sort((a, b) => STRENGTH_RANK[b] - STRENGTH_RANK[a])[0]!;
  const { sources, statements } = evidenceOf(firm);
  const citations = citationsOfPaths(support);
  const via = [...new Set(support.map(viaOf))].sort((a, b) => (a === 'DIRECT' ? -1 : b === 'DIRECT' ? 1 : cmp(a, b)));
  return {
    practice,
    score: practiceScore(confidence, strength, sources, statements),
    confidence,
    strength,
    citations,
    direct: support.some((p) => strengthOf(p) === 'DIRECT'),
    sourceCount: sources,
    statementCount: statements,
    citationCount: citations.length,
    via,
    paths: support,
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
  const ranked = [...byPractice.values()].map(rankOne);
  ranked.sort((a, b) => b.score - a.score || a.bestLength - b.bestLength || cmp(a.practice.id, b.practice.id));
  return ranked.map(({ bestLength: _, ...r }) => r);
}
