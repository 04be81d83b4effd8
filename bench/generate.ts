// Synthetic growth of the curated dataset: ×N with the same kinds, the same relation mix and the
// same degree distribution, deterministic for a given seed, loaded by the same loader
// (src/seed/loader.ts) as the real seed, or imported in bulk (bench/bulk-import.ts).
//
// How it grows the graph:
//   - the three sources are not copied: every new entity cites the same papers;
//   - clone 0 IS the curated dataset (same ids, same content), so every id the tests, the README
//     and the benchmark queries use exists at every scale;
//   - clones 1..N-1 hold, for every other curated entity, a new entity of the same kind under a
//     suffixed id (`practice:foo` -> `practice:foo-x17`), with a NEW name, summary and aliases drawn
//     from the curated vocabulary (bench/vocabulary.ts: a new tool gets a coined name, a new practice
//     a name in the field's words), the same attributes and citations;
//   - each relation of clone c keeps its type and its start (the start's clone c); its end is the
//     same clone's entity, except with probability `crossRate` (default 5 %) one in a random other
//     clone. Out-degree per type is preserved exactly, in-degree per type in expectation (the curated
//     graph's degree distributions), and the clones are knitted into one connected graph. Relation
//     ids follow from (type, from, to) and stay unique: a relation's copies differ in their start.
import { hashOf, type Dataset, type DatasetEntity, type DatasetRelation } from '../src/seed/dataset.js';
import { relationId } from '../src/domain/ontology.js';
import { buildVocabulary, initialsOf, syntheticName, syntheticSummary } from './vocabulary.js';

export interface ScaleOptions {
  /** PRNG seed: the same seed gives the same graph. */
  readonly seed?: number;
  /** Share of relations (in clones 1..N-1) whose end is moved to another clone. */
  readonly crossRate?: number;
}

export const SCALES = [1, 10, 100, 1000] as const;

/** mulberry32: a small, fast, seedable PRNG (deterministic across platforms). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function cloneId(id: string, c: number): string {
  return c === 0 || id.startsWith('source:') ? id : `${id}-x${c}`;
}

/** The curated dataset grown ×`scale`; `scale` 1 returns it unchanged. */
export function scaleDataset(base: Dataset, scale: number, options: ScaleOptions = {}): Dataset {
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`scale must be a positive integer, got ${scale}`);
  if (scale === 1) return base;
  const rand = prng(options.seed ?? 20240601);
  const crossRate = options.crossRate ?? 0.05;

  // Texts from their own stream: the relations' ends do not depend on how texts are drawn.
  const textRand = prng((options.seed ?? 20240601) ^ 0x5eed);
  const vocab = buildVocabulary(base.entities);
  // Coined words to draw from: more material brings more new words.
  const text = { pool: 1000 + 100 * scale };
  const entities: DatasetEntity[] = [];
  for (const e of base.entities) {
    if (e.kind === 'SOURCE') {
      entities.push(e);
      continue;
    }
    entities.push(e);
    for (let c = 1; c < scale; c++) {
      const name = syntheticName(vocab, e.kind, textRand, text);
      const initials = e.aliases.length > 0 ? initialsOf(name) : null;
      entities.push({
        ...e,
        id: cloneId(e.id, c),
        name,
        summary: e.summary === null ? null : syntheticSummary(vocab, e.kind, textRand, text),
        aliases: initials && initials.length > 1 ? [initials] : [],
      });
    }
  }

  const relations: DatasetRelation[] = [];
  for (const r of base.relations) relations.push(r);
  for (let c = 1; c < scale; c++) {
    for (const r of base.relations) {
      const from = cloneId(r.from, c);
      let toClone = c;
      if (rand() < crossRate) toClone = Math.floor(rand() * scale);
      const to = cloneId(r.to, toClone);
      relations.push({ ...r, id: relationId(r.type, from, to), from, to });
    }
  }

  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  entities.sort(byId);
  relations.sort(byId);
  for (let i = 1; i < entities.length; i++) if (entities[i]!.id === entities[i - 1]!.id) throw new Error(`duplicate entity id ${entities[i]!.id}`);
  for (let i = 1; i < relations.length; i++) if (relations[i]!.id === relations[i - 1]!.id) throw new Error(`duplicate relation id ${relations[i]!.id}`);
  return { entities, relations, ledger: base.ledger, contentHash: hashOf(entities, relations) };
}


/** Counts per kind and per relation type, and the degree histogram: to show the mix is kept. */
export function profile(ds: Dataset): {
  entities: number;
  relations: number;
  byKind: Record<string, number>;
  byType: Record<string, number>;
  meanDegree: number;
  maxDegree: number;
} {
  const byKind: Record<string, number> = {};
  const byType: Record<string, number> = {};
  const degree = new Map<string, number>();
  for (const e of ds.entities) byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
  for (const r of ds.relations) {
    byType[r.type] = (byType[r.type] ?? 0) + 1;
    degree.set(r.from, (degree.get(r.from) ?? 0) + 1);
    degree.set(r.to, (degree.get(r.to) ?? 0) + 1);
  }
  let max = 0;
  for (const d of degree.values()) max = Math.max(max, d);
  return { entities: ds.entities.length, relations: ds.relations.length, byKind, byType, meanDegree: (2 * ds.relations.length) / ds.entities.length, maxDegree: max };
}
