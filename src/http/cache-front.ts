// What happens to a GraphQL request before and after Apollo, for caching: the graph's version as
// this process knows it (src/cache/graph-version-watch.ts), HTTP 304 for a GET whose ETag the client
// holds (src/http/etag.ts), the answer kept for the request's raw bytes (src/http/raw-cache.ts), and,
// after Apollo, keeping its answer and giving a GET answer its ETag and Cache-Control.
// A request answered here costs one metrics count, one latency observation and one log line.
// Two more answers come from here: while the graph's version cannot be read (Neo4j away or hung), an
// answer kept at the last version read, marked `x-response-cache: stale`; and while an identical
// request is being executed, its answer (src/http/single-flight.ts), marked `x-response-cache: shared`.
import type http from 'node:http';
import type { Logger } from 'pino';
import type { GraphSnapshot, GraphVersionWatch } from '../cache/graph-version-watch.js';
import type { Metrics } from './metrics.js';
import { etagFor, ifNoneMatch, sendNotModified, setCacheHeaders } from './etag.js';
import { rawRequestKey, sendKept, type RawCache } from './raw-cache.js';
import type { RequestMeta } from './plugins/observability.js';
import { SingleFlight, type SharedAnswer } from './single-flight.js';

export interface CacheFrontOptions {
  readonly watch: GraphVersionWatch;
  /** Absent: the response cache is off (RESPONSE_CACHE_MB=0); ETags and 304 still work. */
  readonly raw?: RawCache;
  readonly metrics: Metrics;
  readonly logger: Logger;
  /** Cache-Control max-age of GET answers, in seconds (HTTP_CACHE_MAX_AGE). */
  readonly maxAgeSeconds: number;
}

/** One request's state between `before` and `after`. */
export interface CachePass {
  readonly key: string | undefined;
  readonly snapshot: GraphSnapshot;
  readonly etag: string | undefined;
  /** Set when this request executes for identical ones waiting: give them its answer (or undefined). */
  readonly share?: (answer: SharedAnswer | undefined) => void;
}

const NOT_KEPT_HEADERS = new Set(['x-response-cache', 'x-cypher-round-trips']);

export class CacheFront {
  private readonly flights = new SingleFlight();
  constructor(private readonly o: CacheFrontOptions) {}

  /** Answers the request from the cache (true), or says how to treat Apollo's answer (a CachePass). */
  async before(req: http.IncomingMessage, res: http.ServerResponse, method: string, search: string, bodyText: string | undefined, meta: RequestMeta, wait = true): Promise<CachePass | true> {
    const { watch, raw } = this.o;
    // wait false (the server is full): no version read, no joining; only what memory holds now.
    const snapshot = watch.fresh() ?? (wait ? await watch.current() : watch.peek());
    meta.graph = snapshot;
    const key = rawRequestKey(method, req, search, bodyText);
    const etag = key !== undefined && method === 'GET' && snapshot.version !== null ? etagFor(snapshot.version, key) : undefined;
    if (etag && ifNoneMatch(req.headers['if-none-match'], etag)) {
      sendNotModified(res, etag, this.o.maxAgeSeconds);
      this.served(meta, 'not-modified', 'anonymous', 304);
      return true;
    }
    const kept = key !== undefined && raw ? raw.lookup(key, snapshot) : undefined;
    if (kept) {
      if (etag) setCacheHeaders(res, etag, this.o.maxAgeSeconds);
      sendKept(res, kept);
      this.served(meta, 'hit', kept.meta.operation, 200);
      return true;
    }
    // The version cannot be read: an answer kept at the last version read, marked stale (no ETag).
    const stale = key !== undefined && raw && snapshot.lastKnown !== undefined ? raw.lookup(key, { version: snapshot.lastKnown, epoch: snapshot.epoch }) : undefined;
    if (stale) {
      sendKept(res, stale, 'stale');
      this.served(meta, 'stale', stale.meta.operation, 200);
      return true;
    }
    if (key === undefined || !wait) return { key, snapshot, etag };
    const flightKey = `${snapshot.epoch}\u0000${key}`;
    const running = this.flights.joined(flightKey);
    const shared = running && (await running);
    if (shared) {
      for (const [k, v] of shared.headers) res.setHeader(k, v);
      if (etag && shared.ok) setCacheHeaders(res, etag, this.o.maxAgeSeconds);
      res.setHeader('x-response-cache', 'shared');
      res.setHeader('x-cypher-round-trips', '0');
      res.statusCode = shared.status;
      res.end(shared.text);
      this.served(meta, 'shared', 'anonymous', shared.status);
      return true;
    }
    return { key, snapshot, etag, share: running ? undefined : this.flights.lead(flightKey) };
  }

  /** After Apollo answered (its headers not yet sent): keeps an answer without errors, and gives a GET one its ETag. */
  after(res: http.ServerResponse, pass: CachePass, status: number, headers: Iterable<[string, string]>, meta: RequestMeta): void {
    const answer = meta.answer;
    if (!answer || status !== 200) return;
    if (pass.etag) setCacheHeaders(res, pass.etag, this.o.maxAgeSeconds);
    if (pass.key === undefined || !this.o.raw) return;
    const kept = [...headers].filter(([k]) => !NOT_KEPT_HEADERS.has(k.toLowerCase()));
    this.o.raw.keep(pass.key, pass.snapshot, answer.text, { headers: kept, operation: answer.operation });
  }

  private served(meta: RequestMeta, outcome: 'hit' | 'not-modified' | 'stale' | 'shared', operation: string, status: number): void {
    const { metrics, logger } = this.o;
    const seconds = (performance.now() - meta.startedAt) / 1000;
    metrics.responseCache.inc({ outcome });
    metrics.requests.inc({ operation, outcome: status < 400 ? 'ok' : 'error' });
    metrics.latency.observe({ operation }, seconds);
    // One line, from the process's logger (no per-request child logger is made for a cached answer).
    if (logger.isLevelEnabled('info')) logger.info({ reqId: meta.requestId, operation, outcome: 'ok', cache: outcome, status, ms: Math.round(seconds * 1000), roundTrips: 0 }, 'graphql request');
  }
}
