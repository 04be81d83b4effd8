// The floor's statements (bench/floor.ts): one hand-written Cypher query per benchmark operation,
// written for the exact request shape and fetching only the fields the response carries. Search
// runs the API's own two-phase statement (src/cypher/search.ts): it is what reading the top
// candidates exactly costs, and there is no shorter way to write it.
import { searchQuery } from '../src/cypher/search.js';
import { LINKS_FIRST, MAX_HOPS, type OpName } from './ops.js';

export const NODE = `{.id, .kind, .name, .toolType}`;
/** What the ranking's text relevance reads (src/analysis/relevance.ts). */
const RANKED_NODE = `{.id, .kind, .name, .toolType, .aliases, .summary}`;
/** Also a tool's citations: the stack breaks ties toward the tool more sources name. */
const STACK_NODE = `{.id, .kind, .name, .toolType, .aliases, .summary, .citationsJson}`;
export const REL = `{.id, .level, .citationsJson, .confidence, type: type(r), from: startNode(r).id, to: endNode(r).id}`;
const PATH = `{nodes: [n IN ns | n ${NODE}], rels: [r IN rs | r ${REL}]}`;
const RANKED_PATH = `{nodes: [n IN ns | n ${RANKED_NODE}], rels: [r IN rs | r ${REL}]}`;
const STACK_PATH = `{nodes: [n IN ns | n ${STACK_NODE}], rels: [r IN rs | r ${REL}]}`;

/** Practices to challenge `c`: directly, via a category, a principle or equivalent, a solution; also via a corresponding, broader, narrower or overlapping challenge. */
const ADDRESSING = `
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
WITH ns0 + eqNodes AS ns, rs0 + eqRels AS rs`;

const PRACTICES_ADDRESSING = `
MATCH (c:Challenge {id: $challengeId})
${ADDRESSING}
RETURN collect(${RANKED_PATH}) AS paths`;

/**
 * Support paths tool -> practice; `toolWhere` / `practiceWhere` are fixed fragments of this module.
 * `all`: also a catalogue section's COVERS and a part's support rolled up to its tool (coverage);
 * recommendStack rests on neither.
 */
const support = (toolWhere: string, practiceWhere: string, all: boolean) => {
  const where = [toolWhere, practiceWhere].filter(Boolean).join(' AND ');
  const w = where ? `WHERE ${where}` : '';
  const own = `
  MATCH (t:Tool)-[s:SUPPORTS]->(p:Practice) ${w}
  RETURN [t, p] AS ns, [s] AS rs
  UNION ALL
  MATCH (t:Tool)-[s:SUPPORTS]->(x:Component)-[i:IMPLEMENTS]->(y:Principle)-[k:CORRESPONDS_TO]-(p:Practice) ${w}
  RETURN [t, x, y, p] AS ns, [s, i, k] AS rs
  UNION ALL
  MATCH (t:Tool)-[s:SUPPORTS]->(x:Component|Principle)-[k:CORRESPONDS_TO]-(p:Practice) ${w}
  RETURN [t, x, p] AS ns, [s, k] AS rs`;
  if (!all) return own;
  return `${own}
  UNION ALL
  MATCH (t:Tool)-[s:IN_CATEGORY]->(x:Category)-[k:COVERS]->(p:Practice) ${w}
  RETURN [t, x, p] AS ns, [s, k] AS rs
  UNION ALL
  MATCH (t:Tool)<-[pp:PART_OF]-(q:Tool)-[s:SUPPORTS]->(p:Practice) ${w}
  RETURN [t, q, p] AS ns, [pp, s] AS rs
  UNION ALL
  MATCH (t:Tool)<-[pp:PART_OF]-(q:Tool)-[s:SUPPORTS]->(x:Component)-[i:IMPLEMENTS]->(y:Principle)-[k:CORRESPONDS_TO]-(p:Practice) ${w}
  RETURN [t, q, x, y, p] AS ns, [pp, s, i, k] AS rs
  UNION ALL
  MATCH (t:Tool)<-[pp:PART_OF]-(q:Tool)-[s:SUPPORTS]->(x:Component|Principle)-[k:CORRESPONDS_TO]-(p:Practice) ${w}
  RETURN [t, q, x, p] AS ns, [pp, s, k] AS rs`;
};

const COVERAGE_FULL = `
CALL () {
  MATCH (p:Practice)
  RETURN collect(p ${NODE}) AS practices
}
CALL () {
  ${support('', '', true)}
}
RETURN practices, collect(${PATH}) AS paths`;

const COVERAGE_FILTERED = `
CALL () {
  MATCH (p:Practice) WHERE p.id IN $practiceIds
  RETURN collect(p ${NODE}) AS practices
}
CALL () {
  MATCH (t:Tool) WHERE t.id IN $toolIds
  RETURN collect(t ${NODE}) AS tools
}
CALL () {
  ${support('t.id IN $toolIds', 'p.id IN $practiceIds', true)}
}
RETURN practices, tools, collect(${PATH}) AS paths`;

const RECOMMEND_STACK = `
MATCH (c:Challenge) WHERE c.id IN $challengeIds
CALL (c) {
  ${ADDRESSING}
  RETURN collect(${RANKED_PATH}) AS found
}
WITH collect(found) AS foundLists
WITH reduce(acc = [], l IN foundLists | acc + l) AS addressing
CALL (addressing) {
  UNWIND addressing AS row
  RETURN collect(DISTINCT row.nodes[0].id) AS practiceIds
}
CALL (practiceIds) {
  MATCH (p:Practice)-[:IN_CATEGORY]->(k:Category)
  WHERE p.id IN practiceIds AND k.id IN $organisationalCategories
  RETURN collect(DISTINCT p.id) AS organisational
}
CALL (practiceIds) {
  ${support('', 'p.id IN practiceIds', false)}
}
RETURN addressing, organisational, collect(${STACK_PATH}) AS support`;

const NESTED_LIST = `
CALL () {
  MATCH (c:Challenge)
  RETURN count(c) AS total
}
CALL () {
  MATCH (c:Challenge)
  WHERE c.sortKey >= coalesce($afterKey, '') AND ($afterKey IS NULL OR c.sortKey > $afterKey OR c.id > $afterId)
  WITH c ORDER BY c.sortKey, c.id
  LIMIT $limit
  RETURN collect(c {
    .id, .name, .sortKey,
    practices: COLLECT {
      MATCH (c)<-[r:ADDRESSES]-(p:Practice)
      WITH r, p ORDER BY p.sortKey, p.id LIMIT ${LINKS_FIRST}
      RETURN {
        relation: {confidence: r.confidence},
        node: p {
          .id, .name,
          tools: COLLECT {
            MATCH (p)<-[s:SUPPORTS]-(t:Tool)
            WITH s, t ORDER BY t.sortKey, t.id LIMIT ${LINKS_FIRST}
            RETURN {relation: {level: s.level, confidence: s.confidence}, node: t {.id, .name}}
          }
        }
      }
    }
  }) AS page
}
RETURN total, page`;

/** The candidates the API reads (100, best first), with what its ranking looks at (name, aliases). */
const SEARCH = searchQuery(['aliases']);

const PATHS = `
MATCH (a:Entity {id: $fromId}), (b:Entity {id: $toId})
MATCH p = ALL SHORTEST (a)-[]-{1,${MAX_HOPS}}(b)
WITH p, [n IN nodes(p) | n.id] AS orderKey, [r IN relationships(p) | r.id] AS relKey
ORDER BY orderKey, relKey
LIMIT 200
RETURN [n IN nodes(p) | n ${NODE}] AS nodes, [r IN relationships(p) | r ${REL}] AS rels`;

/** The floor's statements by operation (for inspection and comparisons). */
export const FLOOR_CYPHER: Record<OpName, string> = {
  practicesAddressing: PRACTICES_ADDRESSING,
  coverageFull: COVERAGE_FULL,
  coverageFiltered: COVERAGE_FILTERED,
  nestedList: NESTED_LIST,
  search: SEARCH,
  recommendStack: RECOMMEND_STACK,
  paths: PATHS,
};
