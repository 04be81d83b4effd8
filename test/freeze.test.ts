// A hung Neo4j (its JVM frozen with SIGSTOP: connections stay open, nothing answers, no timeout comes
// from the server) must not hang the API: every request answers within its deadline, once the breaker
// knows Neo4j is away requests fail in under a second with SERVICE_UNAVAILABLE and Retry-After, answers
// cached at the last version read are served marked stale, and only a bounded number of requests wait
// (the rest are refused at once). This file runs its own local Neo4j (the run's shared one must keep
// answering), so it needs Java 17+ like the default path. Requests go to 127.0.0.1 only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { readdirSync } from 'node:fs';
import { parseSettings } from '../src/config/settings.js';
import { startLocalNeo4j, type LocalNeo4j } from '../src/provision/local.js';
import { PROJECT_ROOT } from '../src/config/paths.js';
import { startService, type RunningService } from '../src/server.js';

const DEADLINE_MS = 2_000;
const MAX_CONCURRENT = 6;
let neo4j: LocalNeo4j;
let svc: RunningService;
let base: string;
let frozen = false;

const resume = () => {
  if (frozen) process.kill(neo4j.pid, 'SIGCONT');
  frozen = false;
};

beforeAll(async () => {
  neo4j = await startLocalNeo4j({ root: PROJECT_ROOT, persistent: false });
  svc = await startService({
    settings: parseSettings({ PORT: '0', NEO4J_URI: neo4j.uri, NEO4J_PASSWORD: neo4j.password, REQUEST_TIMEOUT_MS: String(DEADLINE_MS), RESPONSE_CACHE_MB: '8', MAX_CONCURRENT_REQUESTS: String(MAX_CONCURRENT) }),
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  });
  base = svc.url.replace(/\/graphql$/, '');
}, 300_000);

afterAll(async () => {
  resume();
  await svc?.stop();
  await neo4j?.stop({ keepHome: false });
});

interface Answer {
  readonly ms: number;
  readonly status: number;
  readonly code?: string;
  readonly cache: string | null;
  readonly retryAfter: string | null;
}

const CACHED = JSON.stringify({ query: '{ practices(first: 3) { totalCount nodes { id } } }' });

async function ask(body: string): Promise<Answer> {
  const t0 = performance.now();
  const res = await fetch(svc.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body,
    // Far past the deadline: a request that hangs fails the assertions below, not the test run.
    signal: AbortSignal.timeout(DEADLINE_MS * 5),
  });
  const json = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
  return { ms: performance.now() - t0, status: res.status, code: json.errors?.[0]?.extensions?.code, cache: res.headers.get('x-response-cache'), retryAfter: res.headers.get('retry-after') };
}

/** A query no earlier request asked: it misses every cache and needs Neo4j. */
let n = 0;
const uncached = () => JSON.stringify({ query: `{ search(text: "model ${n++}", first: 3) { score } }` });

const openFds = () => readdirSync('/proc/self/fd').length;

describe('Neo4j hangs (its JVM frozen)', () => {
  it('answers every request within its deadline, fails fast once the breaker knows, serves cached answers marked stale, and bounds the waiting', async () => {
    // Warm: the cached query is kept, and a repeat is a hit.
    expect((await ask(CACHED)).status).toBe(200);
    expect((await ask(CACHED)).cache).toBe('hit');
    const fdsBefore = openFds();

    process.kill(neo4j.pid, 'SIGSTOP');
    frozen = true;
    const frozenAt = performance.now();

    // A burst right away, before anything knows: at most MAX_CONCURRENT execute (and wait on Neo4j),
    // the rest are refused at once with 503 and Retry-After; none waits past its deadline.
    const burst = await Promise.all(Array.from({ length: 20 }, () => ask(uncached())));
    console.log(`freeze burst: ${JSON.stringify(burst.map((a) => `${a.status} ${a.code ?? ''} ${Math.round(a.ms)}`))}`);
    const refusedAtOnce = burst.filter((a) => a.status === 503 && a.ms < 1_000);
    expect(refusedAtOnce.length).toBeGreaterThanOrEqual(20 - MAX_CONCURRENT);
    for (const a of burst) {
      expect(a.ms).toBeLessThan(DEADLINE_MS + 1_000);
      expect([503, 504, 200]).toContain(a.status);
      expect(['SERVICE_UNAVAILABLE', 'DEADLINE_EXCEEDED']).toContain(a.code);
      if (a.status === 503) expect(a.retryAfter).toBe('1');
    }

    // The breaker finds out (its probe gets no answer within 1 s): /readyz says so.
    let readyz = 200;
    while (performance.now() - frozenAt < 10_000) {
      readyz = (await fetch(`${base}/readyz`)).status;
      if (readyz === 503) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(readyz).toBe(503);
    const health = (await (await fetch(`${base}/healthz`)).json()) as { status: string };
    expect(health.status).toBe('degraded');

    // From now on: uncached requests fail in under a second, with SERVICE_UNAVAILABLE and Retry-After;
    // the cached one is answered from the last version read, marked stale.
    const down: Answer[] = [];
    const stale: Answer[] = [];
    for (let i = 0; i < 10; i++) {
      down.push(await ask(uncached()));
      stale.push(await ask(CACHED));
    }
    for (const a of down) {
      expect(a.status).toBe(503);
      expect(a.code).toBe('SERVICE_UNAVAILABLE');
      expect(a.retryAfter).toBe('1');
      expect(a.ms).toBeLessThan(1_000);
    }
    for (const a of stale) {
      expect(a.status).toBe(200);
      expect(a.cache).toBe('stale');
      expect(a.ms).toBeLessThan(1_000);
    }
    // Nothing piles up: descriptors stay near where they were (the burst's sockets are closed or pooled).
    expect(openFds() - fdsBefore).toBeLessThan(60);
    console.log(
      `freeze: burst ${JSON.stringify(burst.map((a) => `${a.status}/${Math.round(a.ms)}`))}; down p-max ${Math.round(Math.max(...down.map((a) => a.ms)))} ms; stale p-max ${Math.round(
        Math.max(...stale.map((a) => a.ms)),
      )} ms; fds ${fdsBefore} -> ${openFds()}`,
    );

    // Thawed: the same process answers again, and the cached answer is a plain hit.
    resume();
    let status = 0;
    const thawedAt = performance.now();
    while (performance.now() - thawedAt < 30_000) {
      status = (await ask(uncached())).status;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    while (performance.now() - thawedAt < 30_000 && (await fetch(`${base}/readyz`)).status !== 200) await new Promise((r) => setTimeout(r, 100));
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
  }, 180_000);
});
