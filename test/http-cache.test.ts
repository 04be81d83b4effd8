// Caching as clients see it over HTTP, on a real Neo4j: the raw front door of the response cache
// (src/http/raw-cache.ts), the graph's version known in-process (src/cache/graph-version-watch.ts),
// ETags and 304 for GET queries and exports (src/http/etag.ts), and Apollo's automatic persisted
// queries through our HTTP handler.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../src/server.js';
import { hashOf, type Dataset } from '../src/seed/dataset.js';
import { loadSeedDataset } from '../src/seed/index.js';
import { loadDataset } from '../src/seed/loader.js';
import { openTestDb, SEED_DIR, startTestService } from './support/neo4j.js';

let svc: RunningService;
let seed: Dataset;
beforeAll(async () => {
  svc = await startTestService(SEED_DIR, { RESPONSE_CACHE_MB: '8', HTTP_CACHE_MAX_AGE: '30' });
  seed = await loadSeedDataset(SEED_DIR);
});
afterAll(async () => {
  if (svc) await loadDataset(svc.db, seed, { prune: true });
  await svc?.stop();
});

const TOOL_NAME = `query ToolName($id: ID!) { entity(id: $id) { id name } }`;
/** An answer with errors: no such challenge. */
const BAD = { query: `query Addressing($id: ID!) { practicesAddressing(challengeId: $id, first: 5) { practice { id } } }`, variables: { id: 'no-such-challenge' } };
const tool = () => seed.entities.find((e) => e.kind === 'TOOL')!;

function withToolRenamed(id: string, name: string): Dataset {
  const entities = seed.entities.map((e) => (e.id === id ? { ...e, name } : e));
  return { ...seed, entities, contentHash: hashOf(entities, seed.relations) };
}

async function post(body: string, accept = 'application/json') {
  const res = await fetch(svc.url, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body });
  return { res, text: await res.text() };
}

async function get(params: Record<string, unknown>, headers: Record<string, string> = {}) {
  const search = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  const res = await fetch(`${svc.url}?${search}`, { headers: { 'apollo-require-preflight': 'true', ...headers } });
  return { res, text: await res.text() };
}

describe('the raw front door of the response cache', () => {
  it('answers the same bytes again byte for byte, with the same headers, no round trip', async () => {
    const body = JSON.stringify({ query: TOOL_NAME, variables: { id: tool().id } });
    const miss = await post(body);
    expect(miss.res.headers.get('x-response-cache')).toBe('miss');
    const hit = await post(body);
    expect(hit.res.headers.get('x-response-cache')).toBe('hit');
    expect(hit.res.headers.get('x-cypher-round-trips')).toBe('0');
    expect(hit.text).toBe(miss.text);
    expect(hit.res.headers.get('content-type')).toBe(miss.res.headers.get('content-type'));
    expect(hit.res.headers.get('content-length')).toBe(miss.res.headers.get('content-length'));
    // The media type follows Accept, as Apollo's does: another Accept is another entry.
    const other = await post(body, 'application/graphql-response+json');
    expect(other.res.headers.get('content-type')).toMatch(/application\/graphql-response\+json/);
    expect(other.text).toBe(miss.text);
  });

  it('sees a load by this process at once', async () => {
    const body = JSON.stringify({ query: TOOL_NAME, variables: { id: tool().id } });
    await post(body);
    expect((await post(body)).res.headers.get('x-response-cache')).toBe('hit');
    await loadDataset(svc.db, withToolRenamed(tool().id, 'Renamed here'));
    const after = await post(body);
    expect(after.res.headers.get('x-response-cache')).toBe('miss');
    expect(JSON.parse(after.text).data.entity.name).toBe('Renamed here');
    await loadDataset(svc.db, seed);
    expect(JSON.parse((await post(body)).text).data.entity.name).toBe(tool().name);
  });

  it('sees a load by another process within the poll bound (1 s)', async () => {
    const body = JSON.stringify({ query: TOOL_NAME, variables: { id: tool().id } });
    await post(body);
    expect((await post(body)).res.headers.get('x-response-cache')).toBe('hit');
    const other = await openTestDb(); // another driver: this process's Db never sees its writes
    try {
      await loadDataset(other, withToolRenamed(tool().id, 'Renamed elsewhere'));
      const committed = performance.now();
      let name = '';
      while (name !== 'Renamed elsewhere' && performance.now() - committed < 5000) {
        name = JSON.parse((await post(body)).text).data.entity.name;
        if (name !== 'Renamed elsewhere') await new Promise((r) => setTimeout(r, 50));
      }
      expect(name).toBe('Renamed elsewhere');
      // The bound is the watch's maxAgeMs (1 s) plus one version read; the margin is for a busy machine.
      expect(performance.now() - committed).toBeLessThan(svc.app.graphVersion.maxAgeMs + 750);
      await loadDataset(other, seed);
    } finally {
      await other.close();
    }
  });

  it('keeps no answer with errors, and still refuses what the limits refuse', async () => {
    const bad = JSON.stringify(BAD);
    const first = await post(bad);
    expect(JSON.parse(first.text).errors).toBeDefined();
    const again = await post(bad);
    expect(again.res.headers.get('x-response-cache')).not.toBe('hit');
    const deep = JSON.stringify({ query: '{ tools(first: 100) { nodes { practices(first: 100) { node { tools(first: 100) { node { id } } } } } } }' });
    await post(deep);
    const refused = await post(deep);
    expect(JSON.parse(refused.text).errors[0].extensions.code).toBe('QUERY_LIMIT_EXCEEDED');
  });
});

describe('HTTP caching of GET queries', () => {
  it('gives an ETag and Cache-Control, answers If-None-Match with 304, and a new ETag after a load', async () => {
    const params = { query: TOOL_NAME, variables: { id: tool().id } };
    const first = await get(params);
    expect(first.res.status).toBe(200);
    const etag = first.res.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.res.headers.get('cache-control')).toBe('public, max-age=30');
    expect(first.res.headers.get('vary')).toMatch(/accept/);
    const hit = await get(params);
    expect(hit.res.headers.get('x-response-cache')).toBe('hit');
    expect(hit.res.headers.get('etag')).toBe(etag);
    const notModified = await get(params, { 'if-none-match': etag });
    expect(notModified.res.status).toBe(304);
    expect(notModified.text).toBe('');
    await loadDataset(svc.db, withToolRenamed(tool().id, 'Renamed for ETags'));
    const changed = await get(params, { 'if-none-match': etag });
    expect(changed.res.status).toBe(200);
    expect(changed.res.headers.get('etag')).not.toBe(etag);
    await loadDataset(svc.db, seed);
  });

  it('gives no ETag to an answer with errors, and none to POST', async () => {
    const bad = await get(BAD);
    expect(JSON.parse(bad.text).errors).toBeDefined();
    expect(bad.res.headers.get('etag')).toBeNull();
    const posted = await post(JSON.stringify({ query: TOOL_NAME, variables: { id: tool().id } }));
    expect(posted.res.headers.get('etag')).toBeNull();
  });

  it('still refuses a GET without the CSRF preflight header', async () => {
    const params = { query: TOOL_NAME, variables: { id: tool().id } };
    await get(params);
    const search = new URLSearchParams({ query: TOOL_NAME, variables: JSON.stringify({ id: tool().id }) });
    const res = await fetch(`${svc.url}?${search}`);
    expect(res.status).toBe(400);
  });

  it('gives exports an ETag and answers If-None-Match with 304', async () => {
    const url = new URL('/export/tools.csv', svc.url);
    const first = await fetch(url);
    expect(first.status).toBe(200);
    await first.text();
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect(first.headers.get('cache-control')).toBe('public, max-age=30');
    const again = await fetch(url, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });
});

describe('automatic persisted queries', () => {
  it('registers a query by its hash, then answers GET by the hash alone, from the cache the second time', async () => {
    const query = `query PersistedTool { entity(id: "${tool().id}") { id name } }`;
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const unknown = await get({ extensions });
    expect(JSON.parse(unknown.text).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = await post(JSON.stringify({ query, extensions }));
    expect(JSON.parse(registered.text).data.entity.id).toBe(tool().id);
    const byHash = await get({ extensions });
    expect(byHash.res.status).toBe(200);
    expect(byHash.text).toBe(registered.text);
    expect(byHash.res.headers.get('etag')).toBeTruthy();
    const again = await get({ extensions });
    expect(again.res.headers.get('x-response-cache')).toBe('hit');
    expect(again.text).toBe(registered.text);
  });
});
