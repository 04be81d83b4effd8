// Writes a validated dataset into Neo4j: it all takes effect or nothing changes.
// Idempotent (MERGE on stable ids, properties replaced), stamps the dataset version, removes what
// the files no longer hold only when asked (prune), and can report the change without writing.
//
// Two ways to write, chosen from the change the load makes:
//   - ONE transaction (any load that changes or prunes something, and every small load): it commits
//     or rolls back as a whole; its UNWIND statements go in slices of `batchRows` rows, so no single
//     statement carries a huge parameter.
//   - batches (a load that only ADDS more than `batchRows` entities and relations, e.g. a first load
//     of a large graph): the new entities, then the new relations, are CREATEd in transactions of
//     `batchRows` rows each, and the stamp is written last, in its own transaction. A batch that fails
//     undoes what the earlier batches created, so the graph and the stamp are left as they were. The
//     stamp flips only when everything is in; readers that cache per dataset version also watch the
//     load generation (BUMP_LOAD_GENERATION), which a batched load raises when it starts and ends.
//   A huge one-transaction load needs the whole change in Neo4j's heap; batches need one batch.
import { ENTITY_KINDS, RELATION_TYPES, type RelationType } from '../domain/ontology.js';
import type { Db } from '../neo4j/driver.js';
import {
  BUMP_LOAD_GENERATION,
  createEntities,
  createRelations,
  DELETE_ENTITIES_BY_ID,
  deleteRelationsById,
  PRUNE_ENTITIES,
  PRUNE_RELATIONS,
  READ_ALL_RELATIONS,
  READ_DATASET,
  STAMP_DATASET,
  upsertEntities,
  upsertRelations,
} from '../cypher/seed.js';
import { hashOf, type Dataset, type DatasetEntity, type DatasetRelation } from './dataset.js';
import { entityFromRow, entityProps, READ_STORED_ENTITIES, relationFromRow, relationProps, type EntityRow, type RelationRow } from './graph-form.js';

export interface LoadOptions {
  /** Remove entities and relations the seed no longer holds. */
  readonly prune?: boolean;
  /** Compute and return the change, write nothing. */
  readonly dryRun?: boolean;
  /** Rows per UNWIND statement, and per transaction when a load that only adds is batched (default 5,000). */
  readonly batchRows?: number;
  /**
   * Batches in flight at once when a load that only adds is batched (default 2): Neo4j writes one
   * while the next is encoded and sent. Relations that share an end may then wait on each other's
   * locks; a deadlock is a transient error that the driver retries.
   */
  readonly concurrency?: number;
  /** Told how long each phase took (reading the graph, diffing, entities, relations, stamp), in ms. */
  readonly onPhase?: (phase: LoadPhase, ms: number) => void;
}

export type LoadPhase = 'read' | 'diff' | 'entities' | 'relations' | 'stamp';

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
  /** How it was written: one transaction, or batches (a load that only adds). */
  readonly mode?: 'one-transaction' | 'batched';
}

export const DEFAULT_BATCH_ROWS = 5_000;
export const DEFAULT_CONCURRENCY = 2;

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function* slices<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

const entityRow = (e: DatasetEntity) => ({ id: e.id, props: entityProps(e) });
const relationRow = (r: DatasetRelation) => ({ id: r.id, from: r.from, to: r.to, props: relationProps(r) });

/** The version the API reports: date of the load and the start of the content hash. */
export function datasetVersion(contentHash: string, date = new Date()): string {
  return `${date.toISOString().slice(0, 10)}+${contentHash.slice(0, 12)}`;
}

export async function loadDataset(db: Db, dataset: Dataset, options: LoadOptions = {}): Promise<LoadResult> {
  const timer = phaseTimer(options.onPhase);
  const before = await readGraph(db);
  timer('read');
  const changes = diff(before, dataset, options.prune ?? false);
  timer('diff');
  const version = datasetVersion(dataset.contentHash);
  if (options.dryRun) return { version, changes, written: false };
  const batchRows = Math.max(1, options.batchRows ?? DEFAULT_BATCH_ROWS);
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);

  const onlyAdds =
    !options.prune &&
    changes.changedEntities.length === 0 &&
    changes.changedRelations.length === 0 &&
    changes.addedEntities.length + changes.addedRelations.length > batchRows;
  if (onlyAdds) {
    await loadAdditionsInBatches(db, dataset, changes, version, batchRows, concurrency, timer);
    return { version, changes, written: true, mode: 'batched' };
  }

  await db.writeTx(async (tx) => {
    for (const kind of ENTITY_KINDS) {
      const entities = dataset.entities.filter((e) => e.kind === kind);
      for (const part of slices(entities, batchRows)) await tx.run(upsertEntities(kind), { rows: part.map(entityRow) });
    }
    timer('entities');
    for (const type of RELATION_TYPES) {
      const relations = dataset.relations.filter((r) => r.type === type);
      for (const part of slices(relations, batchRows)) await tx.run(upsertRelations(type), { rows: part.map(relationRow) });
    }
    if (options.prune) {
      await tx.run(PRUNE_RELATIONS, { ids: dataset.relations.map((r) => r.id) });
      await tx.run(PRUNE_ENTITIES, { ids: dataset.entities.map((e) => e.id) });
    }
    timer('relations');
    await tx.run(STAMP_DATASET, {
      version,
      contentHash: dataset.contentHash,
      entities: dataset.entities.length,
      relations: dataset.relations.length,
    });
  });
  timer('stamp');
  return { version, changes, written: true, mode: 'one-transaction' };
}

/**
 * A load that only adds: CREATE the new entities, then the new relations, `batchRows` per
 * transaction, then stamp. What the graph already holds is equal to the dataset (the diff said so)
 * and is not rewritten. On failure, deletes what the committed batches created and rethrows.
 */
async function loadAdditionsInBatches(
  db: Db,
  dataset: Dataset,
  changes: ChangeSet,
  version: string,
  batchRows: number,
  concurrency: number,
  timer: (phase: LoadPhase) => void,
): Promise<void> {
  const newEntityIds = new Set(changes.addedEntities);
  const newRelationIds = new Set(changes.addedRelations);
  const createdEntities: string[] = [];
  const createdRelations = new Map<RelationType, string[]>();
  await db.writeTx((tx) => tx.run(BUMP_LOAD_GENERATION, { loading: true }));
  try {
    const entitiesByKind = groupBy(dataset.entities.filter((e) => newEntityIds.has(e.id)), (e) => e.kind);
    const relationsByType = groupBy(dataset.relations.filter((r) => newRelationIds.has(r.id)), (r) => r.type);
    const entityBatches = ENTITY_KINDS.flatMap((kind) =>
      [...slices(entitiesByKind.get(kind) ?? [], batchRows)].map((part) => async () => {
        await db.writeTx((tx) => tx.run(createEntities(kind), { rows: part.map(entityRow) }));
        for (const e of part) createdEntities.push(e.id);
      }),
    );
    await runBatches(entityBatches, concurrency);
    timer('entities');
    const relationBatches = RELATION_TYPES.flatMap((type) =>
      [...slices(relationsByType.get(type) ?? [], batchRows)].map((part) => async () => {
        const created = await db.writeTx(async (tx) => {
          const res = await tx.run(createRelations(type), { rows: part.map(relationRow) });
          const n = Number(res.records[0]?.get('created') ?? 0);
          // Every end was validated and written before: a missing one means the graph changed under us.
          if (n !== part.length) throw new Error(`loading ${type} relations: ${part.length - n} of ${part.length} have an end the graph does not hold`);
          return n;
        });
        if (created > 0) {
          const ids = createdRelations.get(type) ?? [];
          for (const r of part) ids.push(r.id);
          createdRelations.set(type, ids);
        }
      }),
    );
    await runBatches(relationBatches, concurrency);
    timer('relations');
    await db.writeTx((tx) =>
      tx.run(STAMP_DATASET, { version, contentHash: dataset.contentHash, entities: dataset.entities.length, relations: dataset.relations.length }),
    );
    timer('stamp');
  } catch (e) {
    // Undo the committed batches: relations first, then entities (DETACH also drops any relation to them).
    try {
      for (const [type, ids] of createdRelations) {
        for (const part of slices(ids, batchRows)) await db.writeTx((tx) => tx.run(deleteRelationsById(type), { ids: part }));
      }
      for (const part of slices(createdEntities, batchRows)) await db.writeTx((tx) => tx.run(DELETE_ENTITIES_BY_ID, { ids: part }));
    } catch (undo) {
      throw new Error(`${(e as Error).message} (and undoing the partial load failed too: ${(undo as Error).message}; load the dataset again)`, { cause: e });
    }
    throw e;
  } finally {
    await db.writeTx((tx) => tx.run(BUMP_LOAD_GENERATION, { loading: false })).catch(() => {});
  }
}

/**
 * Runs the batches, at most `concurrency` at a time. After a failure it starts no new batch, waits
 * for the running ones to end (so the caller's undo sees every batch that committed), then throws
 * the first error.
 */
async function runBatches(batches: readonly (() => Promise<void>)[], concurrency: number): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < batches.length) {
      const batch = batches[next++]!;
      try {
        await batch();
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
  if (failure) throw failure.error;
}

/** Calls onPhase with the time since the previous phase ended. */
function phaseTimer(onPhase: LoadOptions['onPhase']): (phase: LoadPhase) => void {
  let last = performance.now();
  return (phase) => {
    const now = performance.now();
    onPhase?.(phase, now - last);
    last = now;
  };
}

export interface GraphContent {
  readonly entities: DatasetEntity[];
  readonly relations: DatasetRelation[];
}

/** Reads every entity and relation back into the seed's canonical form. */
export async function readGraph(db: Db): Promise<GraphContent> {
  const [e, r] = await Promise.all([db.read<EntityRow>(READ_STORED_ENTITIES), db.read<RelationRow>(READ_ALL_RELATIONS)]);
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
