// Entities and their relations: by id, links of many (entity, field) requests at once, and one page
// of a per-kind list with the relation fields its selection asks for fetched in the same round trip.
import neo4j from 'neo4j-driver';
import { ENTITIES_BY_IDS, ENTITY_PROJECTION, IDS_OF_KINDS, entityProjection, LINKS_BATCH, linkCollect, listByKindQuery, type LinkCollectPlan, type ListFilters } from '../cypher/entities.js';
import type { LinkFieldSpec } from '../domain/link-fields.js';
import type { EntityModel, LinkModel } from '../domain/model.js';
import type { EntityKind } from '../domain/ontology.js';
import { toEntity, toLink, type EntityRow, type RelationRow } from '../domain/stored-form.js';
import type { Reader } from '../neo4j/driver.js';

export async function entitiesByIds(db: Reader, ids: readonly string[]): Promise<Map<string, EntityModel>> {
  const res = await db.read<{ n: EntityRow }>(ENTITIES_BY_IDS, { ids: [...new Set(ids)] });
  return new Map(res.records.map((r) => [r.get('n').id, toEntity(r.get('n'))]));
}

/** Every id of these kinds (null: all kinds): what an unknown id is compared with to suggest one. */
export async function idsOfKinds(db: Reader, kinds: readonly EntityKind[] | null): Promise<string[]> {
  const res = await db.read<{ ids: string[] }>(IDS_OF_KINDS, { kinds });
  return res.records[0]?.get('ids') ?? [];
}

export interface LinkQuery {
  /** Answers come back under this key. */
  readonly key: string;
  readonly id: string;
  /** Relation types to follow; null follows every type. */
  readonly types: readonly string[] | null;
  readonly direction: 'OUT' | 'IN' | 'BOTH';
  /** Kind of the entity at the other end; null accepts any. */
  readonly kind: string | null;
  readonly first: number;
}

/** The links of every query, in one round trip, by query key (a query with none is absent). */
export async function linksOf(db: Reader, queries: readonly LinkQuery[]): Promise<Map<string, LinkModel[]>> {
  const res = await db.read<{ key: string; links: { node: EntityRow; relation: RelationRow; direction: 'OUT' | 'IN' }[] }>(LINKS_BATCH, {
    requests: queries.map((q) => ({ key: q.key, id: q.id, types: q.types, direction: q.direction, kind: q.kind, first: neo4j.int(q.first) })),
  });
  return new Map(res.records.map((r) => [r.get('key'), r.get('links').map(toLink)]));
}

/** A typed relation field to fetch along with each node of a page, and its own fields one level down. */
export interface LinkFetchPlan {
  readonly spec: LinkFieldSpec;
  readonly first: number;
  /** Values to read of the other end and of the relation, in this order (see LINK_NODE_VALUES). */
  readonly nodeValues: readonly string[];
  readonly relationValues: readonly string[];
  readonly children: readonly LinkFetchPlan[];
}

/** A link as linkCollect returns it: node values, relation values, outgoing?, the node's own links per plan. */
export type FetchedLink = [unknown[], unknown[], boolean, FetchedLink[][]];

export interface PageRequest {
  readonly kind: EntityKind;
  readonly filters: {
    text: string | null;
    sourceId: string | null;
    confidence: string | null;
    stageId: string | null;
    categoryId: string | null;
    toolTypes: readonly string[] | null;
  };
  /** The keyset cursor to start after (null: the first page). */
  readonly after: { sortKey: string; id: string } | null;
  /** Rows to read: the page size plus one, to tell whether more follow. */
  readonly limit: number;
  /** Stored properties to read of each node (null: all of them). */
  readonly nodeProps: readonly string[] | null;
  /** Per place in the response, the relation fields to fetch with each node. */
  readonly prefetch: readonly (readonly LinkFetchPlan[])[];
}

export interface PageRow {
  readonly sortKey: string;
  readonly row: EntityRow;
  /** Per place, per plan: the links fetched (null when nothing was planned). */
  readonly fetched: FetchedLink[][][] | null;
}

/** One page of a per-kind list after a keyset cursor, and the total of the list. */
export async function listPage(db: Reader, request: PageRequest): Promise<{ total: number; rows: PageRow[] }> {
  const given = Object.fromEntries(Object.entries(request.filters).map(([k, v]) => [k, v !== null])) as unknown as ListFilters;
  const prefetch = prefetchCypher(request.prefetch, 'n');
  const projection = request.nodeProps ? entityProjection(request.nodeProps) : ENTITY_PROJECTION;
  const res = await db.read<{ total: number; page: [string, EntityRow, FetchedLink[][][] | null][] }>(listByKindQuery(request.kind, given, projection, prefetch.map), {
    ...prefetch.params,
    ...request.filters,
    afterKey: request.after?.sortKey ?? null,
    afterId: request.after?.id ?? null,
    limit: neo4j.int(request.limit),
  });
  const rec = res.records[0];
  return { total: rec?.get('total') ?? 0, rows: (rec?.get('page') ?? []).map(([sortKey, row, fetched]) => ({ sortKey, row, fetched })) };
}

/** Cypher (a list expression over `nodeVar`, one entry per place) and parameters of the plans. */
function prefetchCypher(positions: readonly (readonly LinkFetchPlan[])[], nodeVar: string): { map: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  const toCollect = (list: readonly LinkFetchPlan[], prefix: string): LinkCollectPlan[] =>
    list.map((p, i) => {
      const param = `${prefix}_${i}`;
      params[param] = neo4j.int(p.first);
      return { spec: p.spec, firstParam: param, nodeValues: p.nodeValues, relationValues: p.relationValues, children: toCollect(p.children, param) };
    });
  if (positions.length === 0) return { map: '[]', params };
  const entries = positions.map((plans, i) => linkCollect(toCollect(plans, `pf${i}`), nodeVar, 1));
  return { map: `[${entries.join(', ')}]`, params };
}
