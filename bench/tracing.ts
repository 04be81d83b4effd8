// npm run bench -- --tracing: what tracing costs. The same operations against two API processes on
// the same data, both without the response cache: one with tracing off (no OTLP endpoint), one
// exporting every span over OTLP/HTTP to a sink started here (a bare node:http server that reads and
// discards what it gets, so the export's own cost is the API's and not a collector's). Prints the
// throughput and median ratios (on / off).
import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { measure, warmUp, type HttpRequest, type LoadResult } from './load.js';

export interface ApiDoor {
  readonly url: string;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

export interface OtlpSink {
  readonly url: string;
  readonly received: { requests: number; bytes: number };
  close(): Promise<void>;
}

export function startOtlpSink(): Promise<OtlpSink> {
  const received = { requests: 0, bytes: 0 };
  const server = http.createServer((req, res) => {
    req.on('data', (c: Buffer) => (received.bytes += c.length));
    req.on('end', () => {
      received.requests += 1;
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({ url: `http://127.0.0.1:${port}`, received, close: () => new Promise<void>((r) => server.close(() => r())) });
    }),
  );
}

export interface TracingRow {
  readonly op: string;
  readonly off: LoadResult;
  readonly on: LoadResult;
}

export interface TracingOverheadOptions {
  /** Starts an API process with these extra environment variables. */
  readonly startApi: (env: Record<string, string>) => Promise<ApiDoor>;
  readonly ops: readonly string[];
  readonly requestsFor: (url: string, op: string) => HttpRequest[];
  readonly connections: number;
  readonly durationSec: number;
  readonly warmupSec: number;
  readonly log: (line: string) => void;
}

export async function tracingOverhead(o: TracingOverheadOptions): Promise<TracingRow[]> {
  const sink = await startOtlpSink();
  const off = await o.startApi({ RESPONSE_CACHE_MB: '0', OTEL_EXPORTER_OTLP_ENDPOINT: '' });
  let on: ApiDoor | undefined;
  try {
    on = await o.startApi({ RESPONSE_CACHE_MB: '0', OTEL_EXPORTER_OTLP_ENDPOINT: sink.url });
    const rows: TracingRow[] = [];
    for (const op of o.ops) {
      const results: LoadResult[] = [];
      for (const door of [off, on]) {
        const requests = o.requestsFor(door.url, op);
        await warmUp({ baseUrl: door.url, requests, connections: o.connections, child: door.child }, o.warmupSec);
        results.push(await measure({ baseUrl: door.url, requests, connections: o.connections, durationSec: o.durationSec, child: door.child }));
      }
      const row = { op, off: results[0]!, on: results[1]! };
      rows.push(row);
      o.log(`  tracing ${op.padEnd(22)} off ${row.off.rps} req/s p50 ${row.off.p50} ms | on ${row.on.rps} req/s p50 ${row.on.p50} ms | throughput ×${ratio(row.on.rps, row.off.rps)}, p50 ×${ratio(row.on.p50, row.off.p50)}`);
    }
    // Let the last batch go out (the batch processor sends every 5 s at most).
    await new Promise((r) => setTimeout(r, 5_500));
    o.log(`  OTLP sink received ${sink.received.requests} export requests, ${Math.round(sink.received.bytes / 1024)} KB`);
    return rows;
  } finally {
    await on?.stop();
    await off.stop();
    await sink.close();
  }
}

export function ratio(a: number, b: number): string {
  return b > 0 ? (a / b).toFixed(2) : 'n/a';
}

/** The closing lines: one per operation, on / off. */
export function renderTracing(rows: readonly TracingRow[]): string {
  const lines = ['| operation | req/s off | req/s on | throughput on/off | p50 ms off | p50 ms on | p50 on/off |', '|---|---|---|---|---|---|---|'];
  for (const r of rows) lines.push(`| ${r.op} | ${r.off.rps} | ${r.on.rps} | ${ratio(r.on.rps, r.off.rps)} | ${r.off.p50} | ${r.on.p50} | ${ratio(r.on.p50, r.off.p50)} |`);
  return lines.join('\n');
}
