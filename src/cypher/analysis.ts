// Cypher of the analysis queries (schema/analysis.graphql). Always parameterized: the statements
// below are fixed text, composed only from the constant fragments of this module; every value
// travels as a parameter. Each query is one read round trip.
import { graphVersionCall } from './graph-version.js';
import { ENTITY_PROJECTION, entityProjection } from './entities.js';
import { datasetNode } from './dataset.js';

/** A relation as src/domain/stored-form.ts reads it, with its direction as stored. */
const RELATION_PROJECTION = `{.id, .level, .note, .citationsJson, .confidence, type: type(r), from: startNode(r).id, to: endNode(r).id}`;

/**
 * The map each returned entity is read as: every stored property (null), or only those named (the
 * look-ahead of src/loaders/analysis-lookahead.ts; id, kind and name always).
 */
export type EntityProps = readonly string[] | null;
export const entityMap = (props: EntityProps) => (props ? entityProjection(props) : ENTITY_PROJECTION);

/** A path as ids: `ns` (nodes) and `rs` (relationships) -> a path row of src/analysis/. */
const PATH_ROW = `{nodes: [n IN ns | n.id], rels: [r IN rs | r.id]}`;

/**
 * Aggregates rows of paths (`ns`, `rs`) into `<name>` (the paths, as ids) and `<name>Entities` /
 * `<name>Relations` (each distinct entity and relation on them, projected once: an entity is on many
 * paths, and its citations would otherwise travel once per path).
 */
export const collectPaths = (name: string, props: EntityProps) => `
WITH collect(${PATH_ROW}) AS ${name}, collect(ns) AS nodeLists, collect(rs) AS relLists
CALL (nodeLists) {
  UNWIND nodeLists AS l
  UNWIND l AS n
  RETURN collect(DISTINCT n) AS distinctNodes
}
CALL (relLists) {
  UNWIND relLists AS l
  UNWIND l AS r
  RETURN collect(DISTINCT r) AS distinctRels
}
RETURN ${name},
  [n IN distinctNodes | n ${entityMap(props)}] AS ${name}Entities,
  [r IN distinctRels | r ${RELATION_PROJECTION}] AS ${name}Relations`;

/**
 * Paths from a practice to the challenge `c` (imported), as lists `ns` and `rs`, practice first, along
 * the roads of seed/README.md §9 (src/analysis/ranking.ts grades them):
 *   practice ADDRESSES c;
 *   practice IN_CATEGORY category, category ADDRESSES c (Eken et al.'s Fig. 4);
 *   practice IMPLEMENTS / CORRESPONDS_TO x (a principle, component, or the same notion in another frame), x ADDRESSES c;
 *   practice CORRESPONDS_TO / PARTLY_OVERLAPS solution, solution RESOLVES c;
 * each also ending at a challenge that CORRESPONDS_TO c, is broader or narrower than c (NARROWER_THAN)
 * or PARTLY_OVERLAPS it, one hop more.
 */
export const ADDRESSING_PATHS = `
CALL (c) {
  CALL (c) {
    RETURN c AS t, [] AS eqNodes, [] AS eqRels
    UNION ALL
    MATCH (c)-[e:CORRESPONDS_TO|NARROWER_THAN|PARTLY_OVERLAPS]-(t:Challenge)
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
    MATCH (p:Practice)-[r1:CORRESPONDS_TO|PARTLY_OVERLAPS]-(x:Solution)-[r2:RESOLVES]->(t)
    RETURN [p, x, t] AS ns0, [r1, r2] AS rs0
  }
  RETURN ns0 + eqNodes AS ns, rs0 + eqRels AS rs
}`;

/** $challengeId: the asked id. Returns its kind (null when unknown) and the supporting paths. */
export const practicesAddressingQuery = (props: EntityProps) => `
OPTIONAL MATCH (c:Entity {id: $challengeId})
CALL (c) {
  WITH c WHERE c:Challenge
  ${ADDRESSING_PATHS}
  ${collectPaths('paths', props)}
}
RETURN c.kind AS kind, paths, pathsEntities, pathsRelations`;

/**
 * Paths from a tool to a practice, as lists `ns` and `rs`, tool first, for the tools in the list
 * `toolIds` and the practices in `practiceIds` (variables of the caller; a filter left out: all),
 * graded by src/analysis/coverage.ts:
 *   tool SUPPORTS practice (the source's own statement);
 *   tool SUPPORTS component, component IMPLEMENTS principle, principle CORRESPONDS_TO practice (weak);
 *   tool SUPPORTS component or principle, which CORRESPONDS_TO practice (the same notion);
 *   tool IN_CATEGORY a catalogue section that COVERS the practice (the curators' section-level
 *   mapping: the weaker fallback; `sections`);
 *   tool <-PART_OF- part, and the part's support along the first three roads (`parts`: a tool's
 *   coverage counts its parts', e.g. Kubeflow Pipelines' for Kubeflow).
 * One statement per combination of filters, so that a given list is always an index seek.
 */
export const supportPaths = (byTools: boolean, byPractices: boolean, roads: { sections: boolean; parts: boolean } = { sections: true, parts: true }) => {
  const where = [byTools && 't.id IN toolIds', byPractices && 'p.id IN practiceIds'].filter(Boolean).join(' AND ');
  const w = where ? `WHERE ${where}` : '';
  return `
  MATCH (t:Tool)-[s:SUPPORTS]->(p:Practice) ${w}
  RETURN [t, p] AS ns, [s] AS rs
  UNION ALL
  MATCH (t:Tool)-[s:SUPPORTS]->(x:Component)-[i:IMPLEMENTS]->(y:Principle)-[k:CORRESPONDS_TO]-(p:Practice) ${w}
  RETURN [t, x, y, p] AS ns, [s, i, k] AS rs
  UNION ALL
  MATCH (t:Tool)-[s:SUPPORTS]->(x:Component|Principle)-[k:CORRESPONDS_TO]-(p:Practice) ${w}
  RETURN [t, x, p] AS ns, [s, k] AS rs${
    roads.sections
      ? `
  UNION ALL
  MATCH (t:Tool)-[s:IN_CATEGORY]->(x:Category)-[k:COVERS]->(p:Practice) ${w}
  RETURN [t, x, p] AS ns, [s, k] AS rs`
      : ''
  }${
    roads.parts
      ? `
  UNION ALL
  MATCH (t:Tool)<-[pp:PART_OF]-(q:Tool)-[s:SUPPORTS]->(p:Practice) ${w}
  RETURN [t, q, p] AS ns, [pp, s] AS rs
  UNION ALL
  MATCH (t:Tool)<-[pp:PART_OF]-(q:Tool)-[s:SUPPORTS]->(x:Component)-[i:IMPLEMENTS]->(y:Principle)-[k:CORRESPONDS_TO]-(p:Practice) ${w}
  RETURN [t, q, x, y, p] AS ns, [pp, s, i, k] AS rs
  UNION ALL
  MATCH (t:Tool)<-[pp:PART_OF]-(q:Tool)-[s:SUPPORTS]->(x:Component|Principle)-[k:CORRESPONDS_TO]-(p:Practice) ${w}
  RETURN [t, q, x, p] AS ns, [pp, s, k] AS rs`
      : ''
  }`;
};

/**
 * $toolIds, $practiceIds: the asked ids (each only in the statements for a request that gives it).
 * Returns the asked practices (all when none are asked), the asked tools (none when none are asked:
 * the resolver takes the tools of the cells), and every supporting path between them; `withVersion`:
 * also the dataset version read before and after (src/cache/versioned-cache.ts).
 */
export function coverageQuery(byTools: boolean, byPractices: boolean, withVersion = false, props: EntityProps = null): string {
  return `
${withVersion ? graphVersionCall('versionBefore') : "WITH null AS versionBefore"}
WITH versionBefore, ${byTools ? '$toolIds' : 'null'} AS toolIds, ${byPractices ? '$practiceIds' : 'null'} AS practiceIds
CALL (practiceIds) {
  MATCH (p:Practice) ${byPractices ? 'WHERE p.id IN practiceIds' : ''}
  WITH p ORDER BY p.sortKey, p.id
  RETURN collect(p ${entityMap(props)}) AS practices
}
CALL (toolIds) {
  ${byTools ? 'MATCH (t:Tool) WHERE t.id IN toolIds' : 'MATCH (t:Tool) WHERE false'}
  WITH t ORDER BY t.sortKey, t.id
  RETURN collect(t ${entityMap(props)}) AS tools
}
CALL (toolIds, practiceIds) {
  CALL (toolIds, practiceIds) {
    ${supportPaths(byTools, byPractices)}
  }
  ${collectPaths('paths', props)}
}
${withVersion ? graphVersionCall('versionAfter') : "WITH *, null AS versionAfter"}
RETURN practices, tools, paths, pathsEntities, pathsRelations, versionBefore, versionAfter`;
}

/**
 * The roads recommendStack rests on: never a catalogue section's (a section-level COVERS is the
 * curators' fallback, too coarse to pick a tool by), and, as before parts rolled up in coverage,
 * only a tool's own support.
 */
const STACK_ROADS = { sections: false, parts: false } as const;

/**
 * $challengeIds: the asked ids. Returns each asked id with its kind (null when unknown), the paths
 * from practices to any of the challenges, and the support paths from every tool to those practices.
 */
export const recommendStackQuery = (props: EntityProps) => `
UNWIND $challengeIds AS cid
OPTIONAL MATCH (c:Entity {id: cid})
CALL (c) {
  WITH c WHERE c:Challenge
  ${ADDRESSING_PATHS}
  RETURN collect({ns: ns, rs: rs}) AS found
}
WITH collect({id: cid, kind: c.kind}) AS asked, collect(found) AS foundLists
WITH asked, reduce(acc = [], l IN foundLists | acc + l) AS found
CALL (found) {
  UNWIND found AS f
  WITH f.ns AS ns, f.rs AS rs
  ${collectPaths('addressing', props)}
}
CALL (addressing) {
  UNWIND addressing AS row
  RETURN collect(DISTINCT row.nodes[0]) AS practiceIds
}
CALL (practiceIds) {
  CALL (practiceIds) {
    ${supportPaths(false, true, STACK_ROADS)}
  }
  ${collectPaths('support', props)}
}
CALL (practiceIds) {
  MATCH (p:Practice)-[:IN_CATEGORY]->(k:Category)
  WHERE p.id IN practiceIds AND k.id IN $organisationalCategories
  RETURN collect(DISTINCT p.id) AS organisational
}
RETURN asked, addressing, addressingEntities, addressingRelations, support, supportEntities, supportRelations, organisational`;

/**
 * $fromId, $toId, $first; `maxHops` (1-6, checked by the resolver) is the pattern's own bound, so
 * the search never looks further than asked. Returns both ends (null when unknown) and up to
 * $candidates least-length paths between them, following relations either way, in a stable order (the
 * ids along the path); src/analysis/paths.ts orders them by evidence and keeps the first asked.
 */
export function pathsQuery(maxHops: number, props: EntityProps = null): string {
  if (!Number.isInteger(maxHops) || maxHops < 1 || maxHops > 6) throw new Error(`maxHops out of range: ${maxHops}`);
  return `
OPTIONAL MATCH (a:Entity {id: $fromId})
OPTIONAL MATCH (b:Entity {id: $toId})
CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
  MATCH p = ALL SHORTEST (a)-[]-{1,${maxHops}}(b)
  WITH p, [n IN nodes(p) | n.id] AS orderKey, [r IN relationships(p) | r.id] AS relKey
  ORDER BY orderKey, relKey
  LIMIT $candidates
  WITH nodes(p) AS ns, relationships(p) AS rs
  ${collectPaths('paths', props)}
}
RETURN a ${entityMap(props)} AS fromNode, b ${entityMap(props)} AS toNode, paths, pathsEntities, pathsRelations`;
}

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
OPTIONAL MATCH ${datasetNode()}
RETURN entities, relations, byKind, byRelation, bySource, d.version AS datasetVersion`;
