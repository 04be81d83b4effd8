// Cypher of the analysis queries (schema/analysis.graphql). Always parameterized: the statements
// below are fixed text, composed only from the constant fragments of this module; every value
// travels as a parameter. Each query is one read round trip.
import { ENTITY_PROJECTION } from './entities.js';

/** A relation as src/cypher/rows.ts reads it, with its direction as stored. */
const RELATION_PROJECTION = `{.id, .level, .note, .citationsJson, .confidence, type: type(r), from: startNode(r).id, to: endNode(r).id}`;

/** Turns lists `ns` (nodes) and `rs` (relationships) into a path row of src/analysis-model.ts. */
const PATH_ROW = `{nodes: [n IN ns | n ${ENTITY_PROJECTION}], rels: [r IN rs | r ${RELATION_PROJECTION}]}`;

/**
 * Paths from a practice to the challenge `c` (imported), as lists `ns` and `rs`, practice first:
 *   practice ADDRESSES c;
 *   practice IN_CATEGORY category, category ADDRESSES c (Eken et al.'s Fig. 4);
 *   practice IMPLEMENTS / CORRESPONDS_TO x (a principle, or the same notion in another frame), x ADDRESSES c;
 *   practice RELATED_TO / CORRESPONDS_TO solution, solution RESOLVES c;
 * each also ending at a challenge that CORRESPONDS_TO c, one hop more.
 */
const ADDRESSING_PATHS = `
CALL (c) {
  CALL (c) {
    RETURN c AS t, [] AS eqNodes, [] AS eqRels
    UNION ALL
    MATCH (c)-[e:CORRESPONDS_TO]-(t:Challenge)
    RETURN t, [c] AS eqNodes, [e] AS eqRels
  }
  CALL (t) {
    MATCH (p:Practice)-[r1:ADDRESSES]->(t)
    RETURN [p, t] AS ns0, [r1] AS rs0
    UNION ALL
    MATCH (p:Practice)-[r1:IN_CATEGORY]->(x:Category)-[r2:ADDRESSES]->(t)
    RETURN [p, x, t] AS ns0, [r1, r2] AS rs0
    UNION ALL
    MATCH (p:Practice)-[r1:IMPLEMENTS|CORRESPONDS_TO]-(x:Entity)-[r2:ADDRESSES]->(t)
    RETURN [p, x, t] AS ns0, [r1, r2] AS rs0
    UNION ALL
    MATCH (p:Practice)-[r1:RELATED_TO|CORRESPONDS_TO]-(x:Solution)-[r2:RESOLVES]->(t)
    RETURN [p, x, t] AS ns0, [r1, r2] AS rs0
  }
  RETURN ns0 + eqNodes AS ns, rs0 + eqRels AS rs
}`;

/** $challengeId: the asked id. Returns its kind (null when unknown) and the supporting paths. */
export const PRACTICES_ADDRESSING = `
OPTIONAL MATCH (c:Entity {id: $challengeId})
CALL (c) {
  WITH c WHERE c:Challenge
  ${ADDRESSING_PATHS}
  RETURN collect(${PATH_ROW}) AS paths
}
RETURN c.kind AS kind, paths`;

/**
 * Paths from a tool to a practice, as lists `ns` and `rs`, tool first, for the tools `toolIds` and
 * practices `practiceIds` (imported; null: all):
 *   tool SUPPORTS practice (the source's own statement);
 *   tool SUPPORTS component, component IMPLEMENTS principle, principle CORRESPONDS_TO practice;
 *   tool SUPPORTS component or principle, which CORRESPONDS_TO practice (the same notion).
 */
const SUPPORT_PATHS = `
CALL (toolIds, practiceIds) {
  MATCH (t:Tool)-[s:SUPPORTS]->(p:Practice)
  WHERE (toolIds IS NULL OR t.id IN toolIds) AND (practiceIds IS NULL OR p.id IN practiceIds)
  RETURN [t, p] AS ns, [s] AS rs
  UNION ALL
  MATCH (t:Tool)-[s:SUPPORTS]->(x:Component)-[i:IMPLEMENTS]->(y:Principle)-[k:CORRESPONDS_TO]-(p:Practice)
  WHERE (toolIds IS NULL OR t.id IN toolIds) AND (practiceIds IS NULL OR p.id IN practiceIds)
  RETURN [t, x, y, p] AS ns, [s, i, k] AS rs
  UNION ALL
  MATCH (t:Tool)-[s:SUPPORTS]->(x:Component|Principle)-[k:CORRESPONDS_TO]-(p:Practice)
  WHERE (toolIds IS NULL OR t.id IN toolIds) AND (practiceIds IS NULL OR p.id IN practiceIds)
  RETURN [t, x, p] AS ns, [s, k] AS rs
}`;

/**
 * $toolIds, $practiceIds: the asked ids, or null for all. Returns the asked practices (all when
 * null), the asked tools (none when null: the resolver takes the tools of the cells), and every
 * supporting path between them.
 */
export const COVERAGE = `
WITH $toolIds AS toolIds, $practiceIds AS practiceIds
CALL (practiceIds) {
  MATCH (p:Practice) WHERE practiceIds IS NULL OR p.id IN practiceIds
  WITH p ORDER BY p.sortKey, p.id
  RETURN collect(p ${ENTITY_PROJECTION}) AS practices
}
CALL (toolIds) {
  MATCH (t:Tool) WHERE toolIds IS NOT NULL AND t.id IN toolIds
  WITH t ORDER BY t.sortKey, t.id
  RETURN collect(t ${ENTITY_PROJECTION}) AS tools
}
CALL (toolIds, practiceIds) {
  ${SUPPORT_PATHS}
  RETURN collect(${PATH_ROW}) AS paths
}
RETURN practices, tools, paths`;

/**
 * $challengeIds: the asked ids. Returns each asked id with its kind (null when unknown), the paths
 * from practices to any of the challenges, and the support paths from every tool to those practices.
 */
export const RECOMMEND_STACK = `
UNWIND $challengeIds AS cid
OPTIONAL MATCH (c:Entity {id: cid})
CALL (c) {
  WITH c WHERE c:Challenge
  ${ADDRESSING_PATHS}
  RETURN collect(${PATH_ROW}) AS found
}
WITH collect({id: cid, kind: c.kind}) AS asked, collect(found) AS foundLists
WITH asked, reduce(acc = [], l IN foundLists | acc + l) AS addressing
WITH asked, addressing, null AS toolIds, [row IN addressing | row.nodes[0].id] AS practiceIds
CALL (toolIds, practiceIds) {
  ${SUPPORT_PATHS}
  RETURN collect(${PATH_ROW}) AS support
}
RETURN asked, addressing, support`;

/**
 * $fromId, $toId, $maxHops, $first. Returns both ends (null when unknown) and the least-length paths
 * between them, following relations either way, at most $maxHops long (the pattern's own bound, 6,
 * is the largest maxHops allowed), in a stable order (the names, then ids, along the path).
 */
export const PATHS = `
OPTIONAL MATCH (a:Entity {id: $fromId})
OPTIONAL MATCH (b:Entity {id: $toId})
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
  MATCH p = ALL SHORTEST (a)-[]-{1,6}(b)
  WHERE length(p) <= $maxHops
  WITH p, [n IN nodes(p) | [n.sortKey, n.id]] AS orderKey, [r IN relationships(p) | r.id] AS relKey
  ORDER BY orderKey, relKey
  LIMIT $first
  WITH nodes(p) AS ns, relationships(p) AS rs
  RETURN collect(${PATH_ROW}) AS paths
}
RETURN a ${ENTITY_PROJECTION} AS fromNode, b ${ENTITY_PROJECTION} AS toNode, paths`;

/** $index, $query (Lucene syntax, built by src/analysis-model.ts), $kinds (null: all), $first. */
export const SEARCH = `
CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
WITH node, score
WHERE node:Entity AND ($kinds IS NULL OR node.kind IN $kinds)
ORDER BY score DESC, node.sortKey, node.id
LIMIT $first
RETURN node ${ENTITY_PROJECTION} AS node, score`;

/** Counts over the whole graph, and the version the seed loader stamped. */
export const STATS = `
CALL () {
  MATCH (n:Entity)
  RETURN count(n) AS entities
}
CALL () {
  MATCH (:Entity)-[r]->(:Entity)
  RETURN count(r) AS relations
}
CALL () {
  MATCH (n:Entity)
  WITH n.kind AS kind, count(*) AS count
  RETURN collect({kind: kind, count: count}) AS byKind
}
CALL () {
  MATCH (:Entity)-[r]->(:Entity)
  WITH type(r) AS type, count(*) AS count
  RETURN collect({type: type, count: count}) AS byRelation
}
CALL () {
  MATCH (s:Source)
  WITH s ORDER BY s.sortKey, s.id
  WITH s,
       COUNT { MATCH (n:Entity) WHERE s.id IN n.sourceIds } AS entities,
       COUNT { MATCH (:Entity)-[r]->(:Entity) WHERE s.id IN r.sourceIds } AS relations
  RETURN collect({source: s ${ENTITY_PROJECTION}, entities: entities, relations: relations}) AS bySource
}
OPTIONAL MATCH (d:Dataset {id: 'current'})
RETURN entities, relations, byKind, byRelation, bySource, d.version AS datasetVersion`;
