// The loaded dataset's stamp and the graph's version: what /readyz, the server's seed check and
// every per-process cache ask of the graph.
import { READ_DATASET } from '../cypher/dataset.js';
import { GRAPH_VERSION } from '../cypher/graph-version.js';
import type { Reader } from '../neo4j/driver.js';

export interface DatasetStamp {
  readonly version: string;
  readonly contentHash: string;
  readonly loadedAt: string;
  readonly entities: number;
  readonly relations: number;
}

/** The stamp the seed loader wrote last, or undefined when the graph holds no dataset. */
export async function readDatasetStamp(db: Reader): Promise<DatasetStamp | undefined> {
  const res = await db.read(READ_DATASET);
  const rec = res.records[0];
  return rec ? (rec.toObject() as unknown as DatasetStamp) : undefined;
}

/**
 * The graph's version (src/cypher/graph-version.ts), or null when it has none a cache may rely on
 * (no stamp yet, or a batched load running).
 */
export async function graphVersion(db: Reader): Promise<string | null> {
  const res = await db.read<{ version: string | null }>(GRAPH_VERSION);
  return res.records[0]?.get('version') ?? null;
}
