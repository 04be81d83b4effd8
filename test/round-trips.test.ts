// DataLoaders batch every relation field per request: the number of Cypher round trips follows the
// depth of the query, not its page size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../src/graphql/context.js';
import type { RunningService } from '../src/server.js';
import { startTestService } from './support/neo4j.js';

let svc: RunningService;
beforeAll(async () => {
  svc = await startTestService();
});
afterAll(async () => {
  await svc?.stop();
});

async function roundTrips(query: string): Promise<{ trips: number; rows: number }> {
  const contextValue = createContext(svc.db);
  const res = await svc.app.apollo.executeOperation({ query }, { contextValue });
  if (res.body.kind !== 'single') throw new Error('expected a single result');
  expect(res.body.singleResult.errors).toBeUndefined();
  return { trips: contextValue.db.roundTrips, rows: JSON.stringify(res.body.singleResult.data).length };
}

const threeLevels = (first: number) => `{
  tools(first: ${first}) { nodes { id
    practices(first: 20) { node { id
      addresses(first: 20) { node { id name } relation { citations { locator } } }
    } }
  } }
}`;

describe('round trips per request', () => {
  it('a 3-level query costs 3 round trips at page size 5 and at page size 100', async () => {
    const small = await roundTrips(threeLevels(5));
    const large = await roundTrips(threeLevels(100));
    expect(large.rows).toBeGreaterThan(small.rows); // the larger page really returned more
    // At most one per level (the per-kind lists fetch the levels below ahead: src/loaders/prefetch.ts).
    expect(small.trips).toBeLessThanOrEqual(3);
    expect(large.trips).toBe(small.trips);
  });

  it('several relation fields at one level share a round trip', async () => {
    const q = `{ practices(first: 100) { nodes { tools { node { id } } roles { node { id } } categories { node { id } } addresses { node { id } } } } }`;
    expect((await roundTrips(q)).trips).toBeLessThanOrEqual(2);
  });

  it('citation sources are batched too', async () => {
    const q = `{ challenges(first: 100) { nodes { citations { source { name } } solutions { relation { citations { source { id } } } } } } }`;
    expect((await roundTrips(q)).trips).toBeLessThanOrEqual(3);
  });
});
