// Cypher of the exports (read by src/repos/exports.ts for src/http/exports/, docs/explorer.md). Always parameterized: the
// statements are fixed text; the kind travels as a parameter. Each statement is streamed record by
// record in one READ transaction, so its result is never held whole in the API's memory.
import { supportPaths } from './analysis.js';
import { ENTITY_PROJECTION } from './entities.js';
import { datasetNode } from './dataset.js';

/** The loaded dataset's version (null when none was stamped), sent as a response header. */
export const EXPORT_DATASET_VERSION = `
OPTIONAL MATCH ${datasetNode()}
RETURN d.version AS version`;

/** $kind: an EntityKind. Every entity of that kind, in the order of the GraphQL lists (name, then id). */
export const EXPORT_ENTITIES = `
MATCH (n:Entity {kind: $kind})
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.summary AS summary, n.aliases AS aliases,
       n.attributesJson AS attributesJson, n.confidence AS confidence, n.sourceIds AS sourceIds,
       n.citationsJson AS citationsJson
ORDER BY n.sortKey, n.id`;

/** Every relation between entities, ordered by its id ("<from>-[<TYPE>]-><to>"). */
export const EXPORT_RELATIONS = `
MATCH (a:Entity)-[r]->(b:Entity)
RETURN r.id AS id, type(r) AS type, a.id AS fromId, a.kind AS fromKind, a.name AS fromName,
       b.id AS toId, b.kind AS toKind, b.name AS toName, r.level AS level, r.note AS note,
       r.confidence AS confidence, r.sourceIds AS sourceIds, r.citationsJson AS citationsJson
ORDER BY r.id`;

/** Every practice, in the order of the coverage matrix's columns (the `coverage` query's order). */
export const EXPORT_COVERAGE_PRACTICES = `
MATCH (p:Practice)
RETURN p.id AS id, p.name AS name
ORDER BY p.sortKey, p.id`;

const RELATION_PROJECTION = `{.id, .level, .note, .citationsJson, .confidence, type: type(r), from: startNode(r).id, to: endNode(r).id}`;

/**
 * One record per tool that supports at least one practice, ordered by name then id, with every
 * support path from it to a practice: the very patterns of the `coverage` query (supportPaths of
 * src/cypher/analysis.ts: a tool's own support, a catalogue section's COVERS, its parts' support). The
 * paths are shaped as src/analysis/paths.ts's PathRow, so the cells are built by the same code
 * (buildCells) as the query's; test/exports.test.ts checks that the two agree.
 */
export const EXPORT_COVERAGE_BY_TOOL = `
MATCH (t:Tool)
CALL (t) {
  ${supportPaths(false, false)}
}
WITH t, collect({nodes: [n IN ns | n ${ENTITY_PROJECTION}], rels: [r IN rs | r ${RELATION_PROJECTION}]}) AS paths
ORDER BY t.sortKey, t.id
RETURN t.id AS toolId, paths`;
