// Cypher of the seed loader. Labels and relationship types are interpolated only from the fixed
// ontology constants; every value travels as a parameter.
import { LABEL, type EntityKind, type RelationType } from '../domain/ontology.js';
import { datasetLoadNode, datasetNode } from './dataset.js';

export const upsertEntities = (kind: EntityKind) => `
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.props, n:${LABEL[kind]}`;

export const upsertRelations = (type: RelationType) => `
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
MERGE (a)-[r:${type} {id: row.id}]->(b)
SET r = row.props`;

export const PRUNE_ENTITIES = `
MATCH (n:Entity) WHERE NOT n.id IN $ids
DETACH DELETE n
RETURN count(*) AS removed`;

export const PRUNE_RELATIONS = `
MATCH (:Entity)-[r]->(:Entity) WHERE NOT r.id IN $ids
DELETE r
RETURN count(*) AS removed`;

export const STAMP_DATASET = `
MERGE ${datasetNode()}
SET d.version = $version, d.contentHash = $contentHash, d.loadedAt = datetime(), d.entities = $entities, d.relations = $relations,
    d.stamps = coalesce(d.stamps, 0) + 1`;

/** Everything the graph holds, as stored rows (src/domain/stored-form.ts) for the seed's canonical form. */
export const READ_ALL_ENTITIES = `
MATCH (n:Entity)
RETURN n.id AS id, n.kind AS kind, n.name AS name, n.summary AS summary, n.descriptionsJson AS descriptionsJson,
       n.toolType AS toolType, n.aliases AS aliases, n.attributesJson AS attributesJson, n.citationsJson AS citationsJson,
       n.confidence AS confidence
ORDER BY id`;

export const READ_ALL_RELATIONS = `
MATCH (a:Entity)-[r]->(b:Entity)
RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to, r.level AS level, r.note AS note,
       r.citationsJson AS citationsJson, r.confidence AS confidence
ORDER BY id`;

/** Entities the graph does not hold yet (the loader checked): CREATE, no lookup first. */
export const createEntities = (kind: EntityKind) => `
UNWIND $rows AS row
CREATE (n:Entity:${LABEL[kind]})
SET n = row.props`;

/** Relations the graph does not hold yet, between entities it holds. */
export const createRelations = (type: RelationType) => `
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
CREATE (a)-[r:${type}]->(b)
SET r = row.props
RETURN count(r) AS created`;

/** Undoes a batched load that failed: the relations of one type it created, by id (index seek). */
export const deleteRelationsById = (type: RelationType) => `
UNWIND $ids AS id
MATCH ()-[r:${type} {id: id}]->()
DELETE r`;

/** Undoes a batched load that failed: the entities it created, by id, with any relation to them. */
export const DELETE_ENTITIES_BY_ID = `
UNWIND $ids AS id
MATCH (n:Entity {id: id})
DETACH DELETE n`;

/**
 * A batched load in progress: the generation goes up when one starts and again when it ends (done or
 * undone), so a reader that saw the same generation and content hash before and after its work knows
 * no load changed the graph meanwhile (see src/cache/versioned-cache.ts). Not the dataset stamp: readers of
 * the stamp never see it.
 */
export const BUMP_LOAD_GENERATION = `
MERGE ${datasetLoadNode()}
SET l.generation = coalesce(l.generation, 0) + 1, l.loading = $loading`;
