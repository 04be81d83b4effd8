// Query fields that fetch entities: by id, and one paginated list per kind.
import type { GraphQLResolveInfo } from 'graphql';
import { badInput, intInRange } from '../domain/arguments.js';
import { MAX_IDS } from '../domain/list-fields.js';
import type { ConnectionModel } from '../domain/model.js';
import { LABEL, type EntityKind } from '../domain/ontology.js';
import { toEntity } from '../domain/stored-form.js';
import type { QueryEntitiesArgs, QueryEntityArgs, QueryPracticesArgs, QueryResolvers } from '../generated/graphql.js';
import { keepPrefetched, pathKey, planConnection } from '../loaders/prefetch.js';
import { listPage } from '../repos/entities.js';
import type { RequestContext } from '../graphql/context.js';
import { decodeCursor, encodeCursor } from '../graphql/cursor.js';

/** The arguments every per-kind list takes (the SDL gives them all the same). */
type ListArgs = QueryPracticesArgs;

async function listByKind(kind: EntityKind, args: ListArgs, ctx: RequestContext, info?: GraphQLResolveInfo): Promise<ConnectionModel> {
  const first = intInRange('first', args.first, 1, 100, 20);
  const after = decodeCursor('after', args.after);
  const f = args.filter ?? {};
  const text = f.text?.trim().toLowerCase() || null;
  if (text && text.length > 200) throw badInput('filter.text', 'at most 200 characters');
  const toolTypes = f.toolTypes && f.toolTypes.length > 0 ? [...new Set(f.toolTypes)] : null;
  if (toolTypes && kind !== 'TOOL') throw badInput('filter.toolTypes', 'only the tools list has tool types');
  // The relation fields the selection asks of the page's nodes come in the same round trip, and the
  // nodes are read with the properties the selection asks for (src/loaders/prefetch.ts).
  const plan = info ? planConnection(info, LABEL[kind]) : { positions: [], nodeProps: null };
  const listPath = info ? pathKey(info.path) : '';
  const { total, rows } = await listPage(ctx.db, {
    kind,
    filters: {
      text,
      sourceId: f.sourceId ?? null,
      confidence: f.confidence ?? null,
      stageId: f.stageId ?? null,
      categoryId: f.categoryId ?? null,
      toolTypes,
    },
    after,
    limit: first + 1,
    nodeProps: plan.nodeProps,
    prefetch: plan.positions.map((p) => p.plans),
  });
  const edges = rows.slice(0, first).map(({ sortKey, row, fetched }, i) => {
    const node = toEntity(row);
    // Only complete entities may answer later lookups by id.
    if (!plan.nodeProps) ctx.loaders.entity.prime(node.id, node);
    keepPrefetched(ctx.loaders.prefetched, plan.positions, listPath, i, fetched);
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

function entity(args: QueryEntityArgs, ctx: RequestContext) {
  return ctx.loaders.entity.load(args.id);
}

async function entities(args: QueryEntitiesArgs, ctx: RequestContext) {
  if (args.ids.length > MAX_IDS) throw badInput('ids', `at most ${MAX_IDS} ids, got ${args.ids.length}`);
  const found = await ctx.loaders.entity.loadMany([...args.ids]);
  return found.map((x) => (x instanceof Error ? null : x));
}

/** One list per kind, under its field name of src/domain/list-fields.ts (test/unit/schema-tables.test.ts checks both agree). */
export function entityQueryResolvers() {
  const list = (kind: EntityKind) => (_parent: unknown, args: ListArgs, ctx: RequestContext, info: GraphQLResolveInfo) => listByKind(kind, args, ctx, info);
  return {
    entity: (_parent, args, ctx) => entity(args, ctx),
    entities: (_parent, args, ctx) => entities(args, ctx),
    sources: list('SOURCE'),
    practices: list('PRACTICE'),
    challenges: list('CHALLENGE'),
    solutions: list('SOLUTION'),
    tools: list('TOOL'),
    roles: list('ROLE'),
    openIssues: list('OPEN_ISSUE'),
    stages: list('STAGE'),
    activities: list('ACTIVITY'),
    categories: list('CATEGORY'),
    principles: list('PRINCIPLE'),
    components: list('COMPONENT'),
    definitions: list('DEFINITION'),
    goals: list('GOAL'),
    robustnessAspects: list('ROBUSTNESS_ASPECT'),
    methods: list('METHOD'),
  } satisfies QueryResolvers;
}

/** `nodes` of every per-kind connection: the edges' nodes. */
export const connectionNodes = {
  nodes: (c: ConnectionModel) => c.edges.map((e) => e.node),
};
