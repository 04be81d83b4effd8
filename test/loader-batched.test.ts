// The seed loader's batched way (src/seed/loader.ts): a load that only adds is written in batches
// of `batchRows`, the stamp last; one that fails midway undoes what earlier batches wrote.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../src/neo4j/driver.js';
import { loadSeedDataset } from '../src/seed/index.js';
import { graphContentHash, loadDataset, readDatasetStamp } from '../src/seed/loader.js';
import { openTestDb, wipe } from './support/neo4j.js';
import { CITE, minimalFiles, writeSeedDir } from './support/seed-fixtures.js';

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  await wipe(db);
});

/** The minimal seed plus `n` more challenges, each addressed by the minimal practice. */
function grown(n: number) {
  const files = minimalFiles();
  for (let i = 0; i < n; i++) {
    (files.entities as any).entities.push({ id: `challenge:grown-${i}`, kind: 'CHALLENGE', name: `Grown ${i}`, citations: [CITE] });
    (files.relations as any).relations.push({ type: 'ADDRESSES', from: 'practice:test-monitoring', to: `challenge:grown-${i}`, citations: [CITE] });
  }
  return files;
}

async function loading(): Promise<unknown> {
  const res = await db.read(`OPTIONAL MATCH (l:DatasetLoad {id: 'current'}) RETURN l.loading AS loading`);
  return res.records[0]?.get('loading') ?? null;
}

describe('a load that only adds, in batches', () => {
  it('writes everything, the stamp last, and the graph hashes like the dataset', async () => {
    await loadDataset(db, await loadSeedDataset(await writeSeedDir(minimalFiles())));
    const ds = await loadSeedDataset(await writeSeedDir(grown(7)));
    const res = await loadDataset(db, ds, { batchRows: 3 });
    expect(res.mode).toBe('batched');
    expect(res.changes.addedEntities).toHaveLength(7);
    expect(await graphContentHash(db)).toBe(ds.contentHash);
    expect((await readDatasetStamp(db))?.contentHash).toBe(ds.contentHash);
    expect(await loading()).toBe(false);
    // Loading it again changes nothing (and takes the one-transaction way).
    const again = await loadDataset(db, ds, { batchRows: 3 });
    expect(again.mode).toBe('one-transaction');
    expect(await graphContentHash(db)).toBe(ds.contentHash);
  });

  it('undoes the earlier batches when a later one fails: graph and stamp as before', async () => {
    await loadDataset(db, await loadSeedDataset(await writeSeedDir(minimalFiles())));
    const hash = await graphContentHash(db);
    const stamp = await readDatasetStamp(db);
    // A stray node, not an Entity, holding the id of the last new challenge: the batches of
    // challenges before it commit, then the one with it trips the Challenge id constraint.
    await db.writeTx((tx) => tx.run("CREATE (:Challenge {id: 'challenge:grown-8'})"));
    const ds = await loadSeedDataset(await writeSeedDir(grown(9)));
    await expect(loadDataset(db, ds, { batchRows: 2 })).rejects.toThrow(/already exists|constraint/i);
    await db.writeTx((tx) => tx.run("MATCH (n:Challenge {id: 'challenge:grown-8'}) WHERE NOT n:Entity DELETE n"));
    expect(await graphContentHash(db)).toBe(hash);
    expect(await readDatasetStamp(db)).toEqual(stamp);
    expect(await loading()).toBe(false);
  });
});
