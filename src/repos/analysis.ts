// The analysis queries' reads: each one round trip (src/cypher/analysis.ts), answered as paths and
// entities for the pure functions of src/analysis/ to rank, cover and order. `props`: the stored
// properties to read of each entity returned (null: all; see src/loaders/analysis-lookahead.ts).
import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';
import { coverageQuery, pathsQuery, practicesAddressingQuery, recommendStackQuery, STATS, type EntityProps } from '../cypher/analysis.js';
import type { EntityModel } from '../domain/model.js';
import { ORGANISATIONAL_CATEGORIES } from '../domain/organisational.js';
import { toEntity, type EntityRow, type RelationRow } from '../domain/stored-form.js';
import type { PathModel } from '../analysis/models.js';
import { toPaths, type PathIdsRow } from '../analysis/paths.js';
import type { Reader } from '../neo4j/driver.js';

/** The columns collectPaths (src/cypher/analysis.ts) returns for paths named N. */
type PathsOut<N extends string> = { [K in N]: PathIdsRow[] } & { [K in `${N}Entities`]: EntityRow[] } & { [K in `${N}Relations`]: RelationRow[] };

function pathsOf(rec: Neo4jRecord | undefined, name: string): PathModel[] {
  if (!rec) return [];
  return toPaths(rec.get(name) as PathIdsRow[], rec.get(`${name}Entities`) as EntityRow[], rec.get(`${name}Relations`) as RelationRow[]);
}

/** The kind of the asked id (null: no such entity) and, for a challenge, every path from a practice to it. */
export async function addressingPaths(db: Reader, challengeId: string, props: EntityProps = null): Promise<{ kind: string | null; paths: PathModel[] }> {
  const res = await db.read<{ kind: string | null } & PathsOut<'paths'>>(practicesAddressingQuery(props), { challengeId });
  const rec = res.records[0];
  return { kind: rec?.get('kind') ?? null, paths: pathsOf(rec as Neo4jRecord | undefined, 'paths') };
}

export interface CoverageRead {
  /** The asked practices (all when none are asked), by name. */
  readonly practices: EntityModel[];
  /** The asked tools (none when none are asked). */
  readonly tools: EntityModel[];
  /** Every support path from a tool to a practice, within the filters. */
  readonly paths: PathModel[];
  /** The graph's version read before and after (only when asked `withVersion`). */
  readonly versionBefore: string | null;
  readonly versionAfter: string | null;
}

/** Support paths between tools and practices; null filters mean all. */
export async function coveragePaths(db: Reader, toolIds: string[] | null, practiceIds: string[] | null, withVersion: boolean, props: EntityProps = null): Promise<CoverageRead> {
  const res = await db.read<{ practices: EntityRow[]; tools: EntityRow[]; versionBefore: string | null; versionAfter: string | null } & PathsOut<'paths'>>(
    coverageQuery(toolIds !== null, practiceIds !== null, withVersion, props),
    { ...(toolIds ? { toolIds } : {}), ...(practiceIds ? { practiceIds } : {}) },
  );
  const rec = res.records[0];
  return {
    practices: (rec?.get('practices') ?? []).map(toEntity),
    tools: (rec?.get('tools') ?? []).map(toEntity),
    paths: pathsOf(rec as Neo4jRecord | undefined, 'paths'),
    versionBefore: rec?.get('versionBefore') ?? null,
    versionAfter: rec?.get('versionAfter') ?? null,
  };
}

export interface StackRead {
  /** Each asked id with its kind (null: no such entity). */
  readonly asked: { id: string; kind: string | null }[];
  /** Paths from practices to any asked challenge. */
  readonly addressing: PathModel[];
  /** Support paths from every tool to those practices. */
  readonly support: PathModel[];
  /** Those practices that belong to an organisational category (src/domain/organisational.ts). */
  readonly organisational: string[];
}

export async function stackPaths(db: Reader, challengeIds: string[], props: EntityProps = null): Promise<StackRead> {
  const res = await db.read<{ asked: { id: string; kind: string | null }[]; organisational: string[] } & PathsOut<'addressing'> & PathsOut<'support'>>(recommendStackQuery(props), {
    challengeIds,
    organisationalCategories: ORGANISATIONAL_CATEGORIES,
  });
  const rec = res.records[0];
  return {
    asked: rec?.get('asked') ?? [],
    addressing: pathsOf(rec as Neo4jRecord | undefined, 'addressing'),
    support: pathsOf(rec as Neo4jRecord | undefined, 'support'),
    organisational: rec?.get('organisational') ?? [],
  };
}

/** How many least-length paths are read to choose the best `first` of (src/analysis/paths.ts orderFound). */
const PATH_CANDIDATES = 200;

/** Both ends (null when unknown) and up to PATH_CANDIDATES least-length paths between them. */
export async function pathsBetween(
  db: Reader,
  fromId: string,
  toId: string,
  maxHops: number,
  props: EntityProps = null,
): Promise<{ from: EntityModel | null; to: EntityModel | null; paths: PathModel[] }> {
  const res = await db.read<{ fromNode: EntityRow | null; toNode: EntityRow | null } & PathsOut<'paths'>>(pathsQuery(maxHops, props), {
    fromId,
    toId,
    candidates: neo4j.int(PATH_CANDIDATES),
  });
  const rec = res.records[0];
  const fromRow = rec?.get('fromNode') ?? null;
  const toRow = rec?.get('toNode') ?? null;
  return { from: fromRow && toEntity(fromRow), to: toRow && toEntity(toRow), paths: pathsOf(rec as Neo4jRecord | undefined, 'paths') };
}

export interface StatsRead {
  readonly entities: number;
  readonly relations: number;
  readonly byKind: ReadonlyMap<string, number>;
  readonly byRelation: ReadonlyMap<string, number>;
  readonly bySource: { source: EntityModel; entities: number; relations: number }[];
  readonly datasetVersion: string | null;
}

export async function graphStats(db: Reader): Promise<StatsRead> {
  const res = await db.read<{
    entities: number;
    relations: number;
    byKind: { kind: string; count: number }[];
    byRelation: { type: string; count: number }[];
    bySource: { source: EntityRow; entities: number; relations: number }[];
    datasetVersion: string | null;
  }>(STATS);
  const rec = res.records[0];
  return {
    entities: rec?.get('entities') ?? 0,
    relations: rec?.get('relations') ?? 0,
    byKind: new Map((rec?.get('byKind') ?? []).map((k) => [k.kind, k.count])),
    byRelation: new Map((rec?.get('byRelation') ?? []).map((r) => [r.type, r.count])),
    bySource: (rec?.get('bySource') ?? []).map((s) => ({ source: toEntity(s.source), entities: s.entities, relations: s.relations })),
    datasetVersion: rec?.get('datasetVersion') ?? null,
  };
}
