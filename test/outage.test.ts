// A Neo4j outage while requests run: requests fail fast with SERVICE_UNAVAILABLE, /readyz turns
// 503, the process stays up, and it recovers by itself when Neo4j returns. This file runs its own
// local Neo4j (the run's shared one must not go away), so it needs Java 17+ like the default path.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { parseSettings } from '../src/config/settings.js';
import { startLocalNeo4j, type LocalNeo4j } from '../src/provision/local.js';
import { PROJECT_ROOT } from '../src/config/paths.js';
import { startService, type RunningService } from '../src/server.js';

let neo4j: LocalNeo4j;
let svc: RunningService;
let base: string;
const timings = { failMs: [] as number[], readyzMs: [] as number[], firstFailMs: 0 };

// Each call asks a page size not asked before (unless given): an answer the response cache holds would
// be served, marked stale, while Neo4j is away (checked below), and this test is about the others.
let pageSize = 3;
const query = (accept = 'application/graphql-response+json', first = 2 + (pageSize++ % 98)) =>
  fetch(svc.url, { method: 'POST', headers: { 'content-type': 'application/json', accept }, body: JSON.stringify({ query: `{ practices(first: ${first}) { totalCount nodes { id } } }` }) });

beforeAll(async () => {
  neo4j = await startLocalNeo4j({ root: PROJECT_ROOT, persistent: false });
  svc = await startService({
    settings: parseSettings({ PORT: '0', NEO4J_URI: neo4j.uri, NEO4J_PASSWORD: neo4j.password }),
    logger: pino({ level: 'silent' }),
  });
  base = svc.url.replace(/\/graphql$/, '');
}, 300_000);

afterAll(async () => {
  console.log(`outage timings (ms): ${JSON.stringify(timings)}`);
  await svc?.stop();
  await neo4j?.stop({ keepHome: false });
});

describe('Neo4j goes away and comes back', () => {
  it('serves, fails fast while Neo4j is down, and recovers without a restart', async () => {
    expect((await query(undefined, 1)).status).toBe(200);
    expect((await query(undefined, 1)).headers.get('x-response-cache')).toBe('hit');

    // Requests in flight while the database stops.
    const during = Array.from({ length: 20 }, (_, i) => new Promise((r) => setTimeout(r, i * 50)).then(() => query().then((r) => r.status, () => -1)));
    const { home, port, password } = neo4j;
    await neo4j.stop({ keepHome: true });
    const statuses = await Promise.all(during);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);

    // Down: a clear error, fast, and the process answers.
    const started = performance.now();
    const down = await query();
    const downMs = performance.now() - started;
    timings.firstFailMs = Math.round(downMs * 10) / 10;
    expect(down.status).toBe(503);
    const body = (await down.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(body.errors[0]!.message).not.toMatch(/bolt|neo4j:\/\/|ECONNREFUSED|Cypher/i);
    expect(downMs).toBeLessThan(10_000); // fails fast: well inside the request deadline
    // Fail fast: once Neo4j is found down, each query fails within 1 s (the breaker answers at once).
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const r = await query();
      const ms = performance.now() - t0;
      expect(r.status).toBe(503);
      expect(ms).toBeLessThan(1_000);
      timings.failMs.push(Math.round(ms * 10) / 10);
    }
    // /readyz answers from the background probe's last state, not a probe of its own.
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const r = await fetch(`${base}/readyz`);
      const ms = performance.now() - t0;
      expect(r.status).toBe(503);
      expect(ms).toBeLessThan(200);
      timings.readyzMs.push(Math.round(ms * 10) / 10);
    }
    // With plain application/json the GraphQL-over-HTTP spec wants 200 and the error in the body.
    const legacy = await query('application/json');
    expect(legacy.status).toBe(200);
    expect(((await legacy.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    // An answer cached at the last version read is served, marked stale.
    const cached = await query(undefined, 1);
    expect(cached.status).toBe(200);
    expect(cached.headers.get('x-response-cache')).toBe('stale');

    // Back: same home, port and password; the same process picks it up.
    neo4j = await startLocalNeo4j({ root: PROJECT_ROOT, persistent: false, reuse: { home, port, password } });
    const deadline = Date.now() + 60_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await query()).status;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/mlopskg_graphql_requests_total\{operation="anonymous",outcome="unavailable"\} [1-9]/);
  }, 300_000);
});
