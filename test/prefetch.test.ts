// Look-ahead of the per-kind lists (src/loaders/prefetch.ts): a nested list costs one round trip,
// and its answers are exactly those the per-level loaders give (asked here through entity(id:),
// which is not looked ahead), whatever the selection: aliases, fragments, edges or nodes.
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

async function run(query: string): Promise<{ data: any; trips: number }> {
  const contextValue = createContext(svc.db);
  const res = await svc.app.apollo.executeOperation({ query }, { contextValue });
  if (res.body.kind !== 'single') throw new Error('expected a single result');
  expect(res.body.singleResult.errors).toBeUndefined();
  return { data: res.body.singleResult.data, trips: contextValue.db.roundTrips };
}

const CHALLENGE_FIELDS = `
  id name
  practices(first: 3) {
    direction
    relation { id type from { id } to { id } level confidence note citations { locator confidence source { id name } } }
    node {
      id kind name summary aliases confidence attributes citations { locator }
      tools(first: 2) { relation { level } node { id name summary ... on Tool { categories { node { id name } } } } }
      ...P
    }
  }
  solutions { node { id name } relation { citations { digestId } } }
  addressedBy(first: 5) { node { id kind name ... on Practice { summary } } relation { type } }
`;
const FRAGMENTS = `fragment P on Practice { roles { node { id name } } principles { node { name } relation { note } } }`;

describe('look-ahead of the per-kind lists', () => {
  it('answers a 3-level list in one round trip, the same as the per-level loaders', async () => {
    const list = await run(`{ challenges(first: 40) { nodes { ${CHALLENGE_FIELDS} } } } ${FRAGMENTS}`);
    expect(list.trips).toBeLessThanOrEqual(2); // the list, plus source { name } of citations
    const nodes = list.data.challenges.nodes as { id: string }[];
    expect(nodes.length).toBeGreaterThan(20);
    for (const n of nodes) {
      const one = await run(`{ entity(id: ${JSON.stringify(n.id)}) { ... on Challenge { ${CHALLENGE_FIELDS} } } } ${FRAGMENTS}`);
      expect(n).toEqual(one.data.entity);
    }
    expect(JSON.stringify(nodes)).toContain('"tools":[{');
  });

  it('follows aliases, edges and nodes side by side', async () => {
    const q = `{ tools(first: 30) {
      edges { node { id a: practices(first: 1) { node { id } } b: practices(first: 5) { node { id name addresses { node { id } } } } } }
      nodes { id practices { relation { level } } }
    } }`;
    const list = await run(q);
    expect(list.trips).toBe(1);
    const ids = (list.data.tools.nodes as { id: string }[]).map((n) => n.id);
    for (const [i, id] of ids.entries()) {
      const one = await run(
        `{ entity(id: ${JSON.stringify(id)}) { id ... on Tool { a: practices(first: 1) { node { id } } b: practices(first: 5) { node { id name addresses { node { id } } } } practices { relation { level } } } } }`,
      );
      expect(list.data.tools.edges[i].node.a).toEqual(one.data.entity.a);
      expect(list.data.tools.edges[i].node.b).toEqual(one.data.entity.b);
      expect(list.data.tools.nodes[i].practices).toEqual(one.data.entity.practices);
    }
  });
});
