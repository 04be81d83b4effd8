// One measurement: autocannon at a fixed concurrency for a fixed time against one door, the door's
// memory sampled meanwhile (its process answers {type: 'rss'} with process.memoryUsage()).
import type { ChildProcess } from 'node:child_process';
import autocannon, { type Request as CannonRequest } from 'autocannon';
import type { ChildMessage } from './serve.js';

export interface HttpRequest {
  readonly path: string;
  /** A JSON object's text. */
  readonly body: string;
  readonly headers: Record<string, string>;
  /**
   * Each time it goes out under load, with a counter in the body's GraphQL `extensions`: no two are
   * identical, so the API's sharing of an identical request under way (src/http/single-flight.ts)
   * never answers one for another, and "response cache off" means every request executed.
   */
  readonly unique?: boolean;
}

let sent = 0;

/** Autocannon's list of requests. */
function cannonRequests(requests: readonly HttpRequest[]): CannonRequest[] {
  return requests.map((r) => ({
    method: 'POST',
    path: r.path,
    headers: r.headers,
    body: r.body,
    ...(r.unique ? { setupRequest: (req: CannonRequest) => ({ ...req, body: `${r.body.slice(0, -1)},"extensions":{"benchRequest":${++sent}}}` }) } : {}),
  }));
}

export interface LoadResult {
  readonly requests: number;
  readonly rps: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly mean: number;
  readonly errors: number;
  readonly non2xx: number;
  readonly timeouts: number;
  /** Largest and mean RSS of the door's process while loaded, in MB. */
  readonly rssMaxMb: number;
  readonly rssMeanMb: number;
  /** Largest V8 heap (total reserved, and used) of the door while loaded, in MB. */
  readonly heapTotalMaxMb: number;
  readonly heapUsedMaxMb: number;
  /** RSS before the load started, in MB. */
  readonly rssIdleMb: number;
}

export interface LoadOptions {
  readonly baseUrl: string;
  readonly requests: readonly HttpRequest[];
  readonly connections: number;
  readonly durationSec: number;
  /** A fixed number of requests instead of a duration (for answers that take seconds). */
  readonly amount?: number;
  readonly child: ChildProcess;
}

/** Asks the child for its memory every `everyMs` until stopped. */
type Sample = Extract<ChildMessage, { type: 'rss' }>;

function sampleRss(child: ChildProcess, everyMs: number): { stop(): Sample[] } {
  const samples: Sample[] = [];
  const onMessage = (m: ChildMessage) => {
    if (m.type === 'rss') samples.push(m);
  };
  child.on('message', onMessage);
  const ask = () => child.connected && child.send({ type: 'rss' });
  ask();
  const timer = setInterval(ask, everyMs);
  return {
    stop() {
      clearInterval(timer);
      child.off('message', onMessage);
      return samples;
    },
  };
}

const mb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

/** One memory sample of the door, now. */
export function memoryOf(child: ChildProcess): Promise<Sample> {
  return new Promise((resolve) => {
    const on = (m: ChildMessage) => {
      if (m.type !== 'rss') return;
      child.off('message', on);
      resolve(m);
    };
    child.on('message', on);
    child.send({ type: 'rss' });
  });
}

/** Profiles the door while `work` runs (BENCH_PROFILE=api,floor,peer); writes `file`. */
export async function profiled<T>(child: ChildProcess, file: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!file) return work();
  child.send({ type: 'profile-start' });
  try {
    return await work();
  } finally {
    await new Promise<void>((resolve) => {
      const on = (m: ChildMessage) => {
        if (m.type !== 'profiled') return;
        child.off('message', on);
        resolve();
      };
      child.on('message', on);
      child.send({ type: 'profile-stop', file });
    });
  }
}

export async function measure(options: LoadOptions): Promise<LoadResult> {
  const idle = await memoryOf(options.child);
  const url = new URL(options.baseUrl);
  const base = `${url.protocol}//${url.host}`;
  const requests = cannonRequests(options.requests);
  const sampler = sampleRss(options.child, 200);
  const result = await autocannon({
    url: base,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.durationSec }),
    timeout: 300,
    requests,
  });
  const samples = sampler.stop();
  return {
    requests: result.requests.total,
    rps: Math.round(result.requests.average * 10) / 10,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    mean: Math.round(result.latency.mean * 10) / 10,
    errors: result.errors,
    non2xx: result.non2xx,
    timeouts: result.timeouts,
    rssMaxMb: samples.length ? mb(Math.max(...samples.map((s) => s.rss))) : 0,
    rssMeanMb: samples.length ? mb(samples.reduce((a, s) => a + s.rss, 0) / samples.length) : 0,
    heapTotalMaxMb: samples.length ? mb(Math.max(...samples.map((s) => s.heapTotal))) : 0,
    heapUsedMaxMb: samples.length ? mb(Math.max(...samples.map((s) => s.heapUsed))) : 0,
    rssIdleMb: mb(idle.rss),
  };
}

/** A short unrecorded run first: JIT, connection pools and Neo4j's query caches warm up. */
export async function warmUp(options: Omit<LoadOptions, 'durationSec'>, seconds: number): Promise<void> {
  const url = new URL(options.baseUrl);
  const requests = cannonRequests(options.requests);
  await autocannon({
    url: `${url.protocol}//${url.host}`,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: seconds }),
    timeout: 300,
    requests,
  });
}

/** Several measurements of one door as one: the median of each figure, the largest memory, the sum of the counts. */
export function medianOf(results: readonly LoadResult[]): LoadResult {
  if (results.length === 1) return results[0]!;
  const med = (f: (r: LoadResult) => number) => {
    const xs = results.map(f).sort((a, b) => a - b);
    const mid = Math.floor(xs.length / 2);
    return xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
  };
  const sum = (f: (r: LoadResult) => number) => results.reduce((s, r) => s + f(r), 0);
  const max = (f: (r: LoadResult) => number) => Math.max(...results.map(f));
  return {
    requests: sum((r) => r.requests),
    rps: Math.round(med((r) => r.rps) * 10) / 10,
    p50: med((r) => r.p50),
    p90: med((r) => r.p90),
    p99: med((r) => r.p99),
    mean: Math.round(med((r) => r.mean) * 10) / 10,
    errors: sum((r) => r.errors),
    non2xx: sum((r) => r.non2xx),
    timeouts: sum((r) => r.timeouts),
    rssMaxMb: max((r) => r.rssMaxMb),
    rssMeanMb: Math.round(med((r) => r.rssMeanMb) * 10) / 10,
    heapTotalMaxMb: max((r) => r.heapTotalMaxMb),
    heapUsedMaxMb: max((r) => r.heapUsedMaxMb),
    rssIdleMb: results[0]!.rssIdleMb,
  };
}
