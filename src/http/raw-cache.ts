// The response cache's front door: a repeated GraphQL request is recognised by its raw bytes (the POST
// body, or the GET query string) before anything parses it, and answered with the text sent before
// when the graph's version, as this process knows it (src/cache/graph-version-watch.ts), is still the
// one that answer was computed at. A hit skips JSON parsing, GraphQL parsing, validation, the cost
// limit, Apollo and its plugins, and costs no Cypher round trip.
//
// What is kept: only answers that went through all of that and came out without errors (the response
// cache plugin, src/http/plugins/response-cache.ts, says which), with the headers Apollo sent. The
// same bytes always parse to the same operation and variables, so a kept answer's request passed
// every query limit and would pass them again. Keys include the Accept and Content-Type headers
// (Apollo picks the response's media type by Accept); GET requests are recognised only when they
// carry what Apollo's CSRF prevention asks for, so a hit never lets through what Apollo would refuse.
import type http from 'node:http';
import type { ResponseCache } from '../cache/response-cache.js';
import type { GraphSnapshot, GraphVersionWatch } from '../cache/graph-version-watch.js';

/** What is kept beside the answer's text to send it again. */
export interface RawAnswerMeta {
  /** Apollo's response headers (content-type...), as sent. */
  readonly headers: readonly (readonly [string, string])[];
  /** The operation's metrics label. */
  readonly operation: string;
}

const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** Whether Apollo's CSRF prevention lets this request run (the same rule as @apollo/server's). */
function passesCsrf(req: http.IncomingMessage): boolean {
  if (req.headers['apollo-require-preflight'] || req.headers['x-apollo-operation-name']) return true;
  const ct = req.headers['content-type'];
  if (!ct) return false;
  const type = ct.split(';')[0]!.trim().toLowerCase();
  return !SIMPLE_CONTENT_TYPES.includes(type);
}

/**
 * The raw key of a GraphQL request, or undefined when it is not one the raw cache recognises: a POST
 * with a JSON body (its bytes), or a GET that passes CSRF prevention (its query string).
 */
export function rawRequestKey(method: string, req: http.IncomingMessage, search: string, bodyText: string | undefined): string | undefined {
  const accept = req.headers.accept ?? '';
  if (method === 'POST') {
    const ct = req.headers['content-type'] ?? '';
    if (bodyText === undefined || !/^application\/(graphql-response\+)?json\b/i.test(ct.trim())) return undefined;
    return `P\u0000${accept}\u0000${ct}\u0000${bodyText}`;
  }
  if (method === 'GET' && search.length > 1 && passesCsrf(req)) return `G\u0000${accept}\u0000${search}`;
  return undefined;
}

export class RawCache {
  constructor(
    private readonly cache: ResponseCache,
    private readonly watch: GraphVersionWatch,
  ) {}

  /** The answer kept for `key` at the snapshot's version. */
  lookup(key: string, snapshot: GraphSnapshot): { text: string; meta: RawAnswerMeta } | undefined {
    if (snapshot.version === null) return undefined;
    const e = this.cache.entry<RawAnswerMeta>(`raw\u0000${key}`, snapshot.version);
    return e?.meta ? { text: e.text, meta: e.meta } : undefined;
  }

  /** Keeps an answer computed since `snapshot` was taken, when the version has not moved meanwhile. */
  keep(key: string, snapshot: GraphSnapshot, text: string, meta: RawAnswerMeta): void {
    if (snapshot.version === null || this.watch.epoch !== snapshot.epoch) return;
    this.cache.set(`raw\u0000${key}`, snapshot.version, text, meta);
  }
}

/** Sends a kept answer: Apollo's headers as kept, then the text; `stale`: kept at the last version read, which cannot be read now. */
export function sendKept(res: http.ServerResponse, kept: { text: string; meta: RawAnswerMeta }, how: 'hit' | 'stale' = 'hit'): void {
  for (const [k, v] of kept.meta.headers) res.setHeader(k, v);
  res.setHeader('x-response-cache', how);
  res.setHeader('x-cypher-round-trips', '0');
  res.statusCode = 200;
  res.end(kept.text);
}
