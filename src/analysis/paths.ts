// Paths through the graph as the analysis queries see them: built from stored rows, ordered,
// deduplicated, and the evidence they carry (distinct citations of distinct relations).
import type { Citation } from '../domain/citation.js';
import type { EntityModel } from '../domain/model.js';
import { toEntity, toRelation, type EntityRow, type RelationRow } from '../domain/stored-form.js';
import type { PathModel } from './models.js';

/** A path with its entity and relation rows inline (src/cypher/export.ts returns these). */
export interface PathRow {
  readonly nodes: EntityRow[];
  readonly rels: RelationRow[];
}

export function toPath(row: PathRow): PathModel {
  return { entities: row.nodes.map(toEntity), relations: row.rels.map(toRelation), length: row.rels.length };
}

/** A path as the analysis Cypher returns it: the ids of its entities and of the relations between them. */
export interface PathIdsRow {
  readonly nodes: string[];
  readonly rels: string[];
}

/**
 * Paths from their rows and the entities and relations on them (each returned once by the query,
 * src/cypher/analysis.ts); every path shares the models of the entities and relations it goes through.
 */
export function toPaths(rows: readonly PathIdsRow[], entities: readonly EntityRow[], relations: readonly RelationRow[]): PathModel[] {
  const entityById = new Map(entities.map((e) => [e.id, toEntity(e)]));
  const relationById = new Map(relations.map((r) => [r.id, toRelation(r)]));
  const get = <T>(map: Map<string, T>, id: string): T => {
    const found = map.get(id);
    if (found === undefined) throw new Error(`a path names ${id}, which the query did not return`);
    return found;
  };
  return rows.map((row) => ({
    entities: row.nodes.map((id) => get(entityById, id)),
    relations: row.rels.map((id) => get(relationById, id)),
    length: row.rels.length,
  }));
}

/** Every entity a set of paths mentions, once each (to prime the entity loader with). */
export function entitiesOf(paths: readonly PathModel[]): EntityModel[] {
  const byId = new Map<string, EntityModel>();
  for (const p of paths) for (const e of p.entities) byId.set(e.id, e);
  return [...byId.values()];
}

/** Name order as the lists use it (case-insensitive name, then id): the graph's sortKey order. */
export function byName(a: EntityModel, b: EntityModel): number {
  return cmp(a.name.toLowerCase(), b.name.toLowerCase()) || cmp(a.id, b.id);
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const pathKey = (p: PathModel) => p.entities.map((e) => e.id).join(' ') + ' | ' + p.relations.map((r) => r.id).join(' ');

export function byLengthThenKey(a: PathModel, b: PathModel): number {
  return a.length - b.length || cmp(pathKey(a), pathKey(b));
}

export const citationKey = (c: Citation) => JSON.stringify([c.source, c.locator, c.digestId, c.confidence]);

/** The distinct citations of every distinct relation of the paths (a relation on two paths counts once). */
export function citationsOfPaths(paths: readonly PathModel[]): Citation[] {
  const seenRelations = new Set<string>();
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const p of paths) {
    for (const r of p.relations) {
      if (seenRelations.has(r.id)) continue;
      seenRelations.add(r.id);
      for (const c of r.citations) {
        const k = citationKey(c);
        if (!seen.has(k)) {
          seen.add(k);
          out.push(c);
        }
      }
    }
  }
  return out;
}

/** Each distinct path once, shortest first, then in a stable order. */
export function dedupePaths(paths: readonly PathModel[]): PathModel[] {
  const byKey = new Map<string, PathModel>();
  for (const p of paths) byKey.set(pathKey(p), p);
  return [...byKey.values()].sort(byLengthThenKey);
}

/**
 * The paths `paths` answers, best first: stated at every hop first, then shorter, then more distinct
 * statements along them, then by the ids along them (a stable order); the first `first`.
 */
export function orderFound(paths: readonly PathModel[], first: number): PathModel[] {
  const stated = (p: PathModel) => (p.relations.every((r) => r.confidence === 'STATED') ? 1 : 0);
  const statements = (p: PathModel) => new Set(p.relations.flatMap((r) => r.citations.map((c) => `${c.source}\u0000${c.digestId}`))).size;
  return [...paths]
    .map((p) => ({ p, s: stated(p), n: statements(p), k: pathKey(p) }))
    .sort((a, b) => b.s - a.s || a.p.length - b.p.length || b.n - a.n || cmp(a.k, b.k))
    .slice(0, first)
    .map((x) => x.p);
}
