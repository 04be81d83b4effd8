// Every string argument, fed injection strings, Lucene syntax, long strings, control characters
// and non-BMP text: no Cypher error leaks, nothing is written, and answers are sane.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../src/server.js';
import { graphContentHash } from '../src/seed/loader.js';
import { startTestService } from './support/neo4j.js';

let svc: RunningService;
let hashBefore: string;

beforeAll(async () => {
  svc = await startTestService();
  hashBefore = await graphContentHash(svc.db);
});
afterAll(async () => {
  await svc?.stop();
});

const PAYLOADS = [
  "' OR 1=1 //",
  '"}) MATCH (n) DETACH DELETE n //',
  "practice:x'}) DETACH DELETE n RETURN 1 //",
  '$ids',
  'a:b AND (c OR "d',
  '*',
  '~~~ \\ / ^ [ ] { } ! ? -',
  'x'.repeat(10_000),
  'nul\u0000bell\u0007esc\u001b',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🧪 text',
  '</script><script>alert(1)</script>',
  '',
];

/** Each query takes its payload as the variable $s (or $l, a one-element list). */
const QUERIES: Record<string, string> = {
  entity: 'query($s: ID!) { entity(id: $s) { id } }',
  entities: 'query($l: [ID!]!) { entities(ids: $l) { id } }',
  search: 'query($s: String!) { search(text: $s) { entity { id } score } }',
  searchKinds: 'query($s: String!) { search(text: $s, kinds: [PRACTICE, TOOL], first: 5) { entity { id } } }',
  practicesAddressing: 'query($s: ID!) { practicesAddressing(challengeId: $s) { practice { id } } }',
  coverageTools: 'query($l: [ID!]) { coverage(toolIds: $l) { cells { level } } }',
  coveragePractices: 'query($l: [ID!]) { coverage(practiceIds: $l) { cells { level } } }',
  recommendStack: 'query($l: [ID!]!) { recommendStack(challengeIds: $l) { coverageRatio } }',
  pathsFrom: 'query($s: ID!) { paths(fromId: $s, toId: "challenge:observability") { paths { entities { id } } } }',
  pathsTo: 'query($s: ID!) { paths(fromId: "tool:mlflow", toId: $s) { paths { entities { id } } } }',
  filterText: 'query($s: String) { practices(filter: { text: $s }) { totalCount } }',
  filterSource: 'query($s: ID) { tools(filter: { sourceId: $s }) { totalCount } }',
  filterStage: 'query($s: ID) { roles(filter: { stageId: $s }) { totalCount } }',
  filterCategory: 'query($s: ID) { practices(filter: { categoryId: $s }) { totalCount } }',
  after: 'query($s: String) { challenges(after: $s) { totalCount } }',
  linkTypes: 'query($l: [String!]) { entity(id: "tool:mlflow") { links(types: $l) { relation { id } } } }',
};

const SAFE_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'QUERY_LIMIT_EXCEEDED']);

describe('hostile strings in every string argument', () => {
  it.each(Object.entries(QUERIES))('%s', async (_name, query) => {
    for (const payload of PAYLOADS) {
      const res = await fetch(svc.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables: { s: payload, l: [payload] } }),
      });
      expect(res.status, payload.slice(0, 40)).toBeLessThan(500);
      const json = (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
      for (const e of json.errors ?? []) {
        expect(SAFE_CODES.has(e.extensions?.code ?? ''), `${payload.slice(0, 40)} -> ${e.extensions?.code}: ${e.message}`).toBe(true);
        // Messages may quote the input back (cut short, JSON-escaped); nothing else of the query.
        const quotedInput = JSON.stringify(payload.length > 80 ? `${payload.slice(0, 80)}…` : payload);
        expect(e.message.replace(quotedInput, '"<input>"')).not.toMatch(/Neo\.|Cypher|MATCH|DETACH|\bat .*\.(ts|js):/);
        expect(e.message.length).toBeLessThan(400);
      }
      if (!json.errors) expect(json.data).toBeDefined();
    }
  });

  it('wrote nothing: the graph hashes as before', async () => {
    expect(await graphContentHash(svc.db)).toBe(hashBefore);
  });

  it('still finds what a search for a real name should find', async () => {
    const res = await fetch(svc.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ search(text: "MLflow") { entity { id } } }' }) });
    const json = (await res.json()) as { data: { search: { entity: { id: string } }[] } };
    expect(json.data.search[0]?.entity.id).toBe('tool:mlflow');
  });
});
