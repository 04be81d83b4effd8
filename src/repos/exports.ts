// The exports' reads: each export runs in ONE streamed READ transaction through Db (so the query
// metrics and the transaction timeout cover it), and its rows are handed over one at a time as
// Neo4j sends them, never held whole in memory.
import type { Transaction } from 'neo4j-driver';
import {
  EXPORT_COVERAGE_BY_TOOL,
  EXPORT_COVERAGE_PRACTICES,
  EXPORT_DATASET_VERSION,
  EXPORT_ENTITIES,
  EXPORT_RELATIONS,
} from '../cypher/export.js';
import type { EntityKind } from '../domain/ontology.js';
import type { PathModel } from '../analysis/models.js';
import { toPath, type PathRow } from '../analysis/paths.js';
import type { Db } from '../neo4j/driver.js';

/** Records pulled from Neo4j per batch; the stream pauses between batches while the client reads. */
const FETCH_SIZE = 500;
/** An export may take longer than a GraphQL request; the server cancels it after this. */
const MIN_EXPORT_TIMEOUT_MS = 120_000;

export interface EntityExportRow {
  readonly id: string;
  readonly kind: string;
  readonly name: string;
  readonly summary: string | null;
  readonly aliases: string[] | null;
  readonly attributesJson: string | null;
  readonly confidence: string;
  readonly sourceIds: string[] | null;
  readonly citationsJson: string | null;
}

export interface RelationExportRow {
  readonly id: string;
  readonly type: string;
  readonly fromId: string;
  readonly fromKind: string;
  readonly fromName: string;
  readonly toId: string;
  readonly toKind: string;
  readonly toName: string;
  readonly level: string | null;
  readonly note: string | null;
  readonly confidence: string;
  readonly sourceIds: string[] | null;
  readonly citationsJson: string | null;
}

/** One tool's support paths to practices (the `coverage` query's three patterns). */
export interface ToolPathsRow {
  readonly toolId: string;
  readonly paths: PathModel[];
}

/** What an export may read, inside its one transaction. */
export interface ExportReader {
  /** The loaded dataset's version (null when none was stamped). */
  datasetVersion(): Promise<string | null>;
  entities(kind: EntityKind): AsyncIterable<EntityExportRow>;
  relations(): AsyncIterable<RelationExportRow>;
  /** Every practice id, in the coverage matrix's column order. */
  coveragePracticeIds(): Promise<string[]>;
  coverageByTool(): AsyncIterable<ToolPathsRow>;
}

async function* rows<T>(tx: Transaction, cypher: string, params: Record<string, unknown> = {}): AsyncIterable<T> {
  for await (const record of tx.run(cypher, params)) yield record.toObject() as T;
}

async function* toolPaths(tx: Transaction): AsyncIterable<ToolPathsRow> {
  for await (const r of rows<{ toolId: string; paths: PathRow[] }>(tx, EXPORT_COVERAGE_BY_TOOL)) yield { toolId: r.toolId, paths: r.paths.map(toPath) };
}

/** Runs one export (`label` names it in Neo4j's transaction list) with its reader. */
export function withExportReader<T>(db: Db, label: string, work: (reader: ExportReader) => Promise<T>): Promise<T> {
  return db.readStream(
    (tx) =>
      work({
        datasetVersion: async () => ((await tx.run(EXPORT_DATASET_VERSION)).records[0]?.get('version') as string | null) ?? null,
        entities: (kind) => rows<EntityExportRow>(tx, EXPORT_ENTITIES, { kind }),
        relations: () => rows<RelationExportRow>(tx, EXPORT_RELATIONS),
        coveragePracticeIds: async () => (await tx.run(EXPORT_COVERAGE_PRACTICES)).records.map((r) => r.get('id') as string),
        coverageByTool: () => toolPaths(tx),
      }),
    { timeoutMs: Math.max(MIN_EXPORT_TIMEOUT_MS, db.txTimeoutMs), fetchSize: FETCH_SIZE, metadata: { export: label } },
  );
}
