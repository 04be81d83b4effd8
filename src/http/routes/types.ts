// A route of the HTTP server besides /graphql: explorer pages, exports, health, metrics.
import type http from 'node:http';
import type { Logger } from 'pino';
import type { GraphVersionWatch } from '../../cache/graph-version-watch.js';
import type { Db } from '../../neo4j/driver.js';
import type { Metrics } from '../metrics.js';
import type { GraphQLExecutor } from '../../mcp/types.js';

export interface RouteDeps {
  readonly db: Db;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** The graph's version as the process knows it: ETags of exports (src/http/etag.ts). */
  readonly graphVersion?: GraphVersionWatch;
  /** Cache-Control max-age of exports, in seconds (HTTP_CACHE_MAX_AGE). */
  readonly httpCacheMaxAgeSeconds?: number;
  /** For POST /mcp (routes/mcp.ts): the in-process executor, the result cap, and the body reader with MAX_BODY_BYTES. */
  readonly mcp?: {
    readonly execute: GraphQLExecutor;
    readonly maxResultBytes?: number;
    readBody(req: http.IncomingMessage): Promise<string>;
  };
  /** True once the shutdown drain has begun (src/http/drain.ts): /readyz says 503. */
  readonly draining?: () => boolean;
}

export interface Route {
  /** What the route serves, for logs and metrics, e.g. "/export/{kind}.csv". */
  readonly name: string;
  /** method is upper-case; url is parsed against the request's path and query. */
  matches(method: string, url: URL, req: http.IncomingMessage): boolean;
  handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL, deps: RouteDeps): Promise<void>;
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}
