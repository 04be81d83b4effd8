// Headers every answer carries: a request id, security headers, and CORS for the origins allowed.
import { randomUUID } from 'node:crypto';
import type http from 'node:http';

export const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/** A caller's own request id is kept when it is a sane token; otherwise a new one is made. */
export function requestIdOf(req: http.IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(given) ? given : randomUUID();
}

export function applyCors(req: http.IncomingMessage, res: http.ServerResponse, origins: '*' | readonly string[]): void {
  const origin = req.headers.origin;
  if (!origin) return;
  if (origins !== '*' && !origins.includes(origin)) return;
  res.setHeader('access-control-allow-origin', origins === '*' ? '*' : origin);
  if (origins !== '*') res.setHeader('vary', 'origin');
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  res.setHeader('access-control-allow-headers', 'content-type, accept, apollo-require-preflight, x-apollo-operation-name, x-request-id, mcp-protocol-version, mcp-method, mcp-name, mcp-session-id');
  res.setHeader('access-control-expose-headers', 'x-request-id, x-cypher-round-trips, x-response-cache');
  res.setHeader('access-control-max-age', '600');
}
