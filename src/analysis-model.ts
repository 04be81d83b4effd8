// Models of the analysis queries (schema/analysis.graphql) and the pure logic behind them: turning
// the paths Cypher finds into ranked practices and coverage cells, the greedy set cover of
// recommendStack, and the Lucene query of search. No database access here: src/cypher/analysis.ts
// finds the paths, src/resolvers/analysis.ts wires the two together.
import { toEntity, toRelation, type EntityRow, type RelationRow } from './cypher/rows.js';
import type { EntityKind } from './domain/ontology.js';
import type { Citation, EntityModel, RelationModel } from './model.js';

export interface PathModel {
  readonly entities: readonly EntityModel[];
  readonly relations: readonly RelationModel[];
  readonly length: number;
}

export interface SearchHitModel {
  readonly entity: EntityModel;
  readonly score: number;
}

export interface RankedPracticeModel {
  readonly practice: EntityModel;
  readonly score: number;
  readonly citations: readonly Citation[];
  readonly direct: boolean;
  readonly sourceCount: number;
  readonly citationCount: number;
  readonly via: readonly string[];
  readonly paths: readonly PathModel[];
}

export interface CoverageCellModel {
  readonly tool: EntityModel;
  readonly practice: EntityModel;
  readonly level: string;
  readonly citations: readonly Citation[];
  readonly direct: boolean;
  readonly paths: readonly PathModel[];
}

export interface CoverageModel {
  readonly tools: readonly EntityModel[];
  readonly practices: readonly EntityModel[];
  readonly cells: readonly CoverageCellModel[];
  readonly uncoveredPractices: readonly EntityModel[];
}

export interface StackStepModel {
  readonly tool: EntityModel;
  readonly newlyCovered: readonly EntityModel[];
  readonly cells: readonly CoverageCellModel[];
}

export interface StackRecommendationModel {
  readonly tools: readonly EntityModel[];
  readonly coveredPractices: readonly EntityModel[];
  readonly uncoveredPractices: readonly EntityModel[];
  readonly coverageRatio: number;
  readonly practices: readonly RankedPracticeModel[];
  readonly steps: readonly StackStepModel[];
}

export interface SourceCountModel {
  readonly source: EntityModel;
  readonly entities: number;
  readonly relations: number;
}

export interface StatsModel {
  readonly entities: number;
  readonly relations: number;
  readonly datasetVersion: string;
  readonly byKind: readonly { kind: EntityKind; count: number }[];
  readonly byRelation: readonly { type: string; count: number }[];
  readonly bySource: readonly SourceCountModel[];
}

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

// ---- order helpers ------------------------------------------------------------------------------

/** Name order as the lists use it (case-insensitive name, then id): the graph's sortKey order. */
export function byName(a: EntityModel, b: EntityModel): number {
  return cmp(a.name.toLowerCase(), b.name.toLowerCase()) || cmp(a.id, b.id);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const pathKey = (p: PathModel) => p.entities.map((e) => e.id).join(' ') + ' | ' + p.relations.map((r) => r.id).join(' ');

function byLengthThenKey(a: PathModel, b: PathModel): number {
  return a.length - b.length || cmp(pathKey(a), pathKey(b));
}

// ---- evidence -----------------------------------------------------------------------------------

const citationKey = (c: Citation) => JSON.stringify([c.source, c.locator, c.digestId, c.confidence]);

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

/** How a supporting path links a practice to the challenge: DIRECT, or VIA_ + the kinds in between. */
export function viaOf(path: PathModel): string {
  if (path.length === 1) return 'DIRECT';
  return 'VIA_' + path.entities.slice(1, -1).map((e) => e.kind).join('+');
}

/** The documented score: 100 × direct + 10 × sources + citations / (citations + 1). */
export function practiceScore(direct: boolean, sources: number, citations: number): number {
  return (direct ? 100 : 0) + 10 * sources + citations / (citations + 1);
}

function dedupePaths(paths: readonly PathModel[]): PathModel[] {
  const byKey = new Map<string, PathModel>();
  for (const p of paths) byKey.set(pathKey(p), p);
  return [...byKey.values()].sort(byLengthThenKey);
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

// ---- coverage -----------------------------------------------------------------------------------

/** The level a derived path gives: via a component when one is on the path, else via the kind next to the tool. */
export function derivedLevel(path: PathModel): string {
  const between = path.entities.slice(1, -1);
  if (between.some((e) => e.kind === 'COMPONENT')) return 'DERIVED_VIA_COMPONENT';
  return `DERIVED_VIA_${between[0]?.kind ?? 'UNKNOWN'}`;
}

/**
 * Builds one cell per (tool, practice) from supporting paths (each from a tool, entities[0], to a
 * practice, the last entity). A path of one relation is the source's own SUPPORTS statement.
 */
export function buildCells(paths: readonly PathModel[]): CoverageCellModel[] {
  const byPair = new Map<string, PathModel[]>();
  for (const p of paths) {
    const tool = p.entities[0];
    const practice = p.entities[p.entities.length - 1];
    if (!tool || !practice) continue;
    const key = JSON.stringify([tool.id, practice.id]);
    const list = byPair.get(key) ?? [];
    list.push(p);
    byPair.set(key, list);
  }
  const cells = [...byPair.values()].map((list): CoverageCellModel => {
    const support = dedupePaths(list);
    const first = support[0]!;
    const directPath = support.find((p) => p.length === 1);
    const level = directPath
      ? (directPath.relations[0]?.level ?? 'DIRECT')
      : support.map(derivedLevel).sort((a, b) => cmp(a, b))[0]!;
    return {
      tool: first.entities[0]!,
      practice: first.entities[first.entities.length - 1]!,
      level,
      citations: citationsOfPaths(support),
      direct: directPath !== undefined,
      paths: support,
    };
  });
  return cells.sort((a, b) => byName(a.tool, b.tool) || byName(a.practice, b.practice));
}

/** The coverage matrix of these tools and practices: cells on both, and the practices with none. */
export function coverageOf(tools: readonly EntityModel[], practices: readonly EntityModel[], cells: readonly CoverageCellModel[]): CoverageModel {
  const toolIds = new Set(tools.map((t) => t.id));
  const practiceIds = new Set(practices.map((p) => p.id));
  const inside = cells.filter((c) => toolIds.has(c.tool.id) && practiceIds.has(c.practice.id));
  const covered = new Set(inside.map((c) => c.practice.id));
  return {
    tools: [...tools].sort(byName),
    practices: [...practices].sort(byName),
    cells: inside,
    uncoveredPractices: practices.filter((p) => !covered.has(p.id)).sort(byName),
  };
}

/** The tools that have at least one cell, by name. */
export function toolsOfCells(cells: readonly CoverageCellModel[]): EntityModel[] {
  const byId = new Map<string, EntityModel>();
  for (const c of cells) byId.set(c.tool.id, c.tool);
  return [...byId.values()].sort(byName);
}

// ---- recommendStack -----------------------------------------------------------------------------

/**
 * Greedy set cover of `practices` by the tools of `cells`: each step takes the tool that covers the
 * most practices not yet covered; ties go to more evidence (distinct citations of its cells on those
 * practices), then to the smaller id. Stops after `maxTools` picks or when no tool adds a practice.
 */
export function greedyStack(
  practices: readonly RankedPracticeModel[],
  cells: readonly CoverageCellModel[],
  maxTools: number,
): StackRecommendationModel {
  const wanted = new Map(practices.map((r) => [r.practice.id, r.practice]));
  const cellsByTool = new Map<string, CoverageCellModel[]>();
  for (const c of cells) {
    if (!wanted.has(c.practice.id)) continue;
    const list = cellsByTool.get(c.tool.id) ?? [];
    list.push(c);
    cellsByTool.set(c.tool.id, list);
  }
  const covered = new Set<string>();
  const steps: StackStepModel[] = [];
  while (steps.length < maxTools) {
    let best: { tool: EntityModel; cells: CoverageCellModel[]; evidence: number } | undefined;
    for (const toolCells of cellsByTool.values()) {
      const fresh = toolCells.filter((c) => !covered.has(c.practice.id));
      if (fresh.length === 0) continue;
      const evidence = new Set(fresh.flatMap((c) => c.citations.map(citationKey))).size;
      const tool = fresh[0]!.tool;
      if (
        !best ||
        fresh.length > best.cells.length ||
        (fresh.length === best.cells.length && (evidence > best.evidence || (evidence === best.evidence && tool.id < best.tool.id)))
      ) {
        best = { tool, cells: fresh, evidence };
      }
    }
    if (!best) break;
    for (const c of best.cells) covered.add(c.practice.id);
    cellsByTool.delete(best.tool.id);
    steps.push({ tool: best.tool, newlyCovered: best.cells.map((c) => c.practice).sort(byName), cells: best.cells });
  }
  const all = [...wanted.values()];
  return {
    tools: steps.map((s) => s.tool),
    coveredPractices: all.filter((p) => covered.has(p.id)).sort(byName),
    uncoveredPractices: all.filter((p) => !covered.has(p.id)).sort(byName),
    coverageRatio: all.length === 0 ? 1 : covered.size / all.length,
    practices,
    steps,
  };
}

// ---- search -------------------------------------------------------------------------------------

/** Characters with a meaning in Lucene's query syntax (plus the two-character && and ||). */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(term: string): string {
  return term.replace(LUCENE_SPECIAL, (ch) => `\\${ch}`);
}

export const MAX_SEARCH_WORDS = 12;

/** The words of a user's search text: runs of letters and digits, lower-cased, once each. */
export function searchWords(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, MAX_SEARCH_WORDS);
}

/**
 * A Lucene query for the full-text index, or null when the text has no word. Each word matches
 * exactly (boost 2, and 4 more in the name), as a prefix (3+ characters) and with a typo (one edit
 * for 4-5 characters, two for longer); all words together as a phrase score highest (in the name
 * most). Words hold only letters and digits (and are escaped besides), and are lower-cased so AND,
 * OR and NOT are never operators.
 */
export function luceneQuery(text: string): string | null {
  const words = searchWords(text);
  if (words.length === 0) return null;
  const clauses = words.map((w) => {
    const t = escapeLucene(w);
    const parts = [`name:${t}^4`, `${t}^2`];
    if (w.length >= 3) parts.push(`${t}*`);
    if (w.length >= 4) parts.push(`${t}~${w.length >= 6 ? 2 : 1}`);
    return `(${parts.join(' OR ')})`;
  });
  if (words.length > 1) {
    const phrase = `"${words.map(escapeLucene).join(' ')}"`;
    clauses.unshift(`name:${phrase}^6`, `${phrase}^3`);
  }
  return clauses.join(' OR ');
}
