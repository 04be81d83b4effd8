// The OTLP path without a database: spans reach a local collector stand-in at /v1/traces as protobuf.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTracing, tracesUrl } from '../../src/observability/tracing.js';

const received: { url?: string; contentType?: string; bytes: number }[] = [];
const sink = http.createServer((req, res) => {
  let bytes = 0;
  req.on('data', (c: Buffer) => (bytes += c.length));
  req.on('end', () => {
    received.push({ url: req.url, contentType: req.headers['content-type'], bytes });
    res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
  });
});

beforeAll(() => new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve)));
afterAll(() => new Promise<void>((resolve) => sink.close(() => resolve())));

describe('OTLP export', () => {
  it('derives the traces URL from the base endpoint', () => {
    expect(tracesUrl('http://collector:4318')).toBe('http://collector:4318/v1/traces');
    expect(tracesUrl('http://collector:4318/')).toBe('http://collector:4318/v1/traces');
  });

  it('posts finished spans to the collector', async () => {
    const port = (sink.address() as AddressInfo).port;
    const tracing = startTracing({ otlpEndpoint: `http://127.0.0.1:${port}` })!;
    expect(tracing).toBeDefined();
    tracing.tracer.startSpan('probe').end();
    await tracing.shutdown();
    expect(received.length).toBeGreaterThanOrEqual(1);
    expect(received[0]).toMatchObject({ url: '/v1/traces', contentType: 'application/x-protobuf' });
    expect(received[0]!.bytes).toBeGreaterThan(0);
  });
});
