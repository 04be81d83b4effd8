// HTTP caching of GET answers (GraphQL queries by GET, exports): an ETag made from the graph's version
// and the request, `If-None-Match` answered with 304, and a Cache-Control of HTTP_CACHE_MAX_AGE.
//
// Same version, same request: the same answer (answers depend on nothing else), so a client holding
// the ETag of a successful answer already has what executing it again would give, and 304 can be sent
// without executing anything. ETags are given to successful answers only (no errors), and only while
// the graph's version is known (src/cache/graph-version-watch.ts).
import { createHash } from 'node:crypto';
import type http from 'node:http';

/** A strong ETag for the answer to `requestKey` at graph version `version`. */
export function etagFor(version: string, requestKey: string): string {
  return `"${createHash('sha1').update(version).update('\u0000').update(requestKey).digest('base64url')}"`;
}

/** Whether an If-None-Match header names `etag` (weak comparison, as RFC 9110 asks for it; `*` too). */
export function ifNoneMatch(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const text = Array.isArray(header) ? header.join(',') : header;
  if (text.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return text.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

/** The Cache-Control of a cacheable answer: `maxAgeSeconds` 0 means "keep it, but ask again each time" (with the ETag). */
export function cacheControl(maxAgeSeconds: number): string {
  return maxAgeSeconds > 0 ? `public, max-age=${maxAgeSeconds}` : 'public, no-cache';
}

/** Sets ETag, Cache-Control and Vary (when `vary` is not empty) on a response about to be sent. */
export function setCacheHeaders(res: http.ServerResponse, etag: string, maxAgeSeconds: number, vary = 'accept'): void {
  res.setHeader('etag', etag);
  res.setHeader('cache-control', cacheControl(maxAgeSeconds));
  if (!vary) return;
  const prior = res.getHeader('vary');
  res.setHeader('vary', prior ? `${String(prior)}, ${vary}` : vary);
}

/** 304 Not Modified with the validators (no body). */
export function sendNotModified(res: http.ServerResponse, etag: string, maxAgeSeconds: number, vary?: string): void {
  setCacheHeaders(res, etag, maxAgeSeconds, vary);
  res.statusCode = 304;
  res.end();
}
