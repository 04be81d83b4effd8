// The per-process cache of the full coverage matrix (src/cache/versioned-cache.ts): answers come from it
// only at the dataset version they were computed at; a re-seed, or a batched load under way, is
// never answered from it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../src/graphql/context.js';
import { loadSeedDataset } from '../src/seed/index.js';
import { loadDataset } from '../src/seed/loader.js';
import type { RunningService } from '../src/server.js';
import { openTestDb, startTestService, wipe } from './support/neo4j.js';
import { CITE, minimalFiles, writeSeedDir } from './support/seed-fixtures.js';

let svc: RunningService;
beforeAll(async () => {
  const db = await openTestDb();
  await wipe(db);
  await db.close();
  svc = await startTestService(await writeSeedDir(minimalFiles()));
});
afterAll(async () => {
  await svc?.stop();
});

const COVERAGE = `{ coverage { cells { tool { id } practice { id } level } uncoveredPractices { id } } }`;

async function coverage(): Promise<{ cells: string[]; uncovered: string[]; trips: number }> {
  const contextValue = createContext(svc.db);
  const res = await svc.app.apollo.executeOperation({ query: COVERAGE }, { contextValue });
  if (res.body.kind !== 'single') throw new Error('expected a single result');
  expect(res.body.singleResult.errors).toBeUndefined();
  const data = res.body.singleResult.data as { coverage: { cells: { tool: { id: string }; practice: { id: string }; level: string }[]; uncoveredPractices: { id: string }[] } };
  return {
    cells: data.coverage.cells.map((c) => `${c.tool.id}>${c.practice.id}:${c.level}`),
    uncovered: data.coverage.uncoveredPractices.map((p) => p.id),
    trips: contextValue.db.roundTrips,
  };
}

describe('the coverage cache', () => {
  it('answers from the cache at the same version, in one round trip', async () => {
    const first = await coverage();
    expect(first.cells).toEqual(['tool:test-tool>practice:test-monitoring:EXAMPLE']);
    const second = await coverage();
    expect(second).toEqual(first);
    expect(second.trips).toBe(1);
  });

  it('never answers from the cache after a re-seed', async () => {
    await coverage();
    const next = minimalFiles();
    (next.entities as any).entities.push({ id: 'practice:test-second', kind: 'PRACTICE', name: 'Test second', citations: [CITE] });
    (next.relations as any).relations[1].level = 'FULL';
    await loadDataset(svc.db, await loadSeedDataset(await writeSeedDir(next)));
    const after = await coverage();
    expect(after.cells).toEqual(['tool:test-tool>practice:test-monitoring:FULL']);
    expect(after.uncovered).toEqual(['practice:test-second']);
    expect((await coverage()).cells).toEqual(after.cells);
  });

  it('keeps nothing seen while a batched load is under way', async () => {
    const before = await coverage();
    // A batched load in progress: the marker is up and part of the new data is in.
    await svc.db.writeTx((tx) => tx.run(`MERGE (l:DatasetLoad {id: 'current'}) SET l.generation = coalesce(l.generation, 0) + 1, l.loading = true`));
    await svc.db.writeTx((tx) =>
      tx.run(
        `MATCH (p:Practice {id: 'practice:test-monitoring'})
         CREATE (:Entity:Tool {id: 'tool:partial', kind: 'TOOL', toolType: 'PRODUCT', name: 'Partial', sortKey: 'partial', confidence: 'STATED'})-[:SUPPORTS {id: 'x', level: 'FULL', citationsJson: '[]', confidence: 'STATED'}]->(p)`,
      ),
    );
    const during = await coverage();
    expect(during.cells).toContain('tool:partial>practice:test-monitoring:FULL');
    // The load fails and is undone: the graph and its version are as before.
    await svc.db.writeTx((tx) => tx.run(`MATCH (n:Entity {id: 'tool:partial'}) DETACH DELETE n`));
    await svc.db.writeTx((tx) => tx.run(`MATCH (l:DatasetLoad {id: 'current'}) SET l.generation = l.generation + 1, l.loading = false`));
    expect((await coverage()).cells).toEqual(before.cells);
  });
});
