// Query fields of schema/analysis.graphql. Thin: check the arguments, read the paths through a
// repository (one round trip), shape the answer with the pure functions of src/analysis/, and prime
// the entity loader with every entity returned, so nested fields cost no extra round trip.
// Each read asks only the entity properties the selection and the analysis need
// (src/loaders/analysis-lookahead.ts); entities read with fewer than all are not primed.
import { buildCells, coverageOf, stackRoad, toolAdmitted, toolsOfCells } from '../analysis/coverage.js';
import type { CoverageModel, PathModel, PathSearchModel, RankedPracticeModel, SearchHitModel, StackRecommendationModel, StatsModel } from '../analysis/models.js';
import { pathConfidence } from '../analysis/evidence.js';
import { entitiesOf, orderFound } from '../analysis/paths.js';
import { rankPractices } from '../analysis/ranking.js';
import { luceneQuery } from '../analysis/search-query.js';
import { rankCandidates } from '../analysis/search-rank.js';
import { greedyStack } from '../analysis/stack.js';
import { VersionedCache, versionOf } from '../cache/versioned-cache.js';
import { badInput, intInRange, quoted } from '../domain/arguments.js';
import { MAX_IDS } from '../domain/list-fields.js';
import type { EntityModel } from '../domain/model.js';
import { ENTITY_KINDS, RELATION_TYPES } from '../domain/ontology.js';
import type {
  QueryCoverageArgs,
  PathResolvers,
  QueryPathsArgs,
  QueryPracticesAddressingArgs,
  QueryRecommendStackArgs,
  QueryResolvers,
  QuerySearchArgs,
} from '../generated/graphql.js';
import { addressingPaths, coveragePaths, graphStats, pathsBetween, stackPaths } from '../repos/analysis.js';
import { graphVersion } from '../repos/dataset.js';
import { searchEntities } from '../repos/search.js';
import type { GraphQLResolveInfo } from 'graphql';
import { analysisEntityProps } from '../loaders/analysis-lookahead.js';
import type { RequestContext } from '../graphql/context.js';
import { refuseUnknownIds } from './unknown-ids.js';

export const MAX_SEARCH_TEXT = 200;
/** Candidates read from the full-text index for one search, to be ordered by name and alias matches. */
const SEARCH_CANDIDATES = 100;

/** Primes the entity loader with entities read whole (props null); partial ones serve their own field only. */
function prime(ctx: RequestContext, entities: Iterable<EntityModel>, props: readonly string[] | null = null): void {
  if (props !== null) return;
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

async function requireFound(ctx: RequestContext, argument: string, kind: 'PRACTICE' | 'TOOL', asked: readonly string[], found: readonly EntityModel[]): Promise<void> {
  const have = new Set(found.map((e) => e.id));
  const missing = asked.filter((id) => !have.has(id));
  if (missing.length > 0) await refuseUnknownIds(ctx, argument, missing, [kind], kind);
}

async function search(args: QuerySearchArgs, ctx: RequestContext, info: GraphQLResolveInfo): Promise<SearchHitModel[]> {
  const first = intInRange('first', args.first, 1, 50, 10);
  const text = args.text.trim();
  if (text === '') throw badInput('text', 'must not be blank');
  if (text.length > MAX_SEARCH_TEXT) throw badInput('text', `at most ${MAX_SEARCH_TEXT} characters, got ${text.length}`);
  const query = luceneQuery(text);
  if (query === null) return [];
  const kinds = args.kinds && args.kinds.length > 0 ? [...new Set(args.kinds)] : null;
  // The index gathers candidates; the ranking of src/analysis/search-rank.ts orders them.
  // The ranking reads names and aliases.
  const props = analysisEntityProps(info, ['aliases']);
  const candidates = await searchEntities(ctx.db, query, kinds, SEARCH_CANDIDATES, props);
  const hits = rankCandidates(text, candidates, first);
  prime(ctx, hits.map((h) => h.entity), props);
  return hits;
}

async function practicesAddressing(args: QueryPracticesAddressingArgs, ctx: RequestContext, info: GraphQLResolveInfo): Promise<RankedPracticeModel[]> {
  const challengeId = idArg('challengeId', args.challengeId);
  const first = intInRange('first', args.first, 1, 100, 20);
  // The ranking reads relations, the entities' ids and kinds, and for the text relevance the names,
  // aliases and summaries of practice and challenge.
  const props = analysisEntityProps(info, RELEVANCE_PROPS);
  const { kind, paths } = await addressingPaths(ctx.db, challengeId, props);
  if (kind === null) await refuseUnknownIds(ctx, 'challengeId', [challengeId], ['CHALLENGE'], 'CHALLENGE');
  if (kind !== 'CHALLENGE') throw badInput('challengeId', `${quoted(challengeId)} is a ${kind}, not a CHALLENGE`);
  const ranked = rankPractices(paths, args.minConfidence ?? 'INFERRED').slice(0, first);
  prime(ctx, ranked.flatMap((r) => entitiesOf(r.paths)), props);
  return ranked;
}

/** The full matrix (no ids asked) per dataset version: it changes only when the graph is re-seeded. */
const fullCoverage = new VersionedCache<{ model: CoverageModel; entities: EntityModel[] }>(
  // At most 5,000 paths (~10 MB; the curated graph has ~130, its ×10 synthetic growth ~1,300):
  // larger matrices are computed per request, to keep the process's memory bounded.
  5_000,
  (v) => v.model.cells.reduce((n, c) => n + c.paths.length, 0),
);

/** What the coverage filters read of a tool: its type, and its citations' sources when filtered by source. */
const toolFilterProps = (toolSourceIds: readonly string[] | null) => (toolSourceIds ? ['toolType', 'citationsJson'] : ['toolType']);
/** What the text relevance of a ranked practice reads (src/analysis/relevance.ts). */
const RELEVANCE_PROPS = ['aliases', 'summary'];

async function coverage(args: QueryCoverageArgs, ctx: RequestContext, info: GraphQLResolveInfo): Promise<CoverageModel> {
  const toolIds = idListArg('toolIds', args.toolIds);
  const practiceIds = idListArg('practiceIds', args.practiceIds);
  // Absent: PRODUCT (what a team adopts), unless the tools are named; empty: every type.
  const askedTypes = args.toolTypes ?? (toolIds === null ? ['PRODUCT' as const] : []);
  const toolTypes = askedTypes.length > 0 ? [...new Set(askedTypes)].sort() : null;
  const toolSourceIds = idListArg('toolSourceIds', args.toolSourceIds)?.sort() ?? null;
  const minConfidence = args.minConfidence ?? 'INFERRED';
  const full = toolIds === null && practiceIds === null;
  // The full matrix is kept for every request (fullCoverage): read whole.
  const props = full ? null : analysisEntityProps(info, toolFilterProps(toolSourceIds));
  const compute = async () => {
    const read = await coveragePaths(ctx.db, toolIds, practiceIds, full, props);
    if (practiceIds) await requireFound(ctx, 'practiceIds', 'PRACTICE', practiceIds, read.practices);
    if (toolIds) await requireFound(ctx, 'toolIds', 'TOOL', toolIds, read.tools);
    const filters = { minConfidence, toolTypes, toolSourceIds };
    const cells = buildCells(read.paths, filters);
    const askedTools = read.tools.filter((t) => toolAdmitted(t, filters));
    const tools = toolIds ? askedTools : toolsOfCells(cells);
    return {
      value: { model: coverageOf(tools, read.practices, cells), entities: [...read.practices, ...read.tools, ...entitiesOf(read.paths)] },
      version: versionOf(read.versionBefore, read.versionAfter),
    };
  };
  const key = JSON.stringify(['all', toolTypes, toolSourceIds, minConfidence]);
  const { model, entities } = full ? await fullCoverage.get(() => graphVersion(ctx.db), key, compute) : (await compute()).value;
  prime(ctx, entities, props);
  return model;
}

async function recommendStack(args: QueryRecommendStackArgs, ctx: RequestContext, info: GraphQLResolveInfo): Promise<StackRecommendationModel> {
  const maxTools = intInRange('maxTools', args.maxTools, 1, 50, 5);
  const challengeIds = [...new Set(args.challengeIds.map((v) => v.trim()))];
  if (challengeIds.length === 0) throw badInput('challengeIds', 'give at least one challenge id');
  if (challengeIds.length > MAX_IDS) throw badInput('challengeIds', `at most ${MAX_IDS} ids, got ${challengeIds.length}`);
  const have = idListArg('haveToolIds', args.haveToolIds) ?? [];
  const exclude = new Set(idListArg('excludeToolIds', args.excludeToolIds) ?? []);
  const toolTypes = args.toolTypes && args.toolTypes.length > 0 ? [...new Set(args.toolTypes)] : null;
  const toolSourceIds = idListArg('toolSourceIds', args.toolSourceIds);
  const minConfidence = args.minConfidence ?? 'INFERRED';
  // Tools' citations: a tie goes to the tool more sources name.
  const props = analysisEntityProps(info, [...toolFilterProps(['all']), ...RELEVANCE_PROPS]);
  const read = await stackPaths(ctx.db, challengeIds, props);
  const wrong = read.asked.filter((a) => a.kind !== 'CHALLENGE').map((a) => a.id);
  if (wrong.length > 0) await refuseUnknownIds(ctx, 'challengeIds', wrong, ['CHALLENGE'], 'CHALLENGE');
  prime(ctx, [...entitiesOf(read.addressing), ...entitiesOf(read.support)], props);
  // The tools a team runs count whatever their type; the candidates are of the types asked.
  const haveSet = new Set(have);
  // stackRoad: never a catalogue section's road (the query does not read it either).
  const support = read.support.filter((p) => stackRoad(p) && (!exclude.has(p.entities[0]!.id) || haveSet.has(p.entities[0]!.id)));
  const cells = [
    ...buildCells(support.filter((p) => haveSet.has(p.entities[0]!.id)), { minConfidence }),
    ...buildCells(support.filter((p) => !haveSet.has(p.entities[0]!.id)), { minConfidence, toolTypes, toolSourceIds }),
  ];
  return greedyStack(rankPractices(read.addressing, minConfidence), cells, {
    maxTools,
    have,
    organisational: new Set(read.organisational),
    includeDerived: args.includeDerived ?? false,
  });
}

async function paths(args: QueryPathsArgs, ctx: RequestContext, info: GraphQLResolveInfo): Promise<PathSearchModel> {
  const fromId = idArg('fromId', args.fromId);
  const toId = idArg('toId', args.toId);
  const maxHops = intInRange('maxHops', args.maxHops, 1, 6, 4);
  const first = intInRange('first', args.first, 1, 20, 5);
  const props = analysisEntityProps(info, []);
  const read = await pathsBetween(ctx.db, fromId, toId, maxHops, props);
  if (!read.from) await refuseUnknownIds(ctx, 'fromId', [fromId], null, 'entity');
  if (!read.to) await refuseUnknownIds(ctx, 'toId', [toId], null, 'entity');
  if (fromId === toId) {
    prime(ctx, [read.from!], props);
    return { paths: [{ entities: [read.from!], relations: [], length: 0 }], reason: null };
  }
  const found = orderFound(read.paths, first);
  prime(ctx, entitiesOf(found), props);
  return {
    paths: found,
    reason: found.length > 0 ? null : `No path of at most ${maxHops} relations links ${fromId} and ${toId}; a larger maxHops (up to 6) may find one.`,
  };
}

async function stats(ctx: RequestContext): Promise<StatsModel> {
  const read = await graphStats(ctx.db);
  prime(ctx, read.bySource.map((s) => s.source));
  return {
    entities: read.entities,
    relations: read.relations,
    datasetVersion: read.datasetVersion ?? 'unknown',
    byKind: ENTITY_KINDS.map((kind) => ({ kind, count: read.byKind.get(kind) ?? 0 })),
    byRelation: RELATION_TYPES.map((type) => ({ type, count: read.byRelation.get(type) ?? 0 })),
    bySource: read.bySource,
  };
}

/** Fields of the analysis types that are computed from their model. */
export const pathResolvers = {
  confidence: (p: PathModel) => pathConfidence(p),
} satisfies PathResolvers;

export function analysisQueryResolvers() {
  return {
    search: (_parent, args, ctx, info) => search(args, ctx, info),
    practicesAddressing: (_parent, args, ctx, info) => practicesAddressing(args, ctx, info),
    coverage: (_parent, args, ctx, info) => coverage(args, ctx, info),
    recommendStack: (_parent, args, ctx, info) => recommendStack(args, ctx, info),
    paths: (_parent, args, ctx, info) => paths(args, ctx, info),
    stats: (_parent, _args, ctx) => stats(ctx),
  } satisfies QueryResolvers;
}
