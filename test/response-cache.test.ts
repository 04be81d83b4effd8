// The response cache (src/cache/response-cache.ts): a repeated query is answered from memory with no
// round trip, the answer is the one execution gives, and after any load of the graph (even one
// that brings back an earlier content) the next answer is computed again, never served stale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../src/server.js';
import { hashOf, type Dataset } from '../src/seed/dataset.js';
import { loadSeedDataset } from '../src/seed/index.js';
import { loadDataset } from '../src/seed/loader.js';
import { ResponseCache } from '../src/cache/response-cache.js';
import { SEED_DIR, startTestService } from './support/neo4j.js';

let svc: RunningService;
let seed: Dataset;
beforeAll(async () => {
  svc = await startTestService(SEED_DIR, { RESPONSE_CACHE_MB: '8' });
  seed = await loadSeedDataset(SEED_DIR);
});
afterAll(async () => {
  // Leave the graph as the seed has it for the next test file.
  if (svc) await loadDataset(svc.db, seed, { prune: true });
  await svc?.stop();
});

interface Answer {
  status: number;
  cache: string | null;
  trips: number;
  /** The response body as sent. */
  text: string;
  body: { data?: unknown; errors?: { extensions?: { code?: string } }[] };
}

async function ask(query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const res = await fetch(svc.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  return { status: res.status, cache: res.headers.get('x-response-cache'), trips: Number(res.headers.get('x-cypher-round-trips')), text, body: JSON.parse(text) as Answer['body'] };
}

const ADDRESSING = `query Addressing($id: ID!) { practicesAddressing(challengeId: $id, first: 5) { practice { id name } score } }`;
const TOOL_NAME = `query ToolName($id: ID!) { entity(id: $id) { id name } }`;
/** A challenge that some practice addresses directly. */
const challengeId = () => seed.relations.find((r) => r.type === 'ADDRESSES' && seed.entities.find((e) => e.id === r.to)?.kind === 'CHALLENGE')!.to;

/** The seed with one tool renamed: another content, hence another version of the graph. */
function withToolRenamed(id: string, name: string): Dataset {
  const entities = seed.entities.map((e) => (e.id === id ? { ...e, name } : e));
  return { ...seed, entities, contentHash: hashOf(entities, seed.relations) };
}

describe('response cache', () => {
  it('answers a repeated query from memory: the same answer, no round trip', async () => {
    const first = await ask(ADDRESSING, { id: challengeId() });
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    expect(first.cache).toBe('miss');
    const again = await ask(ADDRESSING, { id: challengeId() });
    expect(again.cache).toBe('hit');
    // Byte for byte: the hit sends the text the miss sent.
    expect(again.text).toBe(first.text);
    expect(again.body).toEqual(first.body);
    // The hit costs no round trip: the process knows the graph's version (src/cache/graph-version-watch.ts).
    expect(again.trips).toBe(0);
    expect(first.trips).toBeGreaterThanOrEqual(1);
  });

  it('keys answers by their variables', async () => {
    const a = await ask(TOOL_NAME, { id: seed.entities.find((e) => e.kind === 'TOOL')!.id });
    const otherTool = seed.entities.filter((e) => e.kind === 'TOOL')[1]!;
    const b = await ask(TOOL_NAME, { id: otherTool.id });
    expect(b.cache).toBe('miss');
    expect(b.body.data).toEqual({ entity: { id: otherTool.id, name: otherTool.name } });
    expect(a.body.data).not.toEqual(b.body.data);
  });

  it('never serves an answer from before a load, even when the load brings the same content back', async () => {
    const tool = seed.entities.find((e) => e.kind === 'TOOL')!;
    await ask(TOOL_NAME, { id: tool.id });
    expect((await ask(TOOL_NAME, { id: tool.id })).cache).toBe('hit');

    await loadDataset(svc.db, withToolRenamed(tool.id, 'Renamed for the cache test'));
    const renamed = await ask(TOOL_NAME, { id: tool.id });
    expect(renamed.cache).toBe('miss');
    expect(renamed.body.data).toEqual({ entity: { id: tool.id, name: 'Renamed for the cache test' } });
    expect((await ask(TOOL_NAME, { id: tool.id })).cache).toBe('hit');

    // Back to the seed's content: the same content hash as before, but a new load.
    await loadDataset(svc.db, seed);
    const back = await ask(TOOL_NAME, { id: tool.id });
    expect(back.cache).toBe('miss');
    expect(back.body.data).toEqual({ entity: { id: tool.id, name: tool.name } });
  });

  it('keeps no answer that has errors', async () => {
    const bad = await ask(ADDRESSING, { id: 'no-such-challenge' });
    expect(bad.body.errors?.length).toBeGreaterThan(0);
    const again = await ask(ADDRESSING, { id: 'no-such-challenge' });
    expect(again.cache).toBe('miss');
    expect(again.body).toEqual(bad.body);
  });

  it('still applies the query limits to a query it has an answer for', async () => {
    const query = `{ tools(first: 100) { nodes { id } } }`;
    expect((await ask(query)).status).toBe(200);
    expect((await ask(query)).cache).toBe('hit');
    const deep = await ask(`{ tools(first: 100) { nodes { practices(first: 100) { node { tools(first: 100) { node { id } } } } } } }`);
    expect(deep.body.errors?.[0]?.extensions?.code).toBe('QUERY_LIMIT_EXCEEDED');
    expect(deep.trips).toBe(0);
  });

  it('counts hits and misses in /metrics', async () => {
    const text = await (await fetch(new URL('/metrics', svc.url))).text();
    expect(text).toMatch(/mlopskg_response_cache_total\{outcome="hit"\} [1-9]/);
    expect(text).toMatch(/mlopskg_response_cache_total\{outcome="miss"\} [1-9]/);
    expect(text).toMatch(/mlopskg_response_cache_bytes [1-9]/);
  });
});

describe('ResponseCache memory bound', () => {
  const answer = (n: number) => JSON.stringify({ data: { pad: 'x'.repeat(n) } });
  const bytes = (n: number) => answer(n).length;

  it('drops the least recently used answers to stay within its bytes', () => {
    const cache = new ResponseCache(3 * bytes(100), bytes(100));
    cache.set('a', 'v1', answer(100));
    cache.set('b', 'v1', answer(100));
    cache.set('c', 'v1', answer(100));
    expect(cache.get('a', 'v1')).toBe(answer(100)); // a is now the most recently used
    cache.set('d', 'v1', answer(100));
    expect(cache.get('b', 'v1')).toBeUndefined();
    expect(cache.get('a', 'v1')).toBeDefined();
    expect(cache.size).toEqual({ entries: 3, bytes: 3 * bytes(100) });
  });

  it('serves nothing of another version, and keeps no answer larger than one entry may be', () => {
    const cache = new ResponseCache(10_000, 500);
    cache.set('a', 'v1', answer(100));
    expect(cache.get('a', 'v2')).toBeUndefined();
    expect(cache.size.entries).toBe(0);
    expect(cache.set('big', 'v1', answer(1000))).toBe(false);
    expect(cache.get('big', 'v1')).toBeUndefined();
    expect(cache.size).toEqual({ entries: 0, bytes: 0 });
  });
});
