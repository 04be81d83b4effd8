// Cypher of the full-text search (src/repos/search.ts). Parameterized: $index, $query (Lucene syntax,
// built by src/analysis/search-query.ts), $kinds (null: all), $first candidates, $probe (> $first).
//
// The contract orders hits by score, then sortKey and id, and the full-text index cannot break ties
// that way: read naively, every hit is read and sorted, so the cost grows with the number of hits
// (a common word matches thousands of entities in a large graph). Two phases, in one round trip:
//   1. Lucene's own top-k: the $probe best hits by score (the index does not read the rest), ordered
//      by the contract and cut at $first. That is exact when the index had no more hits, or when the
//      $first-th score is above the lowest score Lucene returned: every hit left out scores lower.
//   2. Otherwise (the $first-th score ties with hits beyond the probe, or the kinds left fewer than
//      $first): every hit again, but only those at or above the $first-th score are read and ordered.
// Both give exactly the single-phase order (searchQueryFullOrder below; test/search-two-phase.test.ts).
import { ENTITY_PROJECTION, entityProjection } from './entities.js';

/** Every stored property (null), or only those named (id, kind and name always). */
export type SearchProps = readonly string[] | null;
const entityMap = (props: SearchProps) => (props ? entityProjection(props) : ENTITY_PROJECTION);

const KEPT = `node:Entity AND ($kinds IS NULL OR node.kind IN $kinds)`;

export const searchQuery = (props: SearchProps) => `
CALL db.index.fulltext.queryNodes($index, $query, {limit: $probe}) YIELD node, score
WITH collect({node: node, score: score}) AS probed
WITH size(probed) < $probe AS complete, probed[-1].score AS lowest,
     [h IN probed WHERE h.node:Entity AND ($kinds IS NULL OR h.node.kind IN $kinds)] AS kept
CALL (kept) {
  UNWIND kept AS h
  WITH h ORDER BY h.score DESC, h.node.sortKey, h.node.id
  LIMIT $first
  RETURN collect(h) AS top
}
WITH top, complete OR (size(top) = $first AND top[-1].score > lowest) AS exact,
     CASE WHEN size(top) = $first THEN top[-1].score END AS threshold
CALL (top, exact, threshold) {
  WITH top WHERE exact
  UNWIND top AS h
  RETURN h.node AS node, h.score AS score
  UNION ALL
  WITH threshold WHERE NOT exact
  CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
  WITH node, score WHERE threshold IS NULL OR score >= threshold
  WITH node, score WHERE ${KEPT}
  ORDER BY score DESC, node.sortKey, node.id
  LIMIT $first
  RETURN node, score
}
WITH node, score ORDER BY score DESC, node.sortKey, node.id
RETURN node ${entityMap(props)} AS node, score`;

/** The single-phase statement: every hit read and ordered (the reference the two phases must equal). */
export const searchQueryFullOrder = (props: SearchProps) => `
CALL db.index.fulltext.queryNodes($index, $query) YIELD node, score
WITH node, score
WHERE ${KEPT}
ORDER BY score DESC, node.sortKey, node.id
LIMIT $first
RETURN node ${entityMap(props)} AS node, score`;
