// Ranking the practices that address a challenge, from the paths that link them (no I/O).
import type { PathModel, RankedPracticeModel } from './models.js';
import { byName, citationsOfPaths, cmp, dedupePaths } from './paths.js';

/** How a supporting path links a practice to the challenge: DIRECT, or VIA_ + the kinds in between. */
export function viaOf(path: PathModel): string {
  if (path.length === 1) return 'DIRECT';
  return 'VIA_' + path.entities.slice(1, -1).map((e) => e.kind).join('+');
}

/** The documented score: 100 × direct + 10 × sources + citations / (citations + 1). */
export function practiceScore(direct: boolean, sources: number, citations: number): number {
  return (direct ? 100 : 0) + 10 * sources + citations / (citations + 1);
}

/**
 * Groups supporting paths (each from a practice, entities[0], to an asked challenge) by practice and
 * ranks them: direct first, then distinct sources, then citations, then name, then id. A path of
 * one relation is direct: the practice ADDRESSES an asked challenge itself.
 */
export function rankPractices(paths: readonly PathModel[]): RankedPracticeModel[] {
  const byPractice = new Map<string, PathModel[]>();
  for (const p of paths) {
    const id = p.entities[0]?.id;
    if (id === undefined) continue;
    const list = byPractice.get(id) ?? [];
    list.push(p);
    byPractice.set(id, list);
  }
  const ranked = [...byPractice.values()].map((list): RankedPracticeModel => {
    const support = dedupePaths(list);
    const practice = support[0]!.entities[0]!;
    const citations = citationsOfPaths(support);
    const sourceCount = new Set(citations.map((c) => c.source)).size;
    const direct = support.some((p) => p.length === 1);
    const via = [...new Set(support.map(viaOf))].sort((a, b) => (a === 'DIRECT' ? -1 : b === 'DIRECT' ? 1 : cmp(a, b)));
    return {
      practice,
      score: practiceScore(direct, sourceCount, citations.length),
      citations,
      direct,
      sourceCount,
      citationCount: citations.length,
      via,
      paths: support,
    };
  });
  return ranked.sort(
    (a, b) =>
      Number(b.direct) - Number(a.direct) ||
      b.sourceCount - a.sourceCount ||
      b.citationCount - a.citationCount ||
      byName(a.practice, b.practice),
  );
}
