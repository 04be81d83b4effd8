// Cypher of the answers of schema/answers.graphql (problems, gaps). Always parameterized: fixed text
// composed from the constant fragments of src/cypher/analysis.ts; each query is one read round trip.
import { ADDRESSING_PATHS, collectPaths, entityMap, type EntityProps } from './analysis.js';
import { ENTITY_PROJECTION } from './entities.js';
import { graphVersionCall } from './graph-version.js';

/**
 * Every challenge with the entities whose wording counts for it (src/analysis/problems.ts): those
 * linked to it by CORRESPONDS_TO, NARROWER_THAN or PARTLY_OVERLAPS, either way, with the relation
 * type; and the dataset version read before and after (the answer is cached per version).
 */
export const CHALLENGE_DOCUMENTS = `
${graphVersionCall('versionBefore')}
CALL () {
  MATCH (c:Challenge)
  WITH c ORDER BY c.sortKey, c.id
  CALL (c) {
    OPTIONAL MATCH (c)-[r:CORRESPONDS_TO|NARROWER_THAN|PARTLY_OVERLAPS]-(x:Entity)
    WHERE NOT x:Source
    WITH x, r ORDER BY x.sortKey, x.id
    RETURN collect(CASE WHEN x IS NULL THEN null ELSE {entity: x ${ENTITY_PROJECTION}, relation: type(r)} END) AS related
  }
  RETURN collect({challenge: c ${ENTITY_PROJECTION}, related: related}) AS documents
}
${graphVersionCall('versionAfter')}
RETURN documents, versionBefore, versionAfter`;

/**
 * Every challenge (`challenges`) and the paths from a practice to each (practicesAddressing's roads,
 * each path ending at the challenge it was found for), for the gaps.
 */
export const allAddressingQuery = (props: EntityProps) => `
CALL () {
  MATCH (c:Challenge)
  RETURN collect(c ${entityMap(props)}) AS challenges
}
CALL () {
  MATCH (c:Challenge)
  ${ADDRESSING_PATHS}
  ${collectPaths('paths', props)}
}
RETURN challenges, paths, pathsEntities, pathsRelations`;
