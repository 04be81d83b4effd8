// Cypher that reads entities and their relations. Always parameterized; batched by the loaders.
import { LABEL, type EntityKind, type RelationType } from '../domain/ontology.js';

/** The properties every EntityModel is built from (see src/domain/stored-form.ts). */
export const ENTITY_PROJECTION = `{.id, .kind, .name, .summary, .descriptionsJson, .toolType, .aliases, .attributesJson, .citationsJson, .confidence}`;

/** $kinds: entity kinds (null: every kind). Every id of those kinds: the candidates of "did you mean". */
export const IDS_OF_KINDS = `
MATCH (n:Entity)
WHERE $kinds IS NULL OR n.kind IN $kinds
RETURN collect(n.id) AS ids`;

export const ENTITIES_BY_IDS = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n ${ENTITY_PROJECTION} AS n`;

/**
 * Links of many (entity, field) requests in one round trip. Each request names the relation
 * types (null: any), the direction (OUT, IN, BOTH), the other end's kind (null: any) and a limit.
 */
export const LINKS_BATCH = `
UNWIND $requests AS q
MATCH (n:Entity {id: q.id})
CALL (n, q) {
  MATCH (n)-[r]->(m:Entity)
  WHERE q.direction IN ['OUT', 'BOTH'] AND (q.types IS NULL OR type(r) IN q.types) AND (q.kind IS NULL OR m.kind = q.kind)
  RETURN r, m, 'OUT' AS direction, n.id AS fromId, m.id AS toId
  UNION ALL
  MATCH (n)<-[r]-(m:Entity)
  WHERE q.direction IN ['IN', 'BOTH'] AND (q.types IS NULL OR type(r) IN q.types) AND (q.kind IS NULL OR m.kind = q.kind)
  RETURN r, m, 'IN' AS direction, m.id AS fromId, n.id AS toId
}
WITH q, r, m, direction, fromId, toId
ORDER BY type(r), m.sortKey, m.id, r.id
WITH q, collect({
  node: m ${ENTITY_PROJECTION},
  relation: r {.id, .level, .note, .citationsJson, .confidence, type: type(r), from: fromId, to: toId},
  direction: direction
}) AS links
RETURN q.key AS key, links[0..q.first] AS links`;

/** One typed relation field to fetch along with its parent (src/loaders/prefetch.ts). */
export interface LinkCollectPlan {
  readonly spec: { readonly types: readonly RelationType[]; readonly direction: 'OUT' | 'IN' | 'BOTH'; readonly kind: EntityKind | null };
  /** Name of the parameter holding the field's `first`. */
  readonly firstParam: string;
  /** Values to read of the other end, and of the relation, in this order (see LINK_NODE_VALUES). */
  readonly nodeValues: readonly string[];
  readonly relationValues: readonly string[];
  readonly children: readonly LinkCollectPlan[];
}

/** Property names a projection may name: the stored ones of src/seed/graph-form.ts. */
const PROJECTABLE = new Set(['summary', 'descriptionsJson', 'toolType', 'aliases', 'attributesJson', 'citationsJson', 'confidence', 'level', 'note']);

/** What a link's node may carry, each a Cypher expression over the node `m`. */
export const LINK_NODE_VALUES: Record<string, (m: string) => string> = {
  id: (m) => `${m}.id`,
  kind: (m) => `${m}.kind`,
  name: (m) => `${m}.name`,
  ...Object.fromEntries(['summary', 'descriptionsJson', 'toolType', 'aliases', 'attributesJson', 'citationsJson', 'confidence'].map((p) => [p, (m: string) => `${m}.${p}`])),
};

/** What a link's relation may carry, each a Cypher expression over the relationship `r`. */
export const LINK_RELATION_VALUES: Record<string, (r: string) => string> = {
  id: (r) => `${r}.id`,
  type: (r) => `type(${r})`,
  from: (r) => `startNode(${r}).id`,
  to: (r) => `endNode(${r}).id`,
  ...Object.fromEntries(['level', 'note', 'citationsJson', 'confidence'].map((p) => [p, (r: string) => `${r}.${p}`])),
};

const values = (names: readonly string[], table: Record<string, (v: string) => string>, v: string) =>
  `[${names.map((n) => {
    const expr = table[n];
    if (!expr) throw new Error(`no such link value: ${n}`);
    return expr(v);
  }).join(', ')}]`;

/**
 * A list expression over the node `nodeVar`, one entry per plan: the links LINKS_BATCH would return
 * for that field (same relation types, direction, kind of the other end, order and limit). Each
 * link is a positional list, `[nodeValues, relationValues, outgoing, children]` (no map keys to
 * send and decode: src/loaders/prefetch.ts knows the order), `children` being the same for the
 * link's own node one level down. Types and labels come from the ontology's constants (the
 * link-field table), values from the fixed tables above, limits are parameters.
 */
export function linkCollect(plans: readonly LinkCollectPlan[], nodeVar: string, depth: number): string {
  if (plans.length === 0) return '[]';
  const r = `r${depth}`;
  const m = `m${depth}`;
  const entries = plans.map((p) => {
    const types = p.spec.types.join('|');
    const label = p.spec.kind ? LABEL[p.spec.kind] : 'Entity';
    const pattern =
      p.spec.direction === 'OUT'
        ? `(${nodeVar})-[${r}:${types}]->(${m}:${label})`
        : p.spec.direction === 'IN'
          ? `(${nodeVar})<-[${r}:${types}]-(${m}:${label})`
          : `(${nodeVar})-[${r}:${types}]-(${m}:${label})`;
    return `COLLECT {
    MATCH ${pattern}
    WITH ${r}, ${m} ORDER BY type(${r}), ${m}.sortKey, ${m}.id, ${r}.id
    LIMIT $${p.firstParam}
    RETURN [${values(p.nodeValues, LINK_NODE_VALUES, m)}, ${values(p.relationValues, LINK_RELATION_VALUES, r)}, startNode(${r}) = ${nodeVar}, ${linkCollect(p.children, m, depth + 1)}]
  }`;
  });
  return `[${entries.join(', ')}]`;
}

/** Which filters of EntityFilter a list request gives (the others are left out of its Cypher). */
export interface ListFilters {
  readonly text: boolean;
  readonly sourceId: boolean;
  readonly confidence: boolean;
  readonly stageId: boolean;
  readonly categoryId: boolean;
  readonly toolTypes: boolean;
}

/**
 * The filters a request gives, as a WHERE clause over `n` (true when none). Composed of fixed
 * fragments only, so each combination is its own statement with its own plan: the planner never
 * has to keep a `$x IS NULL OR ...` branch it cannot know the value of.
 */
function listWhere(f: ListFilters): string {
  const conditions = [
    f.text && '(n.sortKey CONTAINS $text OR any(a IN n.aliases WHERE toLower(a) CONTAINS $text))',
    f.sourceId && '$sourceId IN n.sourceIds',
    f.confidence && 'n.confidence = $confidence',
    f.stageId && 'EXISTS { MATCH (s:Entity {id: $stageId}) WHERE (n)-[:IN_STAGE|TAKES_PART_IN|PART_OF]->(s) }',
    f.categoryId && 'EXISTS { MATCH (c:Entity {id: $categoryId}) WHERE (n)-[:IN_CATEGORY]->(c) }',
    f.toolTypes && 'n.toolType IN $toolTypes',
  ].filter((c): c is string => typeof c === 'string');
  return conditions.length > 0 ? conditions.join('\n  AND ') : 'true';
}

/** The properties every list node is read with (id, kind, name and sortKey always). */
export function entityProjection(props: readonly string[]): string {
  const names = ['id', 'kind', 'name', ...props.filter((p) => PROJECTABLE.has(p) && p !== 'level' && p !== 'note' && p !== 'id' && p !== 'kind' && p !== 'name')];
  return `{${names.map((p) => `.${p}`).join(', ')}}`;
}

/**
 * One page of a per-kind list after a keyset cursor (sortKey, id), one extra row to tell whether
 * more follow, plus the total. The kind's label is one of the ontology's constants; the page walks
 * the label's sortKey index in order (src/neo4j/setup.ts), so it reads about a page of nodes, not
 * the whole kind; without filters the total comes from the count store. `projection` is the node
 * map to return (ENTITY_PROJECTION, or fewer properties: see src/loaders/prefetch.ts), `prefetch`
 * a linkCollect map over `n` for the relation fields asked of the page's nodes.
 */
export function listByKindQuery(kind: EntityKind, filters: ListFilters, projection = ENTITY_PROJECTION, prefetch = '[]'): string {
  const label = LABEL[kind];
  const where = listWhere(filters);
  return `
CALL () {
  MATCH (n:${label})
  WHERE ${where}
  RETURN count(n) AS total
}
CALL () {
  MATCH (n:${label})
  WHERE n.sortKey >= coalesce($afterKey, '') AND ($afterKey IS NULL OR n.sortKey > $afterKey OR n.id > $afterId)
    AND ${where}
  WITH n ORDER BY n.sortKey, n.id
  LIMIT $limit
  RETURN collect([n.sortKey, n ${projection}, ${prefetch}]) AS page
}
RETURN total, page`;
}
