// The MCP server driven by the SDK's own client, over both transports, against the seeded graph:
// Streamable HTTP at POST /mcp (the 2026-07-28 revision, and a 2025-era client through the stateless
// fallback) and stdio (npm run mcp's entry as a child process). Every tool's answer is held to what
// POST /graphql answers for the same operation and variables: the tools cannot drift from the API.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config/paths.js';
import { parseSettings } from '../src/config/settings.js';
import { createApp, type App } from '../src/http/app.js';
import { OPERATIONS_DIR } from '../src/mcp/operations.js';
import { createDriver, Db } from '../src/neo4j/driver.js';
import { API_DRIVER_OPTIONS, type RunningService } from '../src/server.js';
import { gql, SEED_DIR, startTestService, testNeo4j } from './support/neo4j.js';

type Result = Awaited<ReturnType<Client['callTool']>>;
type ToolError = { code: string; message: string; argumentName?: string; suggestions?: Record<string, string[]>; limit?: string };

let service: RunningService;
let base: string;

/** One call per tool, with the operation file it runs: ids from the README's examples. */
const CALLS: readonly { tool: string; file: string; args: Record<string, unknown> }[] = [
  { tool: 'find_entities', file: 'find-entities.graphql', args: { text: 'experiment tracking', first: 5 } },
  { tool: 'get_entity', file: 'get-entity.graphql', args: { id: 'tool:mlflow' } },
  { tool: 'practices_addressing', file: 'practices-addressing.graphql', args: { challengeId: 'challenge:observability', first: 3 } },
  { tool: 'coverage', file: 'coverage.graphql', args: { toolIds: ['tool:mlflow', 'tool:kubeflow'] } },
  { tool: 'recommend_stack', file: 'recommend-stack.graphql', args: { challengeIds: ['challenge:experiment-provenance', 'challenge:observability'], maxTools: 3 } },
  { tool: 'explain_path', file: 'explain-path.graphql', args: { fromId: 'tool:mlflow', toId: 'challenge:observability' } },
  { tool: 'find_problems', file: 'find-problems.graphql', args: { text: 'our models get worse after deployment' } },
  { tool: 'gaps', file: 'gaps.graphql', args: {} },
  { tool: 'compare_tools', file: 'compare-tools.graphql', args: { toolIds: ['tool:mlflow', 'tool:kubeflow'] } },
];

/** Tools whose answers name entities but cite nothing: a problem's matches, the gaps. */
const UNCITED = new Set(['find_entities', 'find_problems', 'gaps']);

const errorOf = (r: Result) => (r.structuredContent as { error: ToolError }).error;
const textOf = (r: Result) => (r.content as { type: string; text?: string }[]).map((c) => c.text ?? '').join('\n');

/** Every object with a locator (a citation), wherever it is in the answer. */
function citationsIn(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(citationsIn);
  if (value === null || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  return [...('locator' in o ? [o] : []), ...Object.values(o).flatMap(citationsIn)];
}

beforeAll(async () => {
  // The response cache on: tool calls share it with /graphql.
  service = await startTestService(SEED_DIR, { RESPONSE_CACHE_MB: '8' });
  base = service.url.replace(/\/graphql$/, '');
}, 600_000);

afterAll(async () => {
  await service?.stop();
});

/** The checks every transport passes; `connect` gives a connected client. */
function transportSuite(name: string, connect: () => Promise<Client>) {
  describe(name, () => {
    let client: Client;
    beforeAll(async () => {
      client = await connect();
    }, 120_000);
    afterAll(async () => {
      await client?.close();
    });

    it('lists every operation file as a read-only, idempotent tool with an input schema', async () => {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(CALLS.map((c) => c.tool).sort());
      for (const t of tools) {
        expect(t.annotations).toMatchObject({ readOnlyHint: true, idempotentHint: true, destructiveHint: false });
        expect(t.description!.length).toBeGreaterThan(40);
        expect(Object.keys(t.inputSchema.properties ?? {}).length).toBeGreaterThan(0);
      }
    });

    it.each(CALLS)('$tool answers what POST /graphql answers, citations with confidence, locator and url', async ({ tool, file, args }) => {
      const result = await client.callTool({ name: tool, arguments: args });
      expect(result.isError ?? false, textOf(result)).toBe(false);
      const api = await gql(service.url, readFileSync(path.join(OPERATIONS_DIR, file), 'utf8'), args);
      expect(api.body.errors).toBeUndefined();
      expect(result.structuredContent).toEqual(api.body.data);
      const [summary, json] = result.content as { type: string; text: string }[];
      expect(summary!.text).toContain(`${tool}:`);
      expect(JSON.parse(json!.text)).toEqual(api.body.data);
      for (const c of citationsIn(result.structuredContent)) {
        expect(Object.keys(c)).toEqual(expect.arrayContaining(['confidence', 'locator', 'url']));
        expect(['STATED', 'INFERRED']).toContain(c.confidence);
      }
      if (!UNCITED.has(tool)) expect(citationsIn(result.structuredContent).length).toBeGreaterThan(0);
    });

    it('refuses an id that names nothing as a tool error, never a protocol error', async () => {
      const result = await client.callTool({ name: 'get_entity', arguments: { id: 'nothing:at-all-zzqx' } });
      expect(result.isError).toBe(true);
      expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
      expect(textOf(result)).toMatch(/^BAD_USER_INPUT: Invalid argument id: no entity has the id "nothing:at-all-zzqx"/);
    });

    it('answers a near-miss id with the API\'s "did you mean"', async () => {
      const asked = 'challenge:observabilty';
      const result = await client.callTool({ name: 'practices_addressing', arguments: { challengeId: asked } });
      expect(result.isError).toBe(true);
      const api = await gql(service.url, readFileSync(path.join(OPERATIONS_DIR, 'practices-addressing.graphql'), 'utf8'), { challengeId: asked });
      const apiError = api.body.errors![0]!;
      expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'challengeId', message: apiError.message, suggestions: apiError.extensions!.suggestions });
      expect(errorOf(result).suggestions![asked]).toContain('challenge:observability');
      // get_entity's field is nullable (null for an unknown id): the tool finds the nearest by name.
      const entity = await client.callTool({ name: 'get_entity', arguments: { id: 'tool:mlfow' } });
      expect(entity.isError).toBe(true);
      expect(errorOf(entity).suggestions!['tool:mlfow']).toContain('tool:mlflow');
    });

    it('refuses arguments of the wrong type or name as BAD_USER_INPUT naming them', async () => {
      const wrongType = await client.callTool({ name: 'find_entities', arguments: { text: 'mlflow', first: 'ten' } });
      expect(wrongType.isError).toBe(true);
      expect(errorOf(wrongType).code).toBe('BAD_USER_INPUT');
      expect(errorOf(wrongType).message).toContain('$first');
      const outOfRange = await client.callTool({ name: 'find_entities', arguments: { text: 'mlflow', first: 500 } });
      expect(outOfRange.isError).toBe(true);
      expect(errorOf(outOfRange)).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
      const unknown = await client.callTool({ name: 'find_entities', arguments: { txt: 'mlflow' } });
      expect(unknown.isError).toBe(true);
      expect(textOf(unknown)).toContain('txt (did you mean text?)');
    });

    it('refuses an answer over MCP_MAX_RESULT_BYTES with a tool error saying how to narrow it', async () => {
      const result = await client.callTool({ name: 'coverage', arguments: {} });
      expect(result.isError).toBe(true);
      expect(errorOf(result)).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'mcpResultBytes', allowed: 100_000 });
      expect(textOf(result)).toMatch(/narrow with toolIds, practiceIds/);
    });

    it('reads an entity as a resource, and completes ids', async () => {
      const { resourceTemplates } = await client.listResourceTemplates();
      expect(resourceTemplates.map((t) => t.uriTemplate)).toEqual(['mlops-kg://entity/{id}']);
      const read = await client.readResource({ uri: `mlops-kg://entity/${encodeURIComponent('tool:mlflow')}` });
      const entity = JSON.parse((read.contents[0] as { text: string }).text) as { id: string; citations: unknown[] };
      const tool = await client.callTool({ name: 'get_entity', arguments: { id: 'tool:mlflow' } });
      expect(entity).toEqual((tool.structuredContent as { entity: unknown }).entity);
      await expect(client.readResource({ uri: 'mlops-kg://entity/nothing%3Ahere-zzqx' })).rejects.toThrow(/no entity has the id/);
      const completed = await client.complete({ ref: { type: 'ref/resource', uri: 'mlops-kg://entity/{id}' }, argument: { name: 'id', value: 'mlflow' } });
      expect(completed.completion.values).toContain('tool:mlflow');
    });

    it('offers the roadmap prompt, naming the tools to call', async () => {
      const { prompts } = await client.listPrompts();
      expect(prompts.map((p) => p.name)).toContain('roadmap');
      const prompt = await client.getPrompt({ name: 'roadmap', arguments: { problem: 'our models degrade silently in production' } });
      const text = (prompt.messages[0]!.content as { text: string }).text;
      for (const tool of ['find_entities', 'practices_addressing', 'recommend_stack', 'coverage', 'explain_path']) expect(text).toContain(tool);
      expect(text).toContain('our models degrade silently in production');
    });
  });
}

transportSuite('Streamable HTTP, 2026-07-28', async () => {
  const client = new Client({ name: 'mlops-kg-test', version: '1.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/mcp`)));
  expect(client.getNegotiatedProtocolVersion()).toBe('2026-07-28');
  return client;
});

/** npm run mcp's entry as a child process, on the run's Neo4j (already seeded: it writes nothing). */
function stdioTransport(): StdioClientTransport {
  const n = testNeo4j();
  const env: Record<string, string> = { ...(process.env as Record<string, string>), NEO4J_URI: n.uri, NEO4J_USERNAME: n.username, LOG_LEVEL: 'warn' };
  if (n.password) env.NEO4J_PASSWORD = n.password;
  if (n.database) env.NEO4J_DATABASE = n.database;
  return new StdioClientTransport({ command: process.execPath, args: ['--import', 'tsx', path.join(PROJECT_ROOT, 'src', 'mcp-main.ts')], env, cwd: PROJECT_ROOT, stderr: 'inherit' });
}

transportSuite('stdio (npm run mcp)', async () => {
  const client = new Client({ name: 'mlops-kg-test', version: '1.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
  await client.connect(stdioTransport(), { timeout: 90_000 });
  expect(client.getNegotiatedProtocolVersion()).toBe('2026-07-28');
  return client;
});

describe('stdio, a 2025-era client', () => {
  it('is served on a connection pinned to the 2025 handshake', async () => {
    const client = new Client({ name: 'mlops-kg-legacy', version: '1.0.0' });
    await client.connect(stdioTransport(), { timeout: 90_000 });
    try {
      expect(client.getNegotiatedProtocolVersion()).not.toBe('2026-07-28');
      const result = await client.callTool({ name: 'get_entity', arguments: { id: 'tool:kubeflow', firstLinks: 5 } });
      expect(result.isError ?? false).toBe(false);
      const api = await gql(service.url, readFileSync(path.join(OPERATIONS_DIR, 'get-entity.graphql'), 'utf8'), { id: 'tool:kubeflow', firstLinks: 5 });
      expect(result.structuredContent).toEqual(api.body.data);
    } finally {
      await client.close();
    }
  }, 120_000);
});

describe('Streamable HTTP, a 2025-era client', () => {
  it('is served by the stateless fallback', async () => {
    const client = new Client({ name: 'mlops-kg-legacy', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/mcp`)));
    try {
      expect(client.getNegotiatedProtocolVersion()).not.toBe('2026-07-28');
      expect((await client.listTools()).tools.length).toBe(CALLS.length);
      const result = await client.callTool({ name: 'find_entities', arguments: { text: 'mlflow', kinds: ['TOOL'], first: 3 } });
      expect(result.isError ?? false).toBe(false);
      const api = await gql(service.url, readFileSync(path.join(OPERATIONS_DIR, 'find-entities.graphql'), 'utf8'), { text: 'mlflow', kinds: ['TOOL'], first: 3 });
      expect(result.structuredContent).toEqual(api.body.data);
    } finally {
      await client.close();
    }
  });
});

describe('POST /mcp, as /graphql is served', () => {
  it('counts tool calls in the GraphQL metrics by operation name, and shares the response cache', async () => {
    const client = new Client({ name: 'mlops-kg-test', version: '1.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
    await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/mcp`)));
    const cacheHits = async () => Number(/mlopskg_response_cache_total\{outcome="hit"\} (\d+)/.exec(await (await fetch(`${base}/metrics`)).text())?.[1] ?? 0);
    const hitsBefore = await cacheHits();
    const args = { name: 'explain_path', arguments: { fromId: 'tool:kubeflow', toId: 'challenge:observability', first: 2 } };
    const first = await client.callTool(args);
    const second = await client.callTool(args);
    await client.close();
    expect(second.structuredContent).toEqual(first.structuredContent);
    expect(await cacheHits()).toBeGreaterThan(hitsBefore);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/mlopskg_graphql_requests_total\{operation="ExplainPath",outcome="ok"\} [1-9]/);
    expect(metrics).toMatch(/mlopskg_graphql_requests_total\{operation="PracticesAddressing",outcome="error"\} [1-9]/);
  });

  it('refuses a body over MAX_BODY_BYTES with 413, and allows the MCP headers cross-origin', async () => {
    const big = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { pad: 'x'.repeat(200_000) } });
    const res = await fetch(`${base}/mcp`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: big });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: { extensions: { limit: string } }[] }).errors[0]!.extensions.limit).toBe('bodyBytes');
    const pre = await fetch(`${base}/mcp`, { method: 'OPTIONS', headers: { origin: 'https://assistant.example', 'access-control-request-method': 'POST' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-headers')).toContain('mcp-protocol-version');
    // Stateless: no session to open a stream on or to delete.
    expect((await fetch(`${base}/mcp`, { headers: { accept: 'text/event-stream' } })).status).toBe(405);
  });
});

describe('an outage', () => {
  let app: App;
  let db: Db;
  beforeAll(async () => {
    // A Neo4j that is not there: nothing listens on port 1.
    db = new Db(createDriver({ uri: 'bolt://127.0.0.1:1', username: 'neo4j', password: 'x' }, API_DRIVER_OPTIONS), undefined, 5_000);
    const settings = parseSettings({});
    app = await createApp({ db, logger: pino({ level: 'silent' }), limits: settings.limits, requestTimeoutMs: 5_000, corsOrigins: ['https://assistant.example'], introspection: true });
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await app?.stop();
    app?.server.close();
    await db?.close();
  });

  it('is a tool error saying to retry (SERVICE_UNAVAILABLE), not a protocol error', async () => {
    const address = app.server.address() as { port: number };
    const client = new Client({ name: 'mlops-kg-test', version: '1.0.0' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
    await client.connect(new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${address.port}/mcp`)));
    try {
      const result = await client.callTool({ name: 'find_entities', arguments: { text: 'mlflow' } });
      expect(result.isError).toBe(true);
      expect(errorOf(result).code).toBe('SERVICE_UNAVAILABLE');
      expect(textOf(result)).toMatch(/retry/i);
    } finally {
      await client.close();
    }
  });

  it('refuses a browser origin that CORS_ORIGINS does not allow, before anything runs', async () => {
    const address = app.server.address() as { port: number };
    const post = (origin: string) =>
      fetch(`http://127.0.0.1:${address.port}/mcp`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } } }),
      });
    expect((await post('https://elsewhere.example')).status).toBe(403);
    const allowed = await post('https://assistant.example');
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://assistant.example');
  });
});
