// Query fields that fetch entities: by id, and one paginated list per kind.
import neo4j from 'neo4j-driver';
import { ENTITY_KINDS, type EntityKind } from '../domain/ontology.js';
import { LIST_BY_KIND } from '../cypher/entities.js';
import { toEntity, type EntityRow } from '../cypher/rows.js';
import type { ConnectionModel } from '../model.js';
import type { RequestContext } from '../context.js';
import type { EntityFilter } from '../generated/graphql.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { badInput, intInRange } from './errors.js';

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
): Promise<ConnectionModel> {
  const first = intInRange('first', args.first, 1, 100, 20);
  const after = decodeCursor('after', args.after);
  const f = args.filter ?? {};
  const text = f.text?.trim().toLowerCase() || null;
  if (text && text.length > 200) throw badInput('filter.text', 'at most 200 characters');
  const res = await ctx.db.read<{ total: number; page: [string, EntityRow][] }>(LIST_BY_KIND, {
    kind,
    text,
    sourceId: f.sourceId ?? null,
    confidence: f.confidence ?? null,
    stageId: f.stageId ?? null,
    categoryId: f.categoryId ?? null,
    afterKey: after?.sortKey ?? null,
    afterId: after?.id ?? null,
    limit: neo4j.int(first + 1),
  });
  const rec = res.records[0];
  const total = rec?.get('total') ?? 0;
  const rows = rec?.get('page') ?? [];
  const pageRows = rows.slice(0, first);
  const edges = pageRows.map(([sortKey, row]) => {
    const node = toEntity(row);
    ctx.loaders.entity.prime(node.id, node);
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
    query[LIST_FIELD[kind]] = (_: unknown, args: Parameters<typeof listByKind>[1], ctx: RequestContext) => listByKind(kind, args, ctx);
  }
  return query;
}

export const connectionResolvers = {
  nodes: (c: ConnectionModel) => c.edges.map((e) => e.node),
};
