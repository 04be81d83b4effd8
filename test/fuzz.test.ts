// Property-based fuzzing of the HTTP API (fast-check, fixed seed): mutated documents (truncated,
// characters flipped, tokens duplicated, names made up, fragments that spread each other),
// variables of the wrong type or shape or size, odd operation names, bodies that are not JSON or not
// objects, wrong content types and odd headers. Whatever a request does wrong, the answer is a 4xx
// (or a 200 carrying the errors, as application/json requires), never a 5xx; the API answers normal
// queries right after. Cases are generated up front and all sent, so one run lists every 5xx found.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/paths.js';
import type { RunningService } from '../src/server.js';
import { gql, SEED_DIR, startTestService } from './support/neo4j.js';

const SEED = 20_260_516;
const CASES = Number(process.env.FUZZ_CASES ?? 3000);
const PARALLEL = 4;

let svc: RunningService;

beforeAll(async () => {
  svc = await startTestService(SEED_DIR);
});
afterAll(async () => {
  await svc?.stop();
});

// ---- the material: the public example queries, and a few with variables and fragments -----------

const EXAMPLES = readdirSync(path.join(PROJECT_ROOT, 'docs', 'examples'))
  .filter((f) => f.endsWith('.graphql'))
  .map((f) => readFileSync(path.join(PROJECT_ROOT, 'docs', 'examples', f), 'utf8'));

const WITH_VARIABLES = [
  'query Page($first: Int, $after: String, $filter: EntityFilter) { practices(first: $first, after: $after, filter: $filter) { totalCount pageInfo { endCursor hasNextPage } nodes { id name } } }',
  'query One($id: ID!) { entity(id: $id) { id name ... on Challenge { addressedBy { node { id } relation { type } } } } }',
  'query Find($text: String!, $kinds: [EntityKind!], $first: Int) { search(text: $text, kinds: $kinds, first: $first) { entity { id } score } }',
  'query Ways($fromId: ID!, $toId: ID!, $maxHops: Int) { paths(fromId: $fromId, toId: $toId, maxHops: $maxHops) { entities { id } } }',
  'query Stack($ids: [ID!]!, $max: Int) { recommendStack(challengeIds: $ids, maxTools: $max) { tools { id } coverageRatio } }',
  'fragment P on Practice { id name } query Frag { practices(first: 2) { nodes { ...P tools(first: 2) { node { id } } } } }',
  '{ sources { nodes { id name year arxiv } } }',
  '{ challenge: entity(id: "challenge:observability") { name ... on Challenge { addressedBy { node { id name kind } relation { type confidence citations { locator source { id } } } } } } }',
];

const DOCUMENTS = [...EXAMPLES, ...WITH_VARIABLES];
const NAMES = ['Page', 'One', 'Find', 'Ways', 'Stack', 'Frag', 'CoverageOfTwoTools', 'DashboardCounts', 'StackForProvenanceAndObservability', 'PracticesForObservability'];

// ---- documents -----------------------------------------------------------------------------------

const tokensOf = (doc: string) => doc.match(/[A-Za-z_][A-Za-z0-9_]*|"(?:[^"\\]|\\.)*"|\.\.\.|[^\sA-Za-z_]|\s+/g) ?? [];
const oddChars = fc.constantFrom('{', '}', '(', ')', '[', ']', ':', '$', '@', '!', '"', '\\', '.', '...', '#', '\u0000', '\uffff', '😀', '\n', ' ', '0', '-1e999', '&', '|', '=');
const name = fc.oneof(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,20}$/), fc.constantFrom('__typename', '__schema', '__type', 'query', 'mutation', 'subscription', 'fragment', 'on', 'null', 'true'));

const mutatedDocument: fc.Arbitrary<string> = fc.oneof(
  // truncation
  fc.tuple(fc.constantFrom(...DOCUMENTS), fc.double({ min: 0, max: 1, noNaN: true })).map(([d, f]) => d.slice(0, Math.floor(d.length * f))),
  // character flips
  fc
    .tuple(fc.constantFrom(...DOCUMENTS), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), oddChars), { minLength: 1, maxLength: 4 }))
    .map(([d, flips]) => flips.reduce((s, [f, c]) => { const i = Math.floor(s.length * f); return s.slice(0, i) + c + s.slice(i + 1); }, d)),
  // token duplication
  fc
    .tuple(fc.constantFrom(...DOCUMENTS), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 60 }))
    .map(([d, f, times]) => { const t = tokensOf(d); const i = Math.floor(t.length * f); return [...t.slice(0, i), ...Array(times).fill(t[i] ?? '{'), ...t.slice(i)].join(''); }),
  // random names in place of field, argument, type or operation names
  fc
    .tuple(fc.constantFrom(...DOCUMENTS), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), name), { minLength: 1, maxLength: 3 }))
    .map(([d, swaps]) => { const t = tokensOf(d); for (const [f, n] of swaps) { const idx = t.map((x, i) => (/^[A-Za-z_]/.test(x) ? i : -1)).filter((i) => i >= 0); const i = idx[Math.floor(idx.length * f)]; if (i !== undefined) t[i] = n; } return t.join(''); }),
  // several operations in one document (two anonymous ones, same names twice...)
  fc.array(fc.oneof(fc.constant('{ stats { entities } }'), fc.constantFrom(...DOCUMENTS)), { minLength: 2, maxLength: 4 }).map((ds) => ds.join('\n')),
  // fragments that spread each other exponentially (each level spreads the next twice)
  fc.integer({ min: 2, max: 40 }).map((n) => {
    const frags = Array.from({ length: n }, (_, i) => `fragment F${i} on Query { ${i + 1 < n ? `...F${i + 1} ...F${i + 1}` : 'stats { entities }'} }`);
    return `query Boom { ...F0 }\n${frags.join('\n')}`;
  }),
  // fragments in a cycle, and fragments on unknown or wrong types
  fc.constantFrom(
    'query C { ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
    'query W { ...X } fragment X on Nope { id }',
    'query W { practices { ...X } } fragment X on Tool { id }',
    '{ __schema { types { name fields { name args { name type { name ofType { name ofType { name } } } } } } } }',
    '{ __type(name: "Practice") { name } }',
    'subscription S { stats { entities } }',
    'mutation M { stats { entities } }',
    'query Q($x: Int = "no") { practices(first: $x) { totalCount } }',
    'query Q($x: Nope) { practices(first: $x) { totalCount } }',
    'query Q { practices(first: $undefinedVar) { totalCount } }',
    'query Q { practices(first: 1.5) { totalCount } }',
    'query Q { practices(first: 99999999999999999999) { totalCount } }',
    'query Q { practices @skip(if: true) { totalCount } }',
    'query Q { practices @nope { totalCount } }',
    '{ practices(first: 0) { totalCount } }',
    '{ practices(first: -1) { totalCount } }',
    '{ practices(after: "not-a-cursor") { totalCount } }',
    '{ practices(after: "") { totalCount } }',
    '{ entities(ids: []) { id } }',
    '{ entity(id: "") { id } }',
    '{ search(text: "") { score } }',
    '{ paths(fromId: "x", toId: "y", maxHops: 1000) { entities { id } } }',
    '{ recommendStack(challengeIds: [], maxTools: 0) { coverageRatio } }',
    '',
    ' ',
    '#',
  ),
  // made-up text
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
);

// ---- variables -----------------------------------------------------------------------------------

const nested = (depth: number): unknown => (depth === 0 ? 1 : { a: nested(depth - 1), b: [nested(depth - 1 > 2 ? 2 : depth - 1)] });
const hugeValue = fc.constantFrom<unknown>(
  1e308,
  -1e308,
  2 ** 53 + 1,
  -(2 ** 31) - 1,
  2 ** 31,
  0.5,
  'x'.repeat(50_000),
  Array.from({ length: 5_000 }, (_, i) => `id:${i}`),
  nested(12),
  { first: 1, __proto__: { polluted: true } },
  JSON.parse('{"__proto__": {"polluted": true}}'),
);
const variableValue: fc.Arbitrary<unknown> = fc.oneof(fc.jsonValue({ maxDepth: 4 }), hugeValue, fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const variables: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(undefined),
  fc.dictionary(fc.constantFrom('first', 'after', 'filter', 'id', 'text', 'kinds', 'fromId', 'toId', 'maxHops', 'ids', 'max', 'x', ''), variableValue, { maxKeys: 5 }),
  fc.record({ filter: fc.oneof(fc.dictionary(fc.constantFrom('text', 'sourceId', 'confidence', 'stageId', 'categoryId', 'nope'), variableValue), variableValue) }),
  variableValue,
);

// ---- operation names, bodies, headers -------------------------------------------------------------

const operationName: fc.Arbitrary<unknown> = fc.oneof(fc.constant(undefined), fc.constantFrom(...NAMES), fc.constant(null), name, fc.string(), fc.integer(), fc.array(fc.string(), { maxLength: 2 }), fc.object({ maxDepth: 1 }));

interface FuzzCase {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/graphql-response+json',
  'application/json; charset=utf-16',
  'application/graphql',
  'text/plain',
  'text/plain;charset=UTF-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  '',
  'garbage',
  'application/json;;;',
);
const accept = fc.constantFrom(
  undefined,
  'application/graphql-response+json',
  'application/json',
  'application/graphql-response+json, application/json',
  '*/*',
  'text/html',
  'text/event-stream',
  'multipart/mixed',
  'application/graphql-response+json;q=0',
  'garbage;;q=x',
);
const extraHeaders = fc.dictionary(
  fc.constantFrom('x-request-id', 'apollo-require-preflight', 'x-apollo-operation-name', 'origin', 'accept-encoding', 'apollographql-client-name', 'x-forwarded-for', 'cookie'),
  fc.oneof(fc.stringMatching(/^[\x21-\x7e]{0,80}$/), fc.constantFrom('true', 'null', '', 'x'.repeat(2000), 'https://evil.example'), fc.uuid()),
  { maxKeys: 3 },
);

const graphqlBody = fc
  .record({ query: fc.oneof({ weight: 6, arbitrary: mutatedDocument }, { weight: 1, arbitrary: variableValue }), variables, operationName, extensions: fc.oneof(fc.constant(undefined), variableValue, fc.constant({ persistedQuery: { version: 1, sha256Hash: 'abc' } })) }, { requiredKeys: ['query'] })
  .map((b) => JSON.stringify(b));

const rawBody = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.array(graphqlBody, { minLength: 0, maxLength: 3 }).map((bs) => `[${bs.join(',')}]`),
  graphqlBody.map((b) => b.slice(0, Math.max(0, b.length - 3))),
  fc.constantFrom('', 'null', '[]', '{}', '"query"', '1', 'true', '{"query":null}', '{"query":{}}', '{"query":[]}', '{"variables":"x"}', '\uFEFF{"query":"{ stats { entities } }"}', '{"query":"{ stats { entities } }","variables":"{\\"a\\":1}"}'),
);

const postCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(fc.oneof({ weight: 4, arbitrary: graphqlBody }, { weight: 1, arbitrary: rawBody }), fc.oneof({ weight: 4, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: contentType }), accept, extraHeaders)
  .map(([body, ct, acc, extra]) => ({ method: 'POST', path: '/graphql', body, headers: { ...(ct ? { 'content-type': ct } : {}), ...(acc ? { accept: acc } : {}), ...extra } }));

const getCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(mutatedDocument, variables, operationName, accept, extraHeaders, fc.boolean(), fc.constantFrom('GET', 'HEAD', 'PUT', 'DELETE', 'PATCH'))
  .map(([q, v, op, acc, extra, preflight, method]) => {
    const params = new URLSearchParams({ query: q });
    if (v !== undefined) params.set('variables', typeof v === 'string' ? v : JSON.stringify(v) ?? '');
    if (op !== undefined) params.set('operationName', typeof op === 'string' ? op : JSON.stringify(op) ?? '');
    return { method, path: `/graphql?${params}`, headers: { ...(preflight ? { 'apollo-require-preflight': 'true' } : {}), ...(acc ? { accept: acc } : {}), ...extra } };
  });

const otherPathCase: fc.Arbitrary<FuzzCase> = fc
  .tuple(fc.constantFrom('/', '/healthz', '/readyz', '/metrics', '/export', '/export/practices.csv', '/export/nope.csv', '/export/relations.xml', '/graphql/', '/%', '/..%2f..%2fetc/passwd', '/graphql?query=%', '/explorer'), fc.constantFrom('GET', 'POST', 'OPTIONS', 'DELETE'), accept)
  .map(([p, method, acc]): FuzzCase => ({ method, path: p, headers: acc ? { accept: acc } : {}, body: method === 'POST' ? '{}' : undefined }));

const anyCase = fc.oneof({ weight: 12, arbitrary: postCase }, { weight: 3, arbitrary: getCase }, { weight: 1, arbitrary: otherPathCase });

// ---- the run -----------------------------------------------------------------------------------------

interface Finding {
  readonly status: number | string;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly case: FuzzCase;
}

async function send(base: string, c: FuzzCase): Promise<{ status: number; text: string }> {
  const res = await fetch(base + c.path, { method: c.method, headers: c.headers, body: c.body, signal: AbortSignal.timeout(20_000) });
  return { status: res.status, text: await res.text() };
}

describe('fuzzing the HTTP API', () => {
  it(`answers ${CASES} generated bad requests without one 5xx, then answers normally`, async () => {
    const base = svc.url.replace(/\/graphql$/, '');
    const cases = fc.sample(anyCase, { seed: SEED, numRuns: CASES });
    const findings: Finding[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        while (next < cases.length) {
          const c = cases[next++]!;
          try {
            const { status, text } = await send(base, c);
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            if (status >= 500) {
              let first: { message?: unknown; extensions?: { code?: unknown } } | undefined;
              try {
                first = (JSON.parse(text) as { errors?: (typeof first)[] }).errors?.[0];
              } catch {
                /* not JSON */
              }
              findings.push({ status, code: first?.extensions?.code, message: first?.message, case: c });
            }
          } catch (e) {
            findings.push({ status: `no answer: ${(e as Error).message}`, case: c });
          }
        }
      }),
    );
    console.log(`fuzz: ${cases.length} cases (seed ${SEED}), statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}, 5xx or no answer: ${findings.length}`);
    // One line per kind of finding (status, code, message), with the first case that gave it.
    const kinds = new Map<string, Finding>();
    for (const f of findings) if (!kinds.has(`${f.status} ${f.code} ${f.message}`)) kinds.set(`${f.status} ${f.code} ${f.message}`, f);
    for (const [kind, f] of kinds) console.log(`${kind}: ${JSON.stringify(f.case).slice(0, 600)}`);
    expect(findings).toEqual([]);

    // Normal answers right after.
    const res = await gql<{ stats: { entities: number } }>(svc.url, '{ stats { entities } }');
    expect(res.status).toBe(200);
    expect(res.body.data!.stats.entities).toBeGreaterThan(0);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  }, 600_000);
});

describe('request errors found by fuzzing, each a 4xx with a stable code', () => {
  const exponential = `query Boom { ...F0 }\n${Array.from({ length: 30 }, (_, i) => `fragment F${i} on Query { ${i < 29 ? `...F${i + 1} ...F${i + 1}` : 'stats { entities }'} }`).join('\n')}`;
  const cases: [string, Record<string, unknown>, string][] = [
    ['fragments that spread each other exponentially', { query: exponential }, 'QUERY_LIMIT_EXCEEDED'],
    ['two anonymous operations, no operationName', { query: '{ stats { entities } } { stats { relations } }' }, 'GRAPHQL_VALIDATION_FAILED'],
    ['two named operations, no operationName', { query: 'query A { stats { entities } } query B { stats { relations } }' }, 'OPERATION_RESOLUTION_FAILURE'],
    ['an operationName that matches no operation', { query: 'query A { stats { entities } }', operationName: 'Nope' }, 'OPERATION_RESOLUTION_FAILURE'],
    ['an anonymous operation beside the named one asked for', { query: '{ stats { entities } } query A { practices(first: 1) { totalCount } }', operationName: 'A' }, 'GRAPHQL_VALIDATION_FAILED'],
    ['a variable of the wrong type', { query: 'query P($n: Int) { practices(first: $n) { totalCount } }', variables: { n: 'ten' } }, 'BAD_USER_INPUT'],
    ['a variable of the wrong shape', { query: 'query P($f: EntityFilter) { practices(filter: $f) { totalCount } }', variables: { f: [1, { x: 2 }] } }, 'BAD_USER_INPUT'],
    ['a huge variable', { query: 'query P($n: Int) { practices(first: $n) { totalCount } }', variables: { n: 1e300 } }, 'BAD_USER_INPUT'],
    ['variables that are not an object', { query: '{ stats { entities } }', variables: 'x' }, 'BAD_REQUEST'],
    ['a query that is not a string', { query: { a: 1 } }, 'BAD_REQUEST'],
  ];
  for (const [what, body, code] of cases) {
    it(what, async () => {
      const res = await fetch(svc.url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' }, body: JSON.stringify(body) });
      const json = (await res.json()) as { errors: { extensions: { code: string } }[] };
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(json.errors[0]!.extensions.code).toBe(code);
    });
  }
});
