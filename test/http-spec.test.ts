// GraphQL over HTTP as the spec and a careful public API have it: media types, GET for queries
// only with CSRF prevention, CORS, security headers, introspection switch; and the request id,
// logs and metrics an operator reads.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { parseSettings } from '../src/config/settings.js';
import { startService, type RunningService } from '../src/server.js';
import { resetGraphTo, SEED_DIR, startTestService, testNeo4j } from './support/neo4j.js';

let svc: RunningService;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  await resetGraphTo(SEED_DIR);
  svc = await startService({
    settings: parseSettings({ PORT: '0', CORS_ORIGINS: 'https://dash.example.org' }),
    logger: pino({ level: 'info' }, sink),
    neo4j: testNeo4j(),
    seedDir: SEED_DIR,
  });
});
afterAll(async () => {
  await svc?.stop();
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(svc.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('media types', () => {
  it('answers application/graphql-response+json when the client accepts it', async () => {
    const res = await post({ query: '{ sources { totalCount } }' }, { accept: 'application/graphql-response+json' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/graphql-response\+json/);
  });

  it('answers application/json to legacy clients', async () => {
    const res = await post({ query: '{ sources { totalCount } }' }, { accept: 'application/json' });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('refuses a body that is not JSON with 400', async () => {
    const res = await fetch(svc.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });
});

describe('GET and CSRF prevention', () => {
  it('refuses a mutation-shaped operation over GET (and we have no mutations at all)', async () => {
    const res = await fetch(`${svc.url}?query=${encodeURIComponent('mutation { x }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(res.status).toBeGreaterThanOrEqual(400);
  });

  it('refuses a simple cross-site request without a preflight-forcing header', async () => {
    const res = await fetch(svc.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ sources { totalCount } }"}' });
    expect(res.status).toBe(400);
  });
});

describe('CORS and headers', () => {
  it('allows the configured origin, with a preflight', async () => {
    const pre = await fetch(svc.url, { method: 'OPTIONS', headers: { origin: 'https://dash.example.org', 'access-control-request-method': 'POST' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://dash.example.org');
    expect(pre.headers.get('access-control-allow-headers')).toContain('content-type');
  });

  it('gives no CORS grant to another origin', async () => {
    const res = await post({ query: '{ sources { totalCount } }' }, { origin: 'https://evil.example' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends security headers on every response', async () => {
    for (const path of ['/graphql', '/healthz', '/nope']) {
      const res = await fetch(svc.url.replace('/graphql', path), path === '/graphql' ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' } : {});
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});

describe('introspection', () => {
  it('is on by default: the schema is public', async () => {
    const json = (await (await post({ query: '{ __schema { queryType { name } } }' })).json()) as { data: { __schema: { queryType: { name: string } } } };
    expect(json.data.__schema.queryType.name).toBe('Query');
  });

  it('can be switched off', async () => {
    const closed = await startTestService(SEED_DIR, { INTROSPECTION: 'false' });
    try {
      const res = await fetch(closed.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }) });
      const json = (await res.json()) as { errors: { message: string }[] };
      expect(json.errors[0]!.message).toMatch(/introspection/i);
    } finally {
      await closed.stop();
    }
  });
});

describe('request ids, logs and metrics', () => {
  it('echoes a sane x-request-id and logs it with the operation name, never the variables', async () => {
    const res = await post({ query: 'query SecretProbe($q: String!) { search(text: $q) { score } }', variables: { q: 'hunter2-secret' } }, { 'x-request-id': 'probe-42' });
    expect(res.headers.get('x-request-id')).toBe('probe-42');
    await new Promise((r) => setTimeout(r, 50));
    const line = logLines.find((l) => l.reqId === 'probe-42');
    expect(line).toMatchObject({ reqId: 'probe-42', operation: 'SecretProbe', outcome: 'ok' });
    expect(JSON.stringify(logLines)).not.toContain('hunter2-secret');
  });

  it('makes up a request id when the caller gives none or a strange one', async () => {
    const res = await post({ query: '{ __typename }' }, { 'x-request-id': 'bad id with spaces\n' });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('exports requests by operation and outcome, latency and the Neo4j queries in flight', async () => {
    await post({ query: 'query CountSources { sources { totalCount } }' });
    const res = await fetch(svc.url.replace('/graphql', '/metrics'));
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/mlopskg_graphql_requests_total\{operation="CountSources",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/mlopskg_graphql_request_duration_seconds_bucket\{le="0\.5",operation="CountSources"\} [1-9]/);
    expect(text).toMatch(/mlopskg_neo4j_queries_in_flight \d+/);
  });
});
