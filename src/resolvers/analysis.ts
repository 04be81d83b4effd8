// Query fields of schema/analysis.graphql. Thin: check the arguments, run one Cypher round trip
// (src/cypher/analysis.ts), shape the answer (src/analysis-model.ts), and prime the entity loader
// with every entity returned, so nested fields cost no extra round trip.
import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';
import {
  buildCells,
  coverageOf,
  entitiesOf,
  greedyStack,
  luceneQuery,
  rankPractices,
  toPaths,
  toolsOfCells,
  type CoverageModel,
  type PathModel,
  type PathIdsRow,
  type RankedPracticeModel,
  type SearchHitModel,
  type StackRecommendationModel,
  type StatsModel,
} from '../analysis-model.js';
import { coverageQuery, pathsQuery, PRACTICES_ADDRESSING, RECOMMEND_STACK, SEARCH, STATS } from '../cypher/analysis.js';
import { VersionedCache, versionOf } from '../analysis-cache.js';
import { toEntity, type EntityRow, type RelationRow } from '../cypher/rows.js';
import { ENTITY_KINDS, RELATION_TYPES, type EntityKind } from '../domain/ontology.js';
import type { RequestContext } from '../context.js';
import type { QueryResolvers } from '../generated/graphql.js';
import type { EntityModel } from '../model.js';
import { FULLTEXT_INDEX } from '../neo4j/setup.js';
import { badInput, intInRange, quoted } from './errors.js';
import { MAX_IDS } from './query-entities.js';

export const MAX_SEARCH_TEXT = 200;

/** The columns collectPaths (src/cypher/analysis.ts) returns for paths named N. */
type PathsOut<N extends string> = { [K in N]: PathIdsRow[] } & { [K in `${N}Entities`]: EntityRow[] } & { [K in `${N}Relations`]: RelationRow[] };

function pathsOf(rec: Neo4jRecord | undefined, name: string): PathModel[] {
  if (!rec) return [];
  return toPaths(rec.get(name) as PathIdsRow[], rec.get(`${name}Entities`) as EntityRow[], rec.get(`${name}Relations`) as RelationRow[]);
}

function prime(ctx: RequestContext, entities: Iterable<EntityModel>): void {
  for (const e of entities) ctx.loaders.entity.prime(e.id, e);
}

/** A required id argument: not blank. */
function idArg(argument: string, value: string): string {
  const id = value.trim();
  if (id === '') throw badInput(argument, 'must not be blank');
  return id;
}

/** An optional list of ids: deduplicated; null when absent or empty (meaning "all"). */
function idListArg(argument: string, values: readonly string[] | null | undefined): string[] | null {
  if (!values || values.length === 0) return null;
  const ids = [...new Set(values.map((v) => v.trim()))];
  if (ids.length > MAX_IDS) throw badInput(argument, `at most ${MAX_IDS} ids, got ${ids.length}`);
  return ids;
}

function requireFound(argument: string, kindName: string, asked: readonly string[], found: readonly EntityModel[]): void {
  const have = new Set(found.map((e) => e.id));
  const missing = asked.filter((id) => !have.has(id));
  if (missing.length > 0) throw badInput(argument, `not the id of any ${kindName}: ${missing.slice(0, 10).map((m) => quoted(m)).join(', ')}`);
}

async function search(args: { text: string; kinds?: readonly EntityKind[] | null; first?: number | null }, ctx: RequestContext): Promise<SearchHitModel[]> {
  const first = intInRange('first', args.first, 1, 50, 10);
  const text = args.text.trim();
  if (text === '') throw badInput('text', 'must not be blank');
  if (text.length > MAX_SEARCH_TEXT) throw badInput('text', `at most ${MAX_SEARCH_TEXT} characters, got ${text.length}`);
  const query = luceneQuery(text);
  if (query === null) return [];
  const kinds = args.kinds && args.kinds.length > 0 ? [...new Set(args.kinds)] : null;
  const res = await ctx.db.read<{ node: EntityRow; score: number }>(SEARCH, { index: FULLTEXT_INDEX, query, kinds, first: neo4j.int(first) });
  const hits = res.records.map((r) => ({ entity: toEntity(r.get('node')), score: r.get('score') }));
  prime(ctx, hits.map((h) => h.entity));
  return hits;
}

async function practicesAddressing(args: { challengeId: string; first?: number | null }, ctx: RequestContext): Promise<RankedPracticeModel[]> {
  const challengeId = idArg('challengeId', args.challengeId);
  const first = intInRange('first', args.first, 1, 100, 20);
  const res = await ctx.db.read<{ kind: string | null } & PathsOut<'paths'>>(PRACTICES_ADDRESSING, { challengeId });
  const rec = res.records[0];
  const kind = rec?.get('kind') ?? null;
  if (kind !== 'CHALLENGE') {
    throw badInput('challengeId', kind === null ? `no entity has id ${quoted(challengeId)}` : `${quoted(challengeId)} is a ${kind}, not a CHALLENGE`);
  }
  const paths = pathsOf(rec as Neo4jRecord | undefined, 'paths');
  prime(ctx, entitiesOf(paths));
  return rankPractices(paths).slice(0, first);
}

/** The full matrix (no ids asked) per dataset version: it changes only when the graph is re-seeded. */
const fullCoverage = new VersionedCache<{ model: CoverageModel; entities: EntityModel[] }>(
  // At most 5,000 paths (~10 MB; the curated graph has ~130, its ×10 synthetic growth ~1,300):
  // larger matrices are computed per request, to keep the process's memory bounded.
  5_000,
  (v) => v.model.cells.reduce((n, c) => n + c.paths.length, 0),
);

async function coverage(args: { toolIds?: readonly string[] | null; practiceIds?: readonly string[] | null }, ctx: RequestContext): Promise<CoverageModel> {
  const toolIds = idListArg('toolIds', args.toolIds);
  const practiceIds = idListArg('practiceIds', args.practiceIds);
  const full = toolIds === null && practiceIds === null;
  const compute = async () => {
    const res = await ctx.db.read<{ practices: EntityRow[]; tools: EntityRow[]; versionBefore: string | null; versionAfter: string | null } & PathsOut<'paths'>>(
      coverageQuery(toolIds !== null, practiceIds !== null, full),
      { ...(toolIds ? { toolIds } : {}), ...(practiceIds ? { practiceIds } : {}) },
    );
    const rec = res.records[0];
    const practices = (rec?.get('practices') ?? []).map(toEntity);
    const askedTools = (rec?.get('tools') ?? []).map(toEntity);
    if (practiceIds) requireFound('practiceIds', 'PRACTICE', practiceIds, practices);
    if (toolIds) requireFound('toolIds', 'TOOL', toolIds, askedTools);
    const paths = pathsOf(rec as Neo4jRecord | undefined, 'paths');
    const cells = buildCells(paths);
    const tools = toolIds ? askedTools : toolsOfCells(cells);
    return {
      value: { model: coverageOf(tools, practices, cells), entities: [...practices, ...tools, ...entitiesOf(paths)] },
      version: versionOf(rec?.get('versionBefore') ?? null, rec?.get('versionAfter') ?? null),
    };
  };
  const { model, entities } = full ? await fullCoverage.get(ctx.db, 'all', compute) : (await compute()).value;
  prime(ctx, entities);
  return model;
}

async function recommendStack(args: { challengeIds: readonly string[]; maxTools?: number | null }, ctx: RequestContext): Promise<StackRecommendationModel> {
  const maxTools = intInRange('maxTools', args.maxTools, 1, 50, 5);
  const challengeIds = [...new Set(args.challengeIds.map((v) => v.trim()))];
  if (challengeIds.length === 0) throw badInput('challengeIds', 'give at least one challenge id');
  if (challengeIds.length > MAX_IDS) throw badInput('challengeIds', `at most ${MAX_IDS} ids, got ${challengeIds.length}`);
  const res = await ctx.db.read<{ asked: { id: string; kind: string | null }[] } & PathsOut<'addressing'> & PathsOut<'support'>>(RECOMMEND_STACK, {
    challengeIds,
  });
  const rec = res.records[0];
  const wrong = (rec?.get('asked') ?? []).filter((a) => a.kind !== 'CHALLENGE').map((a) => a.id);
  if (wrong.length > 0) throw badInput('challengeIds', `not the id of any CHALLENGE: ${wrong.slice(0, 10).map((w) => quoted(w)).join(', ')}`);
  const addressing = pathsOf(rec as Neo4jRecord | undefined, 'addressing');
  const support = pathsOf(rec as Neo4jRecord | undefined, 'support');
  prime(ctx, [...entitiesOf(addressing), ...entitiesOf(support)]);
  return greedyStack(rankPractices(addressing), buildCells(support), maxTools);
}

async function paths(
  args: { fromId: string; toId: string; maxHops?: number | null; first?: number | null },
  ctx: RequestContext,
): Promise<PathModel[]> {
  const fromId = idArg('fromId', args.fromId);
  const toId = idArg('toId', args.toId);
  const maxHops = intInRange('maxHops', args.maxHops, 1, 6, 4);
  const first = intInRange('first', args.first, 1, 20, 5);
  const res = await ctx.db.read<{ fromNode: EntityRow | null; toNode: EntityRow | null } & PathsOut<'paths'>>(pathsQuery(maxHops), {
    fromId,
    toId,
    first: neo4j.int(first),
  });
  const rec = res.records[0];
  const fromRow = rec?.get('fromNode') ?? null;
  const toRow = rec?.get('toNode') ?? null;
  if (!fromRow) throw badInput('fromId', `no entity has id ${quoted(fromId)}`);
  if (!toRow) throw badInput('toId', `no entity has id ${quoted(toId)}`);
  if (fromId === toId) {
    const e = toEntity(fromRow);
    prime(ctx, [e]);
    return [{ entities: [e], relations: [], length: 0 }];
  }
  const found = pathsOf(rec as Neo4jRecord | undefined, 'paths');
  prime(ctx, entitiesOf(found));
  return found;
}

async function stats(ctx: RequestContext): Promise<StatsModel> {
  const res = await ctx.db.read<{
    entities: number;
    relations: number;
    byKind: { kind: string; count: number }[];
    byRelation: { type: string; count: number }[];
    bySource: { source: EntityRow; entities: number; relations: number }[];
    datasetVersion: string | null;
  }>(STATS);
  const rec = res.records[0];
  const kindCounts = new Map((rec?.get('byKind') ?? []).map((k) => [k.kind, k.count]));
  const relationCounts = new Map((rec?.get('byRelation') ?? []).map((r) => [r.type, r.count]));
  const bySource = (rec?.get('bySource') ?? []).map((s) => ({ source: toEntity(s.source), entities: s.entities, relations: s.relations }));
  prime(ctx, bySource.map((s) => s.source));
  return {
    entities: rec?.get('entities') ?? 0,
    relations: rec?.get('relations') ?? 0,
    datasetVersion: rec?.get('datasetVersion') ?? 'unknown',
    byKind: ENTITY_KINDS.map((kind) => ({ kind, count: kindCounts.get(kind) ?? 0 })),
    byRelation: RELATION_TYPES.map((type) => ({ type, count: relationCounts.get(type) ?? 0 })),
    bySource,
  };
}

export function analysisQueryResolvers() {
  return {
    search: (_: unknown, args: Parameters<typeof search>[0], ctx: RequestContext) => search(args, ctx),
    practicesAddressing: (_: unknown, args: Parameters<typeof practicesAddressing>[0], ctx: RequestContext) => practicesAddressing(args, ctx),
    coverage: (_: unknown, args: Parameters<typeof coverage>[0], ctx: RequestContext) => coverage(args, ctx),
    recommendStack: (_: unknown, args: Parameters<typeof recommendStack>[0], ctx: RequestContext) => recommendStack(args, ctx),
    paths: (_: unknown, args: Parameters<typeof paths>[0], ctx: RequestContext) => paths(args, ctx),
    stats: (_: unknown, _args: unknown, ctx: RequestContext) => stats(ctx),
  } satisfies QueryResolvers;
}
