// The service end to end over HTTP, on the run's real Neo4j seeded with the real seed.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../src/server.js';
import { loadSeedDataset } from '../src/seed/index.js';
import { gql, SEED_DIR, startTestService, wipe } from './support/neo4j.js';

let svc: RunningService;
let base: string;

beforeAll(async () => {
  svc = await startTestService();
  base = svc.url.replace(/\/graphql$/, '');
});
afterAll(async () => {
  await svc?.stop();
});

describe('health and readiness', () => {
  it('GET /healthz answers while the process lives', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz is 200 with the dataset version once seeded', async () => {
    const ds = await loadSeedDataset(SEED_DIR);
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; datasetVersion: string };
    expect(body.status).toBe('ready');
    expect(body.datasetVersion.endsWith(ds.contentHash.slice(0, 12))).toBe(true);
  });

  it('unknown routes are 404 with a pointer to /graphql', async () => {
    const res = await fetch(`${base}/nope`);
    expect(res.status).toBe(404);
    expect(JSON.stringify(await res.json())).toContain('/graphql');
  });
});

describe('the sources query', () => {
  it('returns the three reviews, the three studies and the two tool catalogues, read from Neo4j', async () => {
    const res = await gql<{
      sources: { totalCount: number; nodes: { id: string; title: string; year: number; arxiv: string | null; sourceType: string; commit: string | null; licence: string | null }[] };
    }>(svc.url, '{ sources { totalCount nodes { id title: name year arxiv sourceType commit licence } } }');
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.sources.totalCount).toBe(8);
    const reviews = res.body.data!.sources.nodes.filter((s) => s.sourceType === 'REVIEW');
    expect(reviews.map((s) => s.arxiv).sort()).toEqual(['2205.02302', '2406.09737', '2410.21346']);
    expect(reviews.every((s) => s.commit === null && s.licence === null)).toBe(true);
    const studies = res.body.data!.sources.nodes.filter((s) => s.sourceType === 'STUDY');
    expect(studies.map((s) => s.id).sort()).toEqual(['source:amershi2019', 'source:sculley2015', 'source:shankar2022']);
    const catalogues = res.body.data!.sources.nodes.filter((s) => s.sourceType === 'CATALOGUE');
    expect(catalogues.map((s) => s.id).sort()).toEqual(['source:awesome-llmops', 'source:awesome-production-ml']);
    const catalogue = catalogues.find((s) => s.id === 'source:awesome-production-ml');
    expect(catalogue).toMatchObject({ id: 'source:awesome-production-ml', arxiv: null, licence: 'MIT' });
    expect(catalogue!.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  it('answers GET requests for queries too, when they carry a CSRF-safe header', async () => {
    const url = `${svc.url}?query=${encodeURIComponent('{ sources(first: 1) { nodes { id } } }')}`;
    // CSRF prevention: a GET a browser could send cross-site (no preflight) is refused.
    expect((await fetch(url, { headers: { accept: 'application/json' } })).status).toBe(400);
    const res = await fetch(url, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { data: { sources: { nodes: unknown[] } } }).data.sources.nodes).toHaveLength(1);
  });
});

describe('errors', () => {
  it('names the bad argument with BAD_USER_INPUT', async () => {
    const res = await gql(svc.url, '{ practices(first: 1000) { totalCount } }');
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toBe('Invalid argument first: first on practices is 1000, expected an integer from 1 to 100 (pageSize).');
    expect(res.body.errors?.[0]?.extensions?.argumentName).toBe('first');
  });

  it('refuses a cursor it did not issue', async () => {
    const res = await gql(svc.url, '{ practices(after: "garbage") { totalCount } }');
    expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0]?.message).toContain('after');
  });

  it('refuses an invalid query with a validation error, not a stack trace', async () => {
    const res = await gql(svc.url, '{ practices { nosuchfield } }');
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(res.body)).not.toMatch(/stacktrace|at .*\.ts:/);
  });

  it('refuses an oversized body with 413', async () => {
    const res = await fetch(svc.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ sources { totalCount } }`, pad: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(res.status).toBe(413);
  });

  it('reads a body sent in several pieces, and survives a client that leaves mid-body', async () => {
    const { hostname, port } = new URL(svc.url);
    const body = JSON.stringify({ query: '{ stats { entities } }' });
    const head = (length: number) => `POST /graphql HTTP/1.1\r\nhost: ${hostname}\r\ncontent-type: application/json\r\ncontent-length: ${length}\r\nconnection: close\r\n\r\n`;
    // In pieces: the server waits for all of them.
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), hostname, () => {
        socket.write(head(Buffer.byteLength(body)) + body.slice(0, 10));
        setTimeout(() => socket.write(body.slice(10)), 50);
      });
      let text = '';
      socket.on('data', (d: Buffer) => (text += d.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).toContain('"entities"');
    // Gone after half the body: no answer is owed, and the next request is served as usual.
    await new Promise<void>((resolve) => {
      const socket = net.connect(Number(port), hostname, () => {
        socket.write(head(1000) + body.slice(0, 10));
        setTimeout(() => socket.destroy(), 50);
      });
      socket.on('close', () => resolve());
    });
    const res = await gql<{ stats: { entities: number } }>(svc.url, '{ stats { entities } }');
    expect(res.body.data!.stats.entities).toBeGreaterThan(0);
  });

  it('returns null for an unknown id', async () => {
    const res = await gql<{ entity: unknown }>(svc.url, '{ entity(id: "practice:does-not-exist") { id } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.entity).toBeNull();
  });
});

describe('readiness without a dataset', () => {
  it('is 503 with a reason when the graph holds no dataset (and recovers on reseed)', async () => {
    await wipe(svc.db);
    await svc.db.breaker?.probe(); // /readyz answers from the background probe's last state
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unavailable', reason: 'the dataset is not loaded yet' });
    const { loadDataset } = await import('../src/seed/loader.js');
    await loadDataset(svc.db, await loadSeedDataset(SEED_DIR));
    await svc.db.breaker?.probe();
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });
});
