// Query fields that fetch entities: by id, and one paginated list per kind.
import neo4j from 'neo4j-driver';
import type { GraphQLResolveInfo } from 'graphql';
import { ENTITY_KINDS, LABEL, type EntityKind } from '../domain/ontology.js';
import { ENTITY_PROJECTION, entityProjection, listByKindQuery, type ListFilters } from '../cypher/entities.js';
import { toEntity, type EntityRow } from '../cypher/rows.js';
import type { ConnectionModel } from '../model.js';
import type { RequestContext } from '../context.js';
import type { EntityFilter } from '../generated/graphql.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { badInput, intInRange } from './errors.js';
import { keepPrefetched, pathKey, planConnection, prefetchCypher } from './prefetch.js';

/** The Query field name of each kind's list (schema/query.graphql). */
export const LIST_FIELD: Record<EntityKind, string> = {
  SOURCE: 'sources',
  PRACTICE: 'practices',
  CHALLENGE: 'challenges',
  SOLUTION: 'solutions',
  TOOL: 'tools',
  ROLE: 'roles',
  OPEN_ISSUE: 'openIssues',
  STAGE: 'stages',
  ACTIVITY: 'activities',
  CATEGORY: 'categories',
  PRINCIPLE: 'principles',
  COMPONENT: 'components',
  DEFINITION: 'definitions',
  GOAL: 'goals',
  ROBUSTNESS_ASPECT: 'robustnessAspects',
  METHOD: 'methods',
};

export const MAX_IDS = 100;

async function listByKind(
  kind: EntityKind,
  args: { first?: number | null; after?: string | null; filter?: EntityFilter | null },
  ctx: RequestContext,
  info?: GraphQLResolveInfo,
): Promise<ConnectionModel> {
  const first = intInRange('first', args.first, 1, 100, 20);
  const after = decodeCursor('after', args.after);
  const f = args.filter ?? {};
  const text = f.text?.trim().toLowerCase() || null;
  if (text && text.length > 200) throw badInput('filter.text', 'at most 200 characters');
  // The relation fields the selection asks of the page's nodes come in the same round trip, and the
  // nodes are read with the properties the selection asks for (src/resolvers/prefetch.ts).
  const plan = info ? planConnection(info, LABEL[kind]) : { positions: [], nodeProps: null };
  const prefetch = prefetchCypher(plan.positions, 'n');
  const listPath = info ? pathKey(info.path) : '';
  const filters = {
    text,
    sourceId: f.sourceId ?? null,
    confidence: f.confidence ?? null,
    stageId: f.stageId ?? null,
    categoryId: f.categoryId ?? null,
  };
  const given = Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, v !== null])) as unknown as ListFilters;
  const cypher = listByKindQuery(kind, given, plan.nodeProps ? entityProjection(plan.nodeProps) : ENTITY_PROJECTION, prefetch.map);
  const res = await ctx.db.read<{ total: number; page: [string, EntityRow, Parameters<typeof keepPrefetched>[4]][] }>(cypher, {
    ...prefetch.params,
    ...filters,
    afterKey: after?.sortKey ?? null,
    afterId: after?.id ?? null,
    limit: neo4j.int(first + 1),
  });
  const rec = res.records[0];
  const total = rec?.get('total') ?? 0;
  const rows = rec?.get('page') ?? [];
  const pageRows = rows.slice(0, first);
  const edges = pageRows.map(([sortKey, row, fetched], i) => {
    const node = toEntity(row);
    // Only complete entities may answer later lookups by id.
    if (!plan.nodeProps) ctx.loaders.entity.prime(node.id, node);
    keepPrefetched(ctx, plan.positions, listPath, i, fetched);
    return { cursor: encodeCursor(sortKey, node.id), node };
  });
  return {
    edges,
    totalCount: total,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

export function entityQueryResolvers() {
  const query: Record<string, unknown> = {
    entity: (_: unknown, args: { id: string }, ctx: RequestContext) => ctx.loaders.entity.load(args.id),
    entities: (_: unknown, args: { ids: readonly string[] }, ctx: RequestContext) => {
      if (args.ids.length > MAX_IDS) throw badInput('ids', `at most ${MAX_IDS} ids, got ${args.ids.length}`);
      return ctx.loaders.entity.loadMany([...args.ids]).then((xs) => xs.map((x) => (x instanceof Error ? null : x)));
    },
  };
  for (const kind of ENTITY_KINDS) {
    query[LIST_FIELD[kind]] = (_: unknown, args: Parameters<typeof listByKind>[1], ctx: RequestContext, info: GraphQLResolveInfo) =>
      listByKind(kind, args, ctx, info);
  }
  return query;
}

export const connectionResolvers = {
  nodes: (c: ConnectionModel) => c.edges.map((e) => e.node),
};
