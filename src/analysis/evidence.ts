// How strong a path is as evidence (no I/O). A path is as strong as its weakest hop: its confidence is
// STATED only when every relation on it is stated by a source. Evidence is counted in statements (a
// source's digest row), not edges: one sentence expanded into many edges is one statement
// (seed/README.md §9 "Statements, not edges").
import type { Confidence } from '../domain/citation.js';
import type { PathModel } from './models.js';

/** STATED when every hop of the path is stated by a source; INFERRED when any hop is a reconstruction. */
export function pathConfidence(path: PathModel): Confidence {
  return path.relations.every((r) => r.confidence === 'STATED') ? 'STATED' : 'INFERRED';
}

/** Confidence order: STATED above INFERRED. */
export const CONFIDENCE_RANK: Record<Confidence, number> = { STATED: 1, INFERRED: 0 };

/** Whether `c` is at least as firm as `min` (INFERRED admits everything). */
export function atLeast(c: Confidence, min: Confidence): boolean {
  return CONFIDENCE_RANK[c] >= CONFIDENCE_RANK[min];
}

/** The firmer of the confidences (null for none). */
export function strongest(cs: Iterable<Confidence>): Confidence | null {
  let best: Confidence | null = null;
  for (const c of cs) if (best === null || CONFIDENCE_RANK[c] > CONFIDENCE_RANK[best]) best = c;
  return best;
}

/** The distinct statements (source, digest row) and sources that the relations of the paths cite. */
export function evidenceOf(paths: readonly PathModel[]): { statements: number; sources: number } {
  const statements = new Set<string>();
  const sources = new Set<string>();
  const seen = new Set<string>();
  for (const p of paths) {
    for (const r of p.relations) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      for (const c of r.citations) {
        statements.add(`${c.source}\u0000${c.digestId}`);
        sources.add(c.source);
      }
    }
  }
  return { statements: statements.size, sources: sources.size };
}
