// Hostile queries are refused before execution (no Cypher round trip), with a stable code and a
// message naming the limit, the allowed value and the query's value; the server then answers
// normal queries as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../src/server.js';
import { SEED_DIR, startTestService } from './support/neo4j.js';

let svc: RunningService;
const timings: Record<string, number> = {};

beforeAll(async () => {
  svc = await startTestService(SEED_DIR, { MAX_DEPTH: '12', MAX_COST: '500000', MAX_ALIASES: '30', MAX_DIRECTIVES: '50', MAX_TOKENS: '5000', MAX_BODY_BYTES: '102400' });
});
afterAll(async () => {
  console.log(`refusal times (ms): ${JSON.stringify(timings)}`);
  await svc?.stop();
});

interface Refused {
  status: number;
  roundTrips: string | null;
  error: { message: string; extensions: Record<string, unknown> };
}

async function send(name: string, body: string): Promise<Refused> {
  const started = performance.now();
  const res = await fetch(svc.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' }, body });
  const json = (await res.json()) as { errors: Refused['error'][] };
  timings[name] = Math.round((performance.now() - started) * 10) / 10;
  return { status: res.status, roundTrips: res.headers.get('x-cypher-round-trips'), error: json.errors[0]! };
}

const post = (name: string, query: string, variables?: unknown) => send(name, JSON.stringify({ query, variables }));

function expectRefused(r: Refused, limit: string, allowed: number) {
  expect(r.status).toBeGreaterThanOrEqual(400);
  // A page size out of range is a bad argument; every other limit has its own code.
  expect(r.error.extensions.code).toBe(limit === 'pageSize' ? 'BAD_USER_INPUT' : 'QUERY_LIMIT_EXCEEDED');
  expect(r.error.extensions.limit).toBe(limit);
  expect(r.error.extensions.allowed).toBe(allowed);
  expect(r.error.message).toContain(`(${limit})`);
  expect(r.error.message).toContain(String(allowed));
  expect(r.error.message).toContain(String(r.error.extensions.actual));
  // Refused before execution: not one Cypher round trip.
  expect(r.roundTrips ?? '0').toBe('0');
}

const nest = (levels: number) => {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = i % 2 === 0 ? `practices(first: 1) { node { ${inner} } }` : `tools(first: 1) { node { ${inner} } }`;
  return `{ tools(first: 1) { nodes { ${inner} } } }`;
};

describe('hostile queries', () => {
  it('deep nesting: refused by depth', async () => {
    const r = await post('depth', nest(10));
    expectRefused(r, 'depth', 12);
    expect(r.error.extensions.actual as number).toBeGreaterThan(12);
  });

  it('alias flood: refused by aliases', async () => {
    const q = `{ ${Array.from({ length: 200 }, (_, i) => `a${i}: sources(first: 1) { totalCount }`).join(' ')} }`;
    const r = await post('aliases', q);
    expectRefused(r, 'aliases', 30);
    expect(r.error.extensions.actual).toBe(200);
  });

  it('fan-out: nested page sizes multiply past the node limit', async () => {
    const q = `{ practices(first: 100) { nodes { tools(first: 100) { node { practices(first: 100) { node { id } } } } } } }`;
    const r = await post('cost', q);
    expectRefused(r, 'cost', 500000);
    expect(r.error.extensions.actual as number).toBeGreaterThan(1_000_000);
  });

  it('fan-out through variables is counted with the variables', async () => {
    const q = `query Q($n: Int) { practices(first: $n) { nodes { tools(first: $n) { node { practices(first: $n) { node { id } } } } } } }`;
    expectRefused(await post('cost-vars', q, { n: 100 }), 'cost', 500000);
  });

  it('huge first: refused by page size before execution', async () => {
    const r = await post('pageSize', '{ practices(first: 100000) { totalCount } }');
    expectRefused(r, 'pageSize', 100);
    expect(r.error.extensions.actual).toBe(100000);
  });

  it('directive flood: refused by directives', async () => {
    const q = `{ ${Array.from({ length: 80 }, () => '__typename @skip(if: false)').join(' ')} }`;
    const r = await post('directives', q);
    expectRefused(r, 'directives', 50);
    expect(r.error.extensions.actual).toBe(80);
  });

  it('token flood: refused by tokens, before parsing', async () => {
    const q = `{ ${'__typename '.repeat(6000)}}`;
    const r = await post('tokens', q);
    expectRefused(r, 'tokens', 5000);
  });

  it('oversized body: refused with 413 before it is read whole', async () => {
    const r = await send('bodyBytes', JSON.stringify({ query: '{ sources { totalCount } }', padding: 'x'.repeat(300 * 1024) }));
    expect(r.status).toBe(413);
    expectRefused(r, 'bodyBytes', 102400);
  });

  it('batched array: refused (batching is off)', async () => {
    const r = await send('batch', JSON.stringify([{ query: '{ sources { totalCount } }' }, { query: '{ sources { totalCount } }' }]));
    expectRefused(r, 'batch', 1);
    expect(r.error.extensions.actual).toBe(2);
  });

  it('fragment cycles: refused by validation', async () => {
    const q = `query { practices { nodes { ...A } } }
      fragment A on Practice { tools { node { ...B } } }
      fragment B on Tool { practices { node { ...A } } }`;
    const r = await post('fragmentCycle', q);
    expect(r.status).toBe(400);
    expect(['GRAPHQL_VALIDATION_FAILED', 'QUERY_LIMIT_EXCEEDED']).toContain(r.error.extensions.code);
    expect(r.roundTrips ?? '0').toBe('0');
  });

  it('fragment fan-out counts as if inlined', async () => {
    const q = `query { practices(first: 100) { nodes { ...T } } }
      fragment T on Practice { tools(first: 100) { node { ...P } } }
      fragment P on Tool { practices(first: 100) { node { id } } }`;
    expectRefused(await post('fragmentFanOut', q), 'cost', 500000);
  });

  it('refusals are fast: no pathological time on any of them', () => {
    // Not a performance goal (those live in the benchmarks): a guard against a refusal that does
    // real work. Each refusal above took a few milliseconds when this was written.
    for (const [name, ms] of Object.entries(timings)) expect(ms, name).toBeLessThan(1000);
    expect(Object.keys(timings).length).toBeGreaterThanOrEqual(10);
  });

  it('the server answers a normal query right after', async () => {
    const res = await fetch(svc.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ practices(first: 5) { totalCount nodes { id tools { node { id } } } } }' }) });
    expect(res.status).toBe(200);
    const json = (await res.json()) as { data: { practices: { totalCount: number } } };
    expect(json.data.practices.totalCount).toBeGreaterThan(0);
  });

  it('counts refusals by limit in /metrics', async () => {
    const text = await (await fetch(svc.url.replace('/graphql', '/metrics'))).text();
    for (const limit of ['depth', 'aliases', 'cost', 'pageSize', 'directives', 'tokens', 'bodyBytes', 'batch']) {
      expect(text).toMatch(new RegExp(`mlopskg_query_refusals_total\\{limit="${limit}"\\} [1-9]`));
    }
  });
});
