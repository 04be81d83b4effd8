// Writes a validated dataset into Neo4j in ONE transaction: it all commits or nothing changes.
// Idempotent (MERGE on stable ids, properties replaced), stamps the dataset version, removes what
// the files no longer hold only when asked (prune), and can report the change without writing.
import { ENTITY_KINDS, RELATION_TYPES } from '../domain/ontology.js';
import type { Db } from '../neo4j/driver.js';
import {
  PRUNE_ENTITIES,
  PRUNE_RELATIONS,
  READ_ALL_ENTITIES,
  READ_ALL_RELATIONS,
  READ_DATASET,
  STAMP_DATASET,
  upsertEntities,
  upsertRelations,
} from '../cypher/seed.js';
import { hashOf, type Dataset, type DatasetEntity, type DatasetRelation } from './dataset.js';
import { entityFromRow, entityProps, relationFromRow, relationProps, type EntityRow, type RelationRow } from './graph-form.js';

export interface LoadOptions {
  /** Remove entities and relations the seed no longer holds. */
  readonly prune?: boolean;
  /** Compute and return the change, write nothing. */
  readonly dryRun?: boolean;
}

export interface ChangeSet {
  readonly addedEntities: string[];
  readonly changedEntities: string[];
  readonly removedEntities: string[];
  readonly addedRelations: string[];
  readonly changedRelations: string[];
  readonly removedRelations: string[];
}

export interface LoadResult {
  readonly version: string;
  readonly changes: ChangeSet;
  readonly written: boolean;
}

/** The version the API reports: date of the load and the start of the content hash. */
export function datasetVersion(contentHash: string, date = new Date()): string {
  return `${date.toISOString().slice(0, 10)}+${contentHash.slice(0, 12)}`;
}

export async function loadDataset(db: Db, dataset: Dataset, options: LoadOptions = {}): Promise<LoadResult> {
  const before = await readGraph(db);
  const changes = diff(before, dataset, options.prune ?? false);
  const version = datasetVersion(dataset.contentHash);
  if (options.dryRun) return { version, changes, written: false };

  await db.writeTx(async (tx) => {
    for (const kind of ENTITY_KINDS) {
      const rows = dataset.entities.filter((e) => e.kind === kind).map((e) => ({ id: e.id, props: entityProps(e) }));
      if (rows.length > 0) await tx.run(upsertEntities(kind), { rows });
    }
    for (const type of RELATION_TYPES) {
      const rows = dataset.relations
        .filter((r) => r.type === type)
        .map((r) => ({ id: r.id, from: r.from, to: r.to, props: relationProps(r) }));
      if (rows.length > 0) await tx.run(upsertRelations(type), { rows });
    }
    if (options.prune) {
      await tx.run(PRUNE_RELATIONS, { ids: dataset.relations.map((r) => r.id) });
      await tx.run(PRUNE_ENTITIES, { ids: dataset.entities.map((e) => e.id) });
    }
    await tx.run(STAMP_DATASET, {
      version,
      contentHash: dataset.contentHash,
      entities: dataset.entities.length,
      relations: dataset.relations.length,
    });
  });
  return { version, changes, written: true };
}

export interface GraphContent {
  readonly entities: DatasetEntity[];
  readonly relations: DatasetRelation[];
}

/** Reads every entity and relation back into the seed's canonical form. */
export async function readGraph(db: Db): Promise<GraphContent> {
  const [e, r] = await Promise.all([db.read<EntityRow>(READ_ALL_ENTITIES), db.read<RelationRow>(READ_ALL_RELATIONS)]);
  return {
    entities: e.records.map((rec) => entityFromRow(rec.toObject() as EntityRow)),
    relations: r.records.map((rec) => relationFromRow(rec.toObject() as RelationRow)),
  };
}

/** Content hash of what the graph holds now; equals the seed's hash after a pruned load. */
export async function graphContentHash(db: Db): Promise<string> {
  const g = await readGraph(db);
  return hashOf(g.entities, g.relations);
}

export interface DatasetStamp {
  readonly version: string;
  readonly contentHash: string;
  readonly loadedAt: string;
  readonly entities: number;
  readonly relations: number;
}

export async function readDatasetStamp(db: Db): Promise<DatasetStamp | undefined> {
  const res = await db.read(READ_DATASET);
  const rec = res.records[0];
  return rec ? (rec.toObject() as unknown as DatasetStamp) : undefined;
}

function diff(before: GraphContent, dataset: Dataset, prune: boolean): ChangeSet {
  const compare = <T extends { id: string }>(old: readonly T[], next: readonly T[]) => {
    const oldById = new Map(old.map((x) => [x.id, JSON.stringify(x)]));
    const nextIds = new Set(next.map((x) => x.id));
    return {
      added: next.filter((x) => !oldById.has(x.id)).map((x) => x.id),
      changed: next.filter((x) => oldById.has(x.id) && oldById.get(x.id) !== JSON.stringify(x)).map((x) => x.id),
      removed: prune ? old.filter((x) => !nextIds.has(x.id)).map((x) => x.id) : [],
    };
  };
  const e = compare(before.entities, dataset.entities);
  const r = compare(before.relations, dataset.relations);
  return {
    addedEntities: e.added,
    changedEntities: e.changed,
    removedEntities: e.removed,
    addedRelations: r.added,
    changedRelations: r.changed,
    removedRelations: r.removed,
  };
}
