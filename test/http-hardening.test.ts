// What a careful client, a careless one and a hostile one meet over HTTP: server timeouts cut slow
// clients (tested with a trickling socket), client mistakes are client errors (never
// INTERNAL_SERVER_ERROR, never an error-level log line), costly documents are refused before
// validation and their refusal is remembered, identical concurrent requests are executed once,
// application/json clients get 200 for request errors (the GraphQL-over-HTTP watershed), /metrics is
// not readable from another origin and no source map is served. Everything talks to 127.0.0.1 only.
import net from 'node:net';
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { parseSettings } from '../src/config/settings.js';
import { startService, type RunningService } from '../src/server.js';
import { resetGraphTo, SEED_DIR, testNeo4j } from './support/neo4j.js';

let svc: RunningService;
let port: number;
const logLines: { level: number; msg: string; err?: unknown }[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as (typeof logLines)[number]);
      done();
    },
  });
  await resetGraphTo(SEED_DIR);
  svc = await startService({
    settings: parseSettings({ PORT: '0', RESPONSE_CACHE_MB: '8', HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_REQUEST_TIMEOUT_MS: '2000', HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000' }),
    logger: pino({ level: 'info' }, sink),
    neo4j: testNeo4j(),
    seedDir: SEED_DIR,
  });
  port = Number(new URL(svc.url).port);
});
afterAll(async () => {
  await svc?.stop();
});

const errorLines = () => logLines.filter((l) => l.level >= 50);

/** A raw connection to the API; resolves with what the server sent and how long until it closed. */
function trickle(chunks: string[], everyMs: number): Promise<{ text: string; closedAfterMs: number }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const t0 = performance.now();
    let text = '';
    let i = 0;
    const timer = setInterval(() => {
      if (i < chunks.length && !socket.destroyed) socket.write(chunks[i++]!);
    }, everyMs);
    socket.on('data', (d) => (text += d.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ text, closedAfterMs: performance.now() - t0 });
    });
    // Bound: the test never waits on a server that does not cut.
    setTimeout(() => socket.destroy(), 15_000);
  });
}

describe('server timeouts (a trickling client)', () => {
  it('cuts headers that trickle in, one line at a time, at HTTP_HEADERS_TIMEOUT_MS', async () => {
    const lines = ['POST /graphql HTTP/1.1\r\n', 'Host: 127.0.0.1\r\n', ...Array.from({ length: 40 }, (_, i) => `X-Slow-${i}: a\r\n`)];
    const r = await trickle(lines, 200);
    expect(r.text).toMatch(/^HTTP\/1\.1 408/);
    // 1 s of allowed time, checked every second.
    expect(r.closedAfterMs).toBeLessThan(3_500);
  });

  it('cuts a body that trickles in at HTTP_REQUEST_TIMEOUT_MS', async () => {
    const body = JSON.stringify({ query: '{ stats { entities } }' });
    const head = `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const r = await trickle([head, ...body.split('')], 250);
    expect(r.text).toMatch(/^HTTP\/1\.1 408/);
    expect(r.closedAfterMs).toBeLessThan(4_500);
  });

  it('closes an idle kept-alive connection at HTTP_KEEP_ALIVE_TIMEOUT_MS', async () => {
    const body = JSON.stringify({ query: '{ __typename }' });
    const r = await trickle([`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`], 10);
    expect(r.text).toMatch(/^HTTP\/1\.1 200/);
    expect(r.closedAfterMs).toBeLessThan(3_000);
  });
});

const post = (body: unknown, accept = 'application/graphql-response+json') =>
  fetch(svc.url, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: typeof body === 'string' ? body : JSON.stringify(body) });

async function codeOf(res: Response): Promise<string | undefined> {
  return ((await res.json()) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;
}

describe('client mistakes are client errors', () => {
  it('operation types the API does not serve: 400 with GRAPHQL_VALIDATION_FAILED (405 by GET)', async () => {
    for (const q of ['mutation { x }', 'subscription { x }', 'mutation M { stats { entities } }']) {
      const res = await post({ query: q });
      expect(res.status).toBe(400);
      expect(await codeOf(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    const get = await fetch(`${svc.url}?query=${encodeURIComponent('mutation { x }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(405);
  });

  it('wrong persisted-query requests: PERSISTED_QUERY_* codes, 4xx', async () => {
    const q = '{ stats { entities } }';
    const hash = createHash('sha256').update(q).digest('hex');
    const cases: [unknown, string][] = [
      [{ query: q, extensions: { persistedQuery: { version: 2, sha256Hash: hash } } }, 'PERSISTED_QUERY_NOT_SUPPORTED'],
      [{ query: q, extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }, 'PERSISTED_QUERY_HASH_MISMATCH'],
      [{ extensions: { persistedQuery: { version: 1, sha256Hash: 42 } } }, 'BAD_REQUEST'],
      [{ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }, 'PERSISTED_QUERY_NOT_FOUND'],
    ];
    for (const [body, code] of cases) {
      const res = await post(body);
      expect(await codeOf(res), JSON.stringify(body)).toBe(code);
      expect(res.status === 400 || (res.status === 200 && code === 'PERSISTED_QUERY_NOT_FOUND'), JSON.stringify(body)).toBe(true);
    }
  });

  it('a client leaving mid-body: one quiet line, no stack, no error', async () => {
    const before = logLines.length;
    await new Promise<void>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.write('POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"query":"{ st');
        setTimeout(() => socket.destroy(), 100);
      });
      socket.on('close', () => resolve());
    });
    await new Promise((r) => setTimeout(r, 300));
    const lines = logLines.slice(before);
    expect(lines.some((l) => /closed the connection before the request body ended/.test(l.msg) && l.level === 30 && l.err === undefined)).toBe(true);
  });

  it('none of that logged an error or answered INTERNAL_SERVER_ERROR', () => {
    expect(errorLines()).toEqual([]);
  });
});

describe('cost before work', () => {
  it('refuses a document repeating one field before validating it, at once, and remembers it', async () => {
    const query = `{ ${'stats { entities } '.repeat(600)}}`;
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const res = await post({ query });
      times.push(performance.now() - t0);
      expect(res.status).toBe(400);
      const json = (await res.json()) as { errors: { extensions: { code: string; limit: string } }[] };
      expect(json.errors[0]!.extensions.code).toBe('QUERY_LIMIT_EXCEEDED');
      expect(['selections', 'repeatedFields']).toContain(json.errors[0]!.extensions.limit);
    }
    console.log(`repeated-field refusal (ms): ${times.map((t) => t.toFixed(1)).join(', ')}`);
    expect(Math.max(...times.slice(1))).toBeLessThan(100);
  });

  it('refuses one response name asked for more than 10 times in one selection set', async () => {
    const res = await post({ query: `{ stats { ${'entities '.repeat(11)}} }` });
    const json = (await res.json()) as { errors: { extensions: { limit: string; actual: number } }[] };
    expect(json.errors[0]!.extensions).toMatchObject({ limit: 'repeatedFields', actual: 11 });
  });

  it('counts introspection in the cost limit: thirty aliased __schema are refused, one is not', async () => {
    const full = '__schema { types { name fields { name args { name type { name } } type { name } } } }';
    const many = await post({ query: `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: ${full}`).join(' ')} }` });
    const json = (await many.json()) as { errors: { extensions: { code: string; limit: string } }[] };
    expect(json.errors[0]!.extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'cost' });
    const one = await post({ query: `{ ${full} }` });
    expect(one.status).toBe(200);
  });

  it('answers a repeated invalid document from memory, without validating it again', async () => {
    const query = '{ practices { nosuchfield } }';
    const first = await post({ query });
    expect(first.status).toBe(400);
    const again = await post({ query });
    expect(again.status).toBe(400);
    expect(again.headers.get('x-response-cache')).toBe('refused');
    expect(await again.json()).toEqual(await first.json());
  });
});

describe('identical work done once', () => {
  it('concurrent identical uncached requests share one execution', async () => {
    const body = JSON.stringify({ query: '{ practices(first: 40) { totalCount nodes { id name tools(first: 5) { node { id } } } } }', variables: { nonce: Date.now() } });
    const answers = await Promise.all(Array.from({ length: 12 }, () => post(body)));
    const how = answers.map((r) => r.headers.get('x-response-cache'));
    const texts = await Promise.all(answers.map((r) => r.text()));
    expect(answers.every((r) => r.status === 200)).toBe(true);
    expect(new Set(texts).size).toBe(1);
    // One executed (miss); the others waited for it (shared) or came after it was kept (hit).
    expect(how.filter((h) => h === 'miss')).toHaveLength(1);
    expect(how.filter((h) => h === 'shared').length).toBeGreaterThan(0);
  });
});

describe('GraphQL over HTTP as documented', () => {
  it('application/json clients get 200 for request errors; application/graphql-response+json clients 400', async () => {
    for (const body of [{ query: '{ practices { nosuchfield } }' }, { query: '{ stats { ' }, { query: 'query Q($n: Int) { practices(first: $n) { totalCount } }', variables: { n: 'ten' } }]) {
      const legacy = await post(body, 'application/json');
      expect(legacy.status, JSON.stringify(body)).toBe(200);
      expect(legacy.headers.get('content-type')).toMatch(/^application\/json/);
      expect(((await legacy.json()) as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
      expect((await post(body)).status, JSON.stringify(body)).toBe(400);
    }
    // A body that is not JSON is not a well-formed request: 400 either way.
    expect((await post('{"query": ', 'application/json')).status).toBe(400);
  });

  it('/metrics gives no CORS grant, even where the API allows every origin', async () => {
    const res = await fetch(svc.url.replace('/graphql', '/metrics'), { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect((await fetch(svc.url.replace('/graphql', '/metrics'))).status).toBe(200);
  });

  it('serves no source map', async () => {
    const res = await fetch(svc.url.replace('/graphql', '/assets/explorer-AAAAAAAA.js.map'));
    expect(res.status).toBe(404);
  });
});
