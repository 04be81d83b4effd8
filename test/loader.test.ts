// The seed loader against the run's real Neo4j: idempotent, atomic, prune and dry-run.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../src/neo4j/driver.js';
import { loadSeedDataset, SeedValidationError } from '../src/seed/index.js';
import { graphContentHash, loadDataset, readDatasetStamp } from '../src/seed/loader.js';
import { openTestDb, SEED_DIR, wipe } from './support/neo4j.js';
import { minimalFiles, writeSeedDir } from './support/seed-fixtures.js';

let db: Db;

async function counts(): Promise<{ nodes: number; rels: number }> {
  const res = await db.read('CALL () { MATCH (n:Entity) RETURN count(n) AS nodes } CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS rels } RETURN nodes, rels');
  return { nodes: res.records[0]!.get('nodes') as number, rels: res.records[0]!.get('rels') as number };
}

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await db.close();
});
beforeEach(async () => {
  await wipe(db);
});

describe('loading the real seed', () => {
  it('writes every entity and relation, and the graph hashes like the seed', async () => {
    const ds = await loadSeedDataset(SEED_DIR);
    await loadDataset(db, ds);
    expect(await counts()).toEqual({ nodes: ds.entities.length, rels: ds.relations.length });
    expect(await graphContentHash(db)).toBe(ds.contentHash);
    const stamp = await readDatasetStamp(db);
    expect(stamp?.contentHash).toBe(ds.contentHash);
    expect(stamp?.version).toMatch(/^\d{4}-\d{2}-\d{2}\+[0-9a-f]{12}$/);
  });

  it('is idempotent: a second load changes nothing', async () => {
    const ds = await loadSeedDataset(SEED_DIR);
    const first = await loadDataset(db, ds);
    expect(first.changes.addedEntities.length).toBe(ds.entities.length);
    const before = { counts: await counts(), hash: await graphContentHash(db) };
    const second = await loadDataset(db, ds);
    expect(second.changes).toEqual({ addedEntities: [], changedEntities: [], removedEntities: [], addedRelations: [], changedRelations: [], removedRelations: [] });
    expect({ counts: await counts(), hash: await graphContentHash(db) }).toEqual(before);
  });
});

describe('changes between seeds', () => {
  it('keeps what the files no longer hold unless asked to prune', async () => {
    const full = minimalFiles();
    await loadDataset(db, await loadSeedDataset(await writeSeedDir(full)));
    const smaller = minimalFiles();
    (smaller.entities as any).entities.pop(); // drop the tool
    (smaller.relations as any).relations.pop(); // and its SUPPORTS
    const smallerDs = await loadSeedDataset(await writeSeedDir(smaller));

    const kept = await loadDataset(db, smallerDs);
    expect(kept.changes.removedEntities).toEqual([]);
    expect((await db.read("MATCH (n:Entity {id: 'tool:test-tool'}) RETURN n")).records).toHaveLength(1);

    const pruned = await loadDataset(db, smallerDs, { prune: true });
    expect(pruned.changes.removedEntities).toContain('tool:test-tool');
    expect((await db.read("MATCH (n:Entity {id: 'tool:test-tool'}) RETURN n")).records).toHaveLength(0);
    expect(await graphContentHash(db)).toBe(smallerDs.contentHash);
  });

  it('dry run reports the change and writes nothing', async () => {
    const ds = await loadSeedDataset(await writeSeedDir(minimalFiles()));
    const dry = await loadDataset(db, ds, { dryRun: true });
    expect(dry.written).toBe(false);
    expect(dry.changes.addedEntities.sort()).toEqual(ds.entities.map((e) => e.id).sort());
    expect(await counts()).toEqual({ nodes: 0, rels: 0 });
    expect(await readDatasetStamp(db)).toBeUndefined();
  });

  it('reports a changed entity', async () => {
    await loadDataset(db, await loadSeedDataset(await writeSeedDir(minimalFiles())));
    const edited = minimalFiles();
    (edited.entities as any).entities[0].summary = 'Watch things closely.';
    const res = await loadDataset(db, await loadSeedDataset(await writeSeedDir(edited)));
    expect(res.changes.changedEntities).toEqual(['practice:test-monitoring']);
  });
});

describe('bad input leaves the graph as it was', () => {
  it('refuses a broken seed before touching the database', async () => {
    const ds = await loadSeedDataset(await writeSeedDir(minimalFiles()));
    await loadDataset(db, ds);
    const hash = await graphContentHash(db);
    const broken = minimalFiles();
    (broken.relations as any).relations[0].to = 'challenge:nowhere';
    await expect(loadSeedDataset(await writeSeedDir(broken))).rejects.toBeInstanceOf(SeedValidationError);
    expect(await graphContentHash(db)).toBe(hash);
  });

  it('rolls back a load that fails midway (a constraint violation inside the transaction)', async () => {
    const ds = await loadSeedDataset(await writeSeedDir(minimalFiles()));
    await loadDataset(db, ds);
    const hash = await graphContentHash(db);
    const stamp = await readDatasetStamp(db);
    // A stray node, not an Entity, that already holds a Challenge id: the next load updates the
    // seed's entities first, then creates the new challenge and trips the Challenge id constraint.
    await db.writeTx((tx) => tx.run("CREATE (:Challenge {id: 'challenge:brand-new'})"));
    const next = minimalFiles();
    (next.entities as any).entities[0].summary = 'Changed, and must not stay changed.';
    (next.entities as any).entities.push({ id: 'challenge:brand-new', kind: 'CHALLENGE', name: 'Brand new', citations: [{ source: 'source:eken2024', locator: 'x', digestId: 'y', confidence: 'STATED' }] });
    await expect(loadDataset(db, await loadSeedDataset(await writeSeedDir(next)))).rejects.toThrow(/already exists|constraint/i);
    expect(await graphContentHash(db)).toBe(hash);
    expect(await readDatasetStamp(db)).toEqual(stamp);
  });
});
