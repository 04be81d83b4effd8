// Getting the synthetic graph into Neo4j, timed, one of two ways:
//   - transactional (the default up to ×10, and wherever the benchmark does not run its own Neo4j):
//     the API seeds the curated graph at start, then the seed loader (src/seed/loader.ts) adds the
//     rest in batched transactions, as it would into a live database;
//   - bulk (from ×100 on a local Neo4j): the whole graph is written as CSV (src/seed/import-files.ts)
//     and imported offline into the fresh database home before Neo4j first starts
//     (src/provision/bulk-import.ts); then the normal setup creates the constraints and indexes
//     (the full-text index included) and the dataset is stamped. The load's time is the CSV and the
//     import; the index build is timed too and shown beside it (a phase).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { STAMP_DATASET } from '../src/cypher/seed.js';
import type { Db } from '../src/neo4j/driver.js';
import { setupStatements } from '../src/neo4j/setup.js';
import { bulkImport } from '../src/provision/bulk-import.js';
import type { Dataset } from '../src/seed/dataset.js';
import { writeImportFiles } from '../src/seed/import-files.js';
import { datasetVersion, loadDataset } from '../src/seed/loader.js';
import { profile } from './generate.js';
import type { BenchRun } from './results.js';

export type LoadRecord = Omit<BenchRun['load'], 'generateSeconds' | 'heap' | 'pageCache'>;

const seconds = (ms: number) => Math.round(ms / 100) / 10;

/** Loads `scaled` on top of the curated graph the API seeded, through the seed loader. */
export async function loadTransactional(db: Db, scaled: Dataset): Promise<LoadRecord> {
  const shape = profile(scaled);
  const started = performance.now();
  const phases: Record<string, number> = {};
  const loaded = await loadDataset(db, scaled, { onPhase: (phase, ms) => (phases[phase] = seconds(ms)) });
  const sec = (performance.now() - started) / 1000;
  return {
    entities: shape.entities,
    relations: shape.relations,
    addedEntities: loaded.changes.addedEntities.length,
    addedRelations: loaded.changes.addedRelations.length,
    seconds: Math.round(sec * 10) / 10,
    relationsPerSec: Math.round(shape.relations / sec),
    mode: loaded.mode ?? 'one-transaction',
    phases,
  };
}

/** The offline import of a whole dataset: `prepareHome` for provisionNeo4j, then `finish` once Neo4j is up. */
export function bulkLoad(scaled: Dataset, root: string, log: (line: string) => void) {
  const phases: Record<string, number> = {};
  let imported = false;
  return {
    /** Whether the import ran (only a local Neo4j's home can be prepared). */
    get imported() {
      return imported;
    },
    async prepareHome(home: string): Promise<void> {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'mlopskg-import-'));
      try {
        let t = performance.now();
        const files = await writeImportFiles(scaled, dir);
        phases.csv = seconds(performance.now() - t);
        t = performance.now();
        const summary = await bulkImport({ root, home, nodes: [files.nodes], relationships: [files.relationships], multilineFields: files.multilineFields, maxOffHeap: '2g', log });
        phases.import = seconds(performance.now() - t);
        log(`offline import: ${summary.replace(/\s+/g, ' ')}`);
        imported = true;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    /** Constraints and indexes by the normal setup (waiting for them to be built), then the stamp. */
    async finish(db: Db): Promise<LoadRecord> {
      const t = performance.now();
      for (const statement of setupStatements()) await db.schema(statement);
      await db.schema('CALL db.awaitIndexes(7200)');
      await db.writeTx((tx) => tx.run(STAMP_DATASET, { version: datasetVersion(scaled.contentHash), contentHash: scaled.contentHash, entities: scaled.entities.length, relations: scaled.relations.length }));
      phases.indexes = seconds(performance.now() - t);
      const shape = profile(scaled);
      // The load is the CSV and the import; building the indexes afterwards is shown beside it.
      const total = phases.csv! + phases.import!;
      return {
        entities: shape.entities,
        relations: shape.relations,
        addedEntities: shape.entities,
        addedRelations: shape.relations,
        seconds: Math.round(total * 10) / 10,
        relationsPerSec: Math.round(shape.relations / total),
        mode: 'bulk import',
        phases,
      };
    },
  };
}
