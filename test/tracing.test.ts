// Tracing: one request's span tree, exported to memory (the exporter is injected, not configured).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { parseSettings } from '../src/config/settings.js';
import { startService, type RunningService } from '../src/server.js';
import { gql, resetGraphTo, SEED_DIR, testNeo4j } from './support/neo4j.js';

const exporter = new InMemorySpanExporter();
let service: RunningService;

beforeAll(async () => {
  await resetGraphTo(SEED_DIR);
  service = await startService({
    settings: parseSettings({ PORT: '0', RESPONSE_CACHE_MB: '0' }),
    logger: pino({ level: 'silent' }),
    neo4j: testNeo4j(),
    seedDir: SEED_DIR,
    traceExporter: exporter,
  });
});

afterAll(async () => {
  await service?.stop();
});

const parentOf = (s: ReadableSpan) => s.parentSpanContext?.spanId;

describe('tracing', () => {
  it('is off without an endpoint or exporter: no tracer, no hooks', async () => {
    const { startTracing } = await import('../src/observability/tracing.js');
    expect(startTracing({})).toBeUndefined();
  });

  it('gives one request a tree: HTTP -> GraphQL operation -> Cypher reads', async () => {
    exporter.reset();
    const query = 'query ToolWithPractices($id: ID!) { entity(id: $id) { id name ... on Tool { practices(first: 3) { node { id } } } } }';
    const res = await gql(service.url, query, { id: 'tool:mlflow' });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    // The HTTP span ends when the response closes: wait for it.
    await expect.poll(() => exporter.getFinishedSpans().some((s) => s.name === 'POST /graphql'), { timeout: 5_000 }).toBe(true);
    const spans = exporter.getFinishedSpans();

    const http = spans.find((s) => s.name === 'POST /graphql')!;
    expect(parentOf(http)).toBeUndefined();
    expect(http.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.route': '/graphql', 'http.response.status_code': 200 });

    const op = spans.find((s) => s.name === 'query ToolWithPractices')!;
    expect(op).toBeDefined();
    expect(op.spanContext().traceId).toBe(http.spanContext().traceId);
    expect(parentOf(op)).toBe(http.spanContext().spanId);
    expect(op.attributes['graphql.operation.name']).toBe('ToolWithPractices');
    expect(op.attributes['graphql.operation.type']).toBe('query');
    expect(op.attributes['mlopskg.dataset_version']).toMatch(/^\d{4}-\d{2}-\d{2}\+[0-9a-f]+$/);

    const cypher = spans.filter((s) => s.name === 'neo4j read' && parentOf(s) === op.spanContext().spanId);
    expect(cypher.length).toBeGreaterThanOrEqual(1);
    const total = op.attributes['mlopskg.cypher.round_trips'];
    expect(total).toBe(cypher.length);
    expect(http.attributes['mlopskg.cypher.round_trips']).toBe(total);
    expect(cypher.map((s) => s.attributes['mlopskg.cypher.round_trip']).sort()).toEqual(cypher.map((_, i) => i + 1));
    for (const s of cypher) {
      expect(s.attributes).toMatchObject({ 'db.system.name': 'neo4j', 'graphql.operation.name': 'ToolWithPractices' });
      expect(s.attributes['mlopskg.dataset_version']).toBe(op.attributes['mlopskg.dataset_version']);
    }

    // Never variables or parameters: the id asked for appears in no attribute of any span.
    for (const s of spans) expect(JSON.stringify(s.attributes)).not.toContain('tool:mlflow');
  });

  it('marks a failed operation with its error code', async () => {
    exporter.reset();
    const res = await gql(service.url, 'query Bad { search(text: "mlflow", first: 500) { __typename } }');
    expect(res.body.errors?.length).toBeGreaterThan(0);
    await expect.poll(() => exporter.getFinishedSpans().some((s) => s.name === 'POST /graphql'), { timeout: 5_000 }).toBe(true);
    const op = exporter.getFinishedSpans().find((s) => s.name === 'query Bad')!;
    expect(op.status.code).toBe(2); // SpanStatusCode.ERROR
    expect(String(op.attributes['graphql.error.codes'])).toMatch(/[A-Z_]+/);
  });
});
