// FEDERATION=subgraph: the schema served as an Apollo Federation 2 subgraph.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../src/server.js';
import { gql, startTestService } from './support/neo4j.js';

let service: RunningService;

beforeAll(async () => {
  service = await startTestService(undefined, { FEDERATION: 'subgraph' });
});

afterAll(async () => {
  await service?.stop();
});

async function post(query: string, variables?: Record<string, unknown>) {
  const res = await fetch(service.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return { roundTrips: Number(res.headers.get('x-cypher-round-trips')), body: (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] } };
}

describe('federation subgraph mode', () => {
  it('publishes its SDL with @key(fields: "id") on every entity type and the @link to federation 2', async () => {
    const res = await gql<{ _service: { sdl: string } }>(service.url, '{ _service { sdl } }');
    expect(res.body.errors).toBeUndefined();
    const sdl = res.body.data!._service.sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])');
    for (const type of ['Source', 'Practice', 'Challenge', 'Solution', 'Tool', 'Role', 'OpenIssue', 'Stage', 'Method']) {
      expect(sdl).toMatch(new RegExp(`type ${type} implements Entity[^{]*@key\\(fields: "id"\\)`));
    }
    // Types that are not entities get no key.
    expect(sdl).not.toMatch(/type Citation[^{]*@key/);
  });

  it('resolves references of several kinds in one request with one batched entity read', async () => {
    const query = `query Refs($representations: [_Any!]!) {
      _entities(representations: $representations) {
        __typename
        ... on Tool { id name }
        ... on Practice { id name }
        ... on Challenge { id name }
      }
    }`;
    const representations = [
      { __typename: 'Tool', id: 'tool:mlflow' },
      { __typename: 'Practice', id: 'practice:experiment-run-history' },
      { __typename: 'Challenge', id: 'challenge:observability' },
      { __typename: 'Tool', id: 'tool:kubeflow' },
      // A miss and a reference of the wrong type resolve to null.
      { __typename: 'Tool', id: 'tool:no-such-tool' },
      { __typename: 'Practice', id: 'tool:mlflow' },
    ];
    const res = await post(query, { representations });
    expect(res.body.errors).toBeUndefined();
    const entities = res.body.data!._entities as ({ __typename: string; id: string; name: string } | null)[];
    expect(entities.slice(0, 4).map((e) => [e?.__typename, e?.id])).toEqual([
      ['Tool', 'tool:mlflow'],
      ['Practice', 'practice:experiment-run-history'],
      ['Challenge', 'challenge:observability'],
      ['Tool', 'tool:kubeflow'],
    ]);
    expect(entities[0]!.name).toBe('MLflow');
    expect(entities.slice(4)).toEqual([null, null]);
    // Six representations, one entity read: the loader batches them.
    expect(res.roundTrips).toBe(1);
  });

  it('still answers the ordinary queries', async () => {
    const res = await gql<{ entity: { id: string; name: string } }>(service.url, '{ entity(id: "tool:mlflow") { id name } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.entity).toEqual({ id: 'tool:mlflow', name: 'MLflow' });
  });
});
