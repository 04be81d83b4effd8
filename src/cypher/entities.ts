// Cypher that reads entities and their relations. Always parameterized; batched by the loaders.

/** The properties every EntityModel is built from (see src/cypher/rows.ts). */
export const ENTITY_PROJECTION = `{.id, .kind, .name, .summary, .aliases, .attributesJson, .citationsJson, .confidence}`;

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
ORDER BY type(r), m.sortKey, m.id
WITH q, collect({
  node: m ${ENTITY_PROJECTION},
  relation: r {.id, .level, .note, .citationsJson, .confidence, type: type(r), from: fromId, to: toId},
  direction: direction
}) AS links
RETURN q.key AS key, links[0..q.first] AS links`;

/** Filters of EntityFilter, shared by the page and the count of a per-kind list. */
const LIST_FILTER = `
MATCH (n:Entity {kind: $kind})
WHERE ($text IS NULL OR n.sortKey CONTAINS $text OR any(a IN n.aliases WHERE toLower(a) CONTAINS $text))
  AND ($sourceId IS NULL OR $sourceId IN n.sourceIds)
  AND ($confidence IS NULL OR n.confidence = $confidence)
  AND ($stageId IS NULL OR EXISTS { (n)-[:IN_STAGE|TAKES_PART_IN|PART_OF]->(:Entity {id: $stageId}) })
  AND ($categoryId IS NULL OR EXISTS { (n)-[:IN_CATEGORY]->(:Entity {id: $categoryId}) })`;

/** One page after a keyset cursor (sortKey, id), one extra row to tell whether more follow, plus the total. */
export const LIST_BY_KIND = `
CALL () {
  ${LIST_FILTER}
  RETURN count(n) AS total
}
CALL () {
  ${LIST_FILTER}
  AND ($afterKey IS NULL OR n.sortKey > $afterKey OR (n.sortKey = $afterKey AND n.id > $afterId))
  WITH n ORDER BY n.sortKey, n.id
  LIMIT $limit
  RETURN collect([n.sortKey, n ${ENTITY_PROJECTION}]) AS page
}
RETURN total, page`;
